/**
 * Call answer: records on the incident (keyed by ContactId, in the tenant's data-Region table)
 * that a call-taker answered it after N seconds, or that the caller hung up first, or (local
 * centre only) that the flow sent it to the backup centre. The table stream then makes the relay
 * publish `CallAnswered` / `CallAbandoned` / `CallOverflowed`.
 *
 * Idempotent: the first answer or abandon of a call wins, a redelivered or later event changes
 * nothing; a transfer to the backup centre is recorded once and may precede an answer (the flow
 * brings the caller back to the queue when the backup centre does not pick up).
 * Only the low-level DynamoDB client (like intake): the function runs in the Connect Region and
 * writes across to the data Region.
 */
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { incidentKey } from "../../domain/incident-table";
import { type CallAnswerRecord, readContactEvent, secondsBetween } from "./contact-event";

export interface CallAnswerDeps {
  readonly dynamodb: Pick<DynamoDBClient, "send">;
  readonly tableName: string;
  /** One JSON line per event. */
  readonly log: (entry: Record<string, unknown>) => void;
}

/**
 * - `recorded`: written now;
 * - `already-recorded`: the call had its answer or abandon already (a redelivery, or the
 *   DISCONNECTED after a CONNECTED_TO_AGENT);
 * - `unknown-call`: no incident with that ContactId (not this tenant's call, or intake never
 *   recorded it);
 * - `ignored`: the event reports neither an answer nor an abandon.
 */
export type CallAnswerResult = "recorded" | "already-recorded" | "unknown-call" | "ignored";

const FIRST_ANSWER_OR_ABANDON =
  "attribute_exists(pk) AND attribute_not_exists(answeredAt) AND attribute_not_exists(abandonedAt)";

/** The update and condition of each kind of record. */
const WRITES: Readonly<Record<CallAnswerRecord["kind"], { update: string; condition: string }>> = {
  answered: { update: "SET answeredAt = :at, answerSeconds = :seconds", condition: FIRST_ANSWER_OR_ABANDON },
  abandoned: {
    update: "SET abandonedAt = :at, abandonSeconds = :seconds",
    condition: FIRST_ANSWER_OR_ABANDON,
  },
  overflowed: {
    update: "SET overflowedAt = :at, overflowSeconds = :seconds",
    condition: "attribute_exists(pk) AND attribute_not_exists(overflowedAt)",
  },
};

/**
 * Records an answer or abandon on its incident. Throws only when the table fails (the event is
 * then retried by its sender).
 *
 * @example
 * await recordCallAnswer(deps, { kind: "answered", contactId, initiatedAt, answeredAt }) // "recorded"
 */
export async function recordCallAnswer(
  deps: CallAnswerDeps,
  record: CallAnswerRecord,
): Promise<CallAnswerResult> {
  const key = incidentKey(record.contactId);
  const write = WRITES[record.kind];
  const at =
    record.kind === "answered"
      ? record.answeredAt
      : record.kind === "abandoned"
        ? record.hungUpAt
        : record.transferredAt;
  const seconds = secondsBetween(record.initiatedAt, at);
  try {
    await deps.dynamodb.send(
      new UpdateItemCommand({
        TableName: deps.tableName,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        UpdateExpression: write.update,
        // The incident's `version` is left alone: a call-taker classifying meanwhile is not refused.
        ConditionExpression: write.condition,
        ExpressionAttributeValues: { ":at": { S: at }, ":seconds": { N: String(seconds) } },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const stored = await deps.dynamodb.send(
      new GetItemCommand({
        TableName: deps.tableName,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        ProjectionExpression: "pk",
        ConsistentRead: true,
      }),
    );
    const result = stored.Item ? "already-recorded" : "unknown-call";
    deps.log({
      level: "INFO",
      message: `call-answer: ${result}`,
      incidentId: record.contactId,
      kind: record.kind,
    });
    return result;
  }
  deps.log({
    level: "INFO",
    message: "call-answer: recorded",
    incidentId: record.contactId,
    kind: record.kind,
    seconds,
  });
  return "recorded";
}

/**
 * Reads an Amazon Connect contact event and records what it reports.
 *
 * @example
 * await recordContactEvent(deps, eventBridgeContactEvent) // "recorded" | "already-recorded" | "unknown-call" | "ignored"
 */
export async function recordContactEvent(deps: CallAnswerDeps, event: unknown): Promise<CallAnswerResult> {
  const record = readContactEvent(event);
  if (!record) {
    const detail = (event as { detail?: { eventType?: unknown } } | null)?.detail;
    deps.log({ level: "INFO", message: "call-answer: ignored", eventType: detail?.eventType });
    return "ignored";
  }
  return recordCallAnswer(deps, record);
}
