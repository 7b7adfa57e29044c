/**
 * Escalation relay Lambda: the incident table's stream (ReportBatchItemFailures; the mapping's
 * on-failure destination is the dead-letter queue).
 */
import middy from "@middy/core";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { senderDepsFromEnv } from "../shared/sender-deps";
import { relayChanges } from "./relay";
import { changesOfStream } from "./stream-records";

const { deps, middlewares } = senderDepsFromEnv("escalation-relay");

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use([...middlewares])
  .handler(async (event) => {
    const changes = changesOfStream(event?.Records ?? []);
    const { failed } = await relayChanges(deps, changes);
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  });
