/**
 * Lambda behind the national dashboard's `api/` (API Gateway HTTP API or a function URL, payload
 * v2). Environment: `STATISTICS_TABLE_NAME`. Area names come from the official list bundled with
 * the function (`official-area-names.ts`), not from the environment: Lambda's 4 KB environment
 * cannot hold the names of hundreds of tenants.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { STATISTICS_ENV } from "../../domain/statistics-table";
import { toHttpRequest, toHttpResult } from "../shared/http-event";
import { withCachedRows } from "../statistics/cached-rows";
import { DynamoStatisticsStore } from "../statistics/statistics-store";
import { monitoringApi } from "./monitoring-api";
import { OFFICIAL_AREA_NAMES } from "./official-area-names";

// Rows of days that no longer change stay in memory for a few minutes: a refresh reads the others.
const store = withCachedRows(
  new DynamoStatisticsStore(
    DynamoDBDocumentClient.from(new DynamoDBClient({})),
    process.env[STATISTICS_ENV.tableName] ?? "",
  ),
);

async function answer(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  // No function in the cloud sees a call sent to the backup centre yet (docs/events.md).
  return toHttpResult(
    await monitoringApi(toHttpRequest(event), { store, names: OFFICIAL_AREA_NAMES, overflowMeasured: false }),
  );
}

export const handler = middy(answer);
