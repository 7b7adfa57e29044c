/**
 * Call-answer Lambda (EventBridge rule on Amazon Connect contact events of the tenant's queue, in
 * the hub's Connect Region). Not a contact-flow integration: it uses none of the instance's 50
 * Lambda slots. Thin wiring around `recordContactEvent`; a failing table throws so EventBridge
 * retries the event.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ENV } from "../shared/environment";
import { type CallAnswerDeps, type CallAnswerResult, recordContactEvent } from "./record-answer";

const deps: CallAnswerDeps = {
  dynamodb: new DynamoDBClient({ region: process.env[ENV.tableRegion] || process.env.AWS_REGION }),
  tableName: process.env[ENV.tableName] ?? "",
  log: (entry) => console.log(JSON.stringify(entry)),
};

/** EventBridge event in, what was recorded out (for logs and tests). */
export const handler = (event: unknown): Promise<CallAnswerResult> => recordContactEvent(deps, event);
