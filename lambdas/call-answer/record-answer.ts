/**
 * Call answer: records on the incident (keyed by ContactId, in the tenant's data-Region table)
 * that a call-taker answered it after N seconds, or that the caller hung up first, or (local
 * centre only) that the flow sent it to the backup centre, and when an answered call ended. The
 * table stream then makes the relay publish `CallAnswered` / `CallAbandoned` / `CallOverflowed` /
 * `CallEnded`.
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
import { CALLBACK_DUE, needsCallBack } from "../../domain/call-back";
import { incidentKey } from "../../domain/incident-table";
import { type CallAnswerRecord, readCallEnd, readContactEvent, secondsBetween } from "./contact-event";

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

/**
 * Records an answer or abandon on its incident. Throws only when the table fails (the event is
 * then retried by its sender).
 *
 * @example
 * await recordCallAnswer(deps, { kind: "answered", contactId, initiatedAt, answeredAt }) // "recorded"
 */
/** What each kind of record writes: when it happened and how long it took (not for overflow). */
const RECORD_WRITES = {
  answered: "SET answeredAt = :at, answerSeconds = :seconds",
  abandoned: "SET abandonedAt = :at, abandonSeconds = :seconds",
  overflowed: "SET overflowedAt = :at",
  ended: "SET endedAt = :at, handleSeconds = :seconds",
} as const;

/** The call has no answer and no abandon yet: the first of the two wins. */
const FIRST_ANSWER_OR_ABANDON =
  "attribute_exists(pk) AND attribute_not_exists(answeredAt) AND attribute_not_exists(abandonedAt)";

/**
 * When each kind of record may be written. An overflow is recorded once; a caller the backup centre
 * did not take comes back to the queue, so an answer or abandon may still follow it.
 */
const RECORD_CONDITIONS = {
  answered: FIRST_ANSWER_OR_ABANDON,
  abandoned: FIRST_ANSWER_OR_ABANDON,
  overflowed: "attribute_exists(pk) AND attribute_not_exists(overflowedAt)",
  /** The end of an answered call, once (the answer is recorded first, from the same event if need be). */
  ended: "attribute_exists(pk) AND attribute_exists(answeredAt) AND attribute_not_exists(endedAt)",
} as const;

function instantOf(record: CallAnswerRecord): string {
  switch (record.kind) {
    case "answered":
      return record.answeredAt;
    case "abandoned":
      return record.hungUpAt;
    case "overflowed":
      return record.overflowedAt;
    case "ended":
      return record.endedAt;
  }
}

/** How long it took: from the call entering the system, or for an end from the answer. */
function secondsOf(record: CallAnswerRecord): number {
  return record.kind === "ended"
    ? secondsBetween(record.answeredAt, record.endedAt)
    : secondsBetween(record.initiatedAt, instantOf(record));
}

export async function recordCallAnswer(
  deps: CallAnswerDeps,
  record: CallAnswerRecord,
): Promise<CallAnswerResult> {
  const key = incidentKey(record.contactId);
  const at = instantOf(record);
  const seconds = secondsOf(record);
  let written: Record<string, { S?: string }> | undefined;
  try {
    const result = await deps.dynamodb.send(
      new UpdateItemCommand({
        TableName: deps.tableName,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        UpdateExpression: RECORD_WRITES[record.kind],
        // The incident's `version` is left alone: a call-taker classifying meanwhile is not refused.
        ConditionExpression: RECORD_CONDITIONS[record.kind],
        ExpressionAttributeValues: {
          ":at": { S: at },
          ...(record.kind === "overflowed" ? {} : { ":seconds": { N: String(seconds) } }),
        },
        ReturnValues: record.kind === "abandoned" || record.kind === "overflowed" ? "ALL_NEW" : "NONE",
      }),
    );
    written = result.Attributes as Record<string, { S?: string }> | undefined;
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
  if (record.kind === "abandoned" || record.kind === "overflowed")
    await leaveReceived(deps, key, record.kind, written);
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
 * An abandoned or overflowed call does not stay "received" for ever: the incident moves to that
 * state (only from "received": a call-taker who acted first wins), and an abandoned call with a
 * number goes on the call-back list (domain/call-back.ts).
 */
async function leaveReceived(
  deps: CallAnswerDeps,
  key: { pk: string; sk: string },
  state: "abandoned" | "overflowed",
  image: Record<string, { S?: string }> | undefined,
): Promise<void> {
  const callBack = needsCallBack({ state, callerNumber: image?.callerNumber?.S });
  try {
    await deps.dynamodb.send(
      new UpdateItemCommand({
        TableName: deps.tableName,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        UpdateExpression: callBack ? "SET #state = :state, callbackDue = :due" : "SET #state = :state",
        ConditionExpression: "#state = :received",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":state": { S: state },
          ":received": { S: "received" },
          ...(callBack ? { ":due": { S: CALLBACK_DUE } } : {}),
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
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
  const answer = await recordCallAnswer(deps, record);
  // The DISCONNECTED of an answered call also ends it: the answer first (in case its own event was
  // lost), then how long the call-taker was on it.
  const end = readCallEnd(event);
  if (!end || answer === "unknown-call") return answer;
  return recordCallAnswer(deps, end);
}
