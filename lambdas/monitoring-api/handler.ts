/**
 * Lambda behind the national dashboard's `api/` (API Gateway HTTP API or a function URL, payload
 * v2). Environment: `STATISTICS_TABLE_NAME`, `AREA_NAMES` (JSON code -> name).
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { STATISTICS_ENV } from "../../domain/statistics-table";
import { DynamoStatisticsStore } from "../national-aggregator/statistics-store";
import { monitoringApi } from "./monitoring-api";

const store = new DynamoStatisticsStore(
  DynamoDBDocumentClient.from(new DynamoDBClient({})),
  process.env[STATISTICS_ENV.tableName] ?? "",
);
const names = JSON.parse(process.env[STATISTICS_ENV.areaNames] ?? "{}") as Record<string, string>;

async function answer(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const response = await monitoringApi(
    {
      method: event.requestContext.http.method,
      path: event.rawPath,
      query: event.queryStringParameters ?? {},
    },
    { store, names },
  );
  return { statusCode: response.status, headers: { ...response.headers }, body: response.body };
}

export const handler = middy(answer);
