/**
 * EventBridge target on the national monitoring bus: folds each incident event into the
 * statistics table. Environment: `STATISTICS_TABLE_NAME`.
 */

import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import type { EventBridgeEvent } from "aws-lambda";
import { STATISTICS_ENV } from "../../domain/statistics-table";
import { DynamoStatisticsStore } from "../statistics/statistics-store";
import { aggregateIncidentEvents } from "./aggregate";

const logger = new Logger({ serviceName: "national-aggregator" });
const tableName = process.env[STATISTICS_ENV.tableName];
const store = new DynamoStatisticsStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName ?? "");

async function aggregate(event: EventBridgeEvent<string, unknown>) {
  if (!tableName) throw new Error(`${STATISTICS_ENV.tableName}: not set (the statistics table name)`);
  const report = await aggregateIncidentEvents([event.detail], store);
  for (const reason of report.invalid)
    logger.error("invalid incident event", { reason, source: event.source });
  if (report.ignored > 0) logger.info("ignored incident event", { detailType: event["detail-type"] });
  return report;
}

export const handler = middy(aggregate);
