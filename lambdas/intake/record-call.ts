/**
 * Intake: records a 112 call as an incident keyed by its ContactId and answers the contact flow.
 * Idempotent under Connect's retries: the first answer's caller flags are stored on the incident
 * item (`repeatCaller`, `suspectedPrank`), and a retry answers them, whatever calls came from the
 * number in between. Never throws (answers `status: "error"` instead).
 * Cold-start budget: only the low-level DynamoDB client (hand-marshalled items, no lib-dynamodb,
 * no zod, no Powertools); a caller with a number costs two writes in sequence (the history gives
 * the flags the incident is written with), a caller without one a single write.
 */
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { callerKeyOf, dayPkOf, isContactId, maskCallerNumber, shortCodeOf } from "../../domain/incident";
import {
  type CallerHistory,
  callerFlags,
  HISTORY_KEEP,
  needsTrim,
  PRANK_WINDOW_SECONDS,
} from "../../domain/incident-caller-history";
import { callerHistoryKey, incidentKey } from "../../domain/incident-table";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";
import type { IntakeAnswer } from "./answer";

export interface IntakeDeps {
  /** Undefined when the runtime configuration could not be read (answers `config`). */
  readonly tenant: TenantRuntimeConfig | undefined;
  readonly dynamodb: Pick<DynamoDBClient, "send">;
  readonly tableName: string;
  readonly clock: { now(): number };
  /** One JSON line per call; never given the caller's number unmasked. */
  readonly log: (entry: Record<string, unknown>) => void;
  /**
   * Answer `error: "table"` after this long rather than let the flow's invocation time limit
   * (3 s) expire. @default 2500
   */
  readonly deadlineMillis?: number;
}

/** What intake reads from the ContactFlowEvent. */
export interface IntakeCall {
  readonly contactId: string;
  readonly callerNumber?: string;
  readonly channel: string;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * Reads the call from a Connect ContactFlowEvent, or undefined when it is not one.
 *
 * @example
 * readCall({ Name: "ContactFlowEvent", Details: { ContactData: { ContactId: "c0ffee", ... } } })
 */
export function readCall(event: unknown): IntakeCall | undefined {
  const contact = (event as { Details?: { ContactData?: Record<string, unknown> } } | null)?.Details
    ?.ContactData;
  if (typeof contact !== "object" || contact === null) return undefined;
  const contactId = contact.ContactId;
  if (!isContactId(contactId)) return undefined;
  const endpoint = contact.CustomerEndpoint as { Address?: unknown; Type?: unknown } | null | undefined;
  const address = typeof endpoint?.Address === "string" ? endpoint.Address.replace(/[\s-]/g, "") : undefined;
  return {
    contactId,
    callerNumber: address && E164.test(address) ? address : undefined,
    channel: typeof contact.Channel === "string" ? contact.Channel : "VOICE",
  };
}

/**
 * Records the call and answers the flow.
 *
 * @example
 * await recordCall(deps, contactFlowEvent) // { status: "ok", incidentId, shortCode: "K7Q2XM", repeatCaller: "false", suspectedPrank: "false" }
 */
export async function recordCall(deps: IntakeDeps, event: unknown): Promise<IntakeAnswer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<IntakeAnswer>((resolve) => {
    timer = setTimeout(() => {
      deps.log({ level: "ERROR", message: "intake: table did not answer before the deadline" });
      resolve({ status: "error", error: "table" });
    }, deps.deadlineMillis ?? 2500);
  });
  try {
    return await Promise.race([record(deps, event), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function record(deps: IntakeDeps, event: unknown): Promise<IntakeAnswer> {
  const call = readCall(event);
  if (!call) {
    deps.log({ level: "WARN", message: "intake: not a ContactFlowEvent with a ContactId" });
    return { status: "error", error: "bad-event" };
  }
  const tenant = deps.tenant;
  if (!tenant) return { status: "error", error: "config" };
  try {
    const now = deps.clock.now();
    const nowSeconds = Math.floor(now / 1000);
    const receivedAt = new Date(now).toISOString();
    const expiresAt = String(nowSeconds + tenant.retentionDays * 86_400);
    const shortCode = shortCodeOf(call.contactId);
    const callerKey = call.callerNumber ? callerKeyOf(tenant.code, call.callerNumber) : undefined;
    const key = incidentKey(call.contactId);

    const item: Record<string, { S: string } | { N: string } | { BOOL: boolean }> = {
      pk: { S: key.pk },
      sk: { S: key.sk },
      incidentId: { S: call.contactId },
      shortCode: { S: shortCode },
      codePk: { S: shortCode },
      state: { S: "received" },
      receivedAt: { S: receivedAt },
      dayPk: { S: dayPkOf(receivedAt, tenant.zone.utcOffsetHours) },
      channel: { S: call.channel },
      version: { N: "1" },
      expiresAt: { N: expiresAt },
    };
    if (call.callerNumber && callerKey) {
      item.callerNumber = { S: call.callerNumber };
      item.callerKey = { S: callerKey };
    } else {
      // No SIM card or a withheld number: nobody can call back (a flag in the console).
      item.noNumber = { BOOL: true };
    }
    const computed = callerKey
      ? await rememberCall(deps, callerKey, call.contactId, nowSeconds, expiresAt)
      : { repeatCaller: false, suspectedPrank: false };
    item.repeatCaller = { BOOL: computed.repeatCaller };
    item.suspectedPrank = { BOOL: computed.suspectedPrank };
    const written = await deps.dynamodb
      .send(
        new PutItemCommand({
          TableName: deps.tableName,
          Item: item,
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      )
      .then(
        () => true,
        (error: unknown) => {
          // A retry of a call already recorded: the first attempt's item stands.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          return false;
        },
      );
    const { repeatCaller, suspectedPrank } = written
      ? computed
      : ((await firstAnswer(deps, key)) ?? computed);
    deps.log({
      level: "INFO",
      message: "intake: call recorded",
      incidentId: call.contactId,
      shortCode,
      caller: maskCallerNumber(call.callerNumber),
      repeatCaller,
      suspectedPrank,
    });
    return {
      status: "ok",
      incidentId: call.contactId,
      shortCode,
      repeatCaller: repeatCaller ? "true" : "false",
      suspectedPrank: suspectedPrank ? "true" : "false",
    };
  } catch (error) {
    deps.log({
      level: "ERROR",
      message: "intake: table write failed",
      incidentId: call.contactId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return { status: "error", error: "table" };
  }
}

/** Appends the call to the caller's history and returns its flags from what came before. */
async function rememberCall(
  deps: IntakeDeps,
  callerKey: string,
  contactId: string,
  nowSeconds: number,
  expiresAt: string,
) {
  const key = callerHistoryKey(callerKey);
  try {
    const result = await deps.dynamodb.send(
      new UpdateItemCommand({
        TableName: deps.tableName,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        UpdateExpression:
          "SET calls = list_append(if_not_exists(calls, :none), :call), lastContact = :cid, expiresAt = :exp",
        ConditionExpression: "attribute_not_exists(lastContact) OR lastContact <> :cid",
        ExpressionAttributeValues: {
          ":none": { L: [] },
          ":call": { L: [{ M: { c: { S: contactId }, t: { N: String(nowSeconds) } } }] },
          ":cid": { S: contactId },
          ":exp": { N: expiresAt },
        },
        ReturnValues: "ALL_OLD",
      }),
    );
    const history = readHistory(result.Attributes);
    if (needsTrim(history)) await trimHistory(deps, key, history!, contactId, nowSeconds);
    return callerFlags(history, contactId, nowSeconds);
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // Connect retried: the call is in the history already; its flags come from what preceded it.
    const stored = await deps.dynamodb.send(
      new GetItemCommand({
        TableName: deps.tableName,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        ConsistentRead: true,
      }),
    );
    return callerFlags(readHistory(stored.Item), contactId, nowSeconds);
  }
}

/** The flags the first attempt answered with, as stored on the incident (older items: none). */
async function firstAnswer(deps: IntakeDeps, key: { pk: string; sk: string }) {
  const { Item } = await deps.dynamodb.send(
    new GetItemCommand({
      TableName: deps.tableName,
      Key: { pk: { S: key.pk }, sk: { S: key.sk } },
      ProjectionExpression: "repeatCaller, suspectedPrank",
      ConsistentRead: true,
    }),
  );
  const repeatCaller = Item?.repeatCaller?.BOOL;
  const suspectedPrank = Item?.suspectedPrank?.BOOL;
  return repeatCaller === undefined || suspectedPrank === undefined
    ? undefined
    : { repeatCaller, suspectedPrank };
}

type Attribute = { S?: string; N?: string; L?: Attribute[]; M?: Record<string, Attribute> };

/** Unmarshals the caller history item (only the attributes flags need). */
export function readHistory(item: Record<string, Attribute> | undefined): CallerHistory | undefined {
  if (!item) return undefined;
  const calls = (item.calls?.L ?? []).flatMap((entry) => {
    const c = entry.M?.c?.S;
    const t = Number(entry.M?.t?.N);
    return c !== undefined && Number.isFinite(t) ? [{ c, t }] : [];
  });
  const pranks = (item.pranks?.L ?? []).map((entry) => Number(entry.N)).filter(Number.isFinite);
  return { calls, pranks, lastContact: item.lastContact?.S };
}

/**
 * Keeps a frequent caller's history bounded (rare path: only past 2 x HISTORY_KEEP calls): the
 * latest calls and the pranks of the last 30 days, unless another call came in meanwhile.
 */
async function trimHistory(
  deps: IntakeDeps,
  key: { pk: string; sk: string },
  history: CallerHistory,
  contactId: string,
  nowSeconds: number,
): Promise<void> {
  const calls = [...(history.calls ?? []).slice(-(HISTORY_KEEP - 1)), { c: contactId, t: nowSeconds }];
  const pranks = (history.pranks ?? []).filter((t) => nowSeconds - t <= PRANK_WINDOW_SECONDS);
  await deps.dynamodb
    .send(
      new UpdateItemCommand({
        TableName: deps.tableName,
        Key: { pk: { S: key.pk }, sk: { S: key.sk } },
        UpdateExpression: "SET calls = :calls, pranks = :pranks",
        ConditionExpression: "lastContact = :cid",
        ExpressionAttributeValues: {
          ":calls": { L: calls.map((call) => ({ M: { c: { S: call.c }, t: { N: String(call.t) } } })) },
          ":pranks": { L: pranks.map((t) => ({ N: String(t) })) },
          ":cid": { S: contactId },
        },
      }),
    )
    .catch((error: unknown) => {
      // A newer call from the number trims next time; the history is only a little longer.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
}
