/**
 * Lambda behind the national dashboard's `api/` (API Gateway HTTP API or a function URL, payload
 * v2). Environment: `STATISTICS_TABLE_NAME`. Area names come from the official list bundled with
 * the function (`official-area-names.ts`), not from the environment: Lambda's 4 KB environment
 * cannot hold the names of hundreds of tenants.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { STATISTICS_ENV } from "../../domain/statistics-table";
import { DynamoStatisticsStore } from "../statistics/statistics-store";
import { monitoringApi } from "./monitoring-api";
import { OFFICIAL_AREA_NAMES } from "./official-area-names";

const store = new DynamoStatisticsStore(
  DynamoDBDocumentClient.from(new DynamoDBClient({})),
  process.env[STATISTICS_ENV.tableName] ?? "",
);
// The dashboard's filter lists provinces only: the 514 kab/kota names stay out of every answer.
const provinces = Object.fromEntries(
  Object.entries(OFFICIAL_AREA_NAMES).filter(([code]) => !code.includes(".")),
);

async function answer(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const response = await monitoringApi(
    {
      method: event.requestContext.http.method,
      path: event.rawPath,
      query: event.queryStringParameters ?? {},
    },
    { store, names: OFFICIAL_AREA_NAMES, areas: provinces },
  );
  return { statusCode: response.status, headers: { ...response.headers }, body: response.body };
}

export const handler = middy(answer);
