import { randomUUID } from "node:crypto";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { incidentKey } from "../../../domain/incident-table";
import {
  type CallAnswerDeps,
  recordCallAnswer,
  recordContactEvent,
} from "../../../lambdas/call-answer/record-answer";
import { recordCall } from "../../../lambdas/intake/record-call";
import { eventsOfChange } from "../../../lambdas/shared/events-from-changes";
import { agent, contactEvent } from "../support/contact-events";
import { startDynalite, type TestTable } from "../support/dynalite";
import { contactFlowEvent, manadoRuntime } from "../support/tenant";

let db: TestTable;
let logs: Record<string, unknown>[];

beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

/** A table holding one call recorded by intake at 13:00:00, and the call-answer deps on it. */
async function recordedCall(): Promise<{ deps: CallAnswerDeps; contactId: string }> {
  logs = [];
  const tableName = await db.newTable();
  const contactId = randomUUID();
  await recordCall(
    {
      tenant: manadoRuntime(),
      dynamodb: db.client,
      tableName,
      clock: { now: () => Date.parse("2026-11-27T13:00:00Z") },
      log: () => {},
    },
    contactFlowEvent(contactId, "+6281234567890"),
  );
  return { deps: { dynamodb: db.client, tableName, log: (entry) => logs.push(entry) }, contactId };
}

const readIncident = async (deps: CallAnswerDeps, contactId: string) =>
  (await db.doc.send(new GetCommand({ TableName: deps.tableName, Key: incidentKey(contactId) }))).Item!;

const answeredEvent = (contactId: string, at = "2026-11-27T13:00:07.000Z") =>
  contactEvent({
    contactId,
    eventType: "CONNECTED_TO_AGENT",
    initiationTimestamp: "2026-11-27T13:00:00.000Z",
    agentInfo: agent(at),
  });

describe("call-answer against DynamoDB (dynalite)", () => {
  it("records the answer time on the incident, which the relay then publishes as CallAnswered", async () => {
    const { deps, contactId } = await recordedCall();
    const before = await readIncident(deps, contactId);
    expect(await recordContactEvent(deps, answeredEvent(contactId))).toBe("recorded");
    const after = await readIncident(deps, contactId);
    expect(after).toMatchObject({ answeredAt: "2026-11-27T13:00:07.000Z", answerSeconds: 7, version: 1 });
    expect(after.state).toBe("received");
    const events = eventsOfChange(manadoRuntime(), {
      id: "1",
      eventName: "MODIFY",
      oldImage: before,
      newImage: after,
    });
    expect(events).toEqual([expect.objectContaining({ type: "CallAnswered", answerSeconds: 7 })]);
  });

  it("records a caller who hung up in the queue as abandoned, with the seconds waited", async () => {
    const { deps, contactId } = await recordedCall();
    const hangUp = contactEvent({
      contactId,
      eventType: "DISCONNECTED",
      initiationTimestamp: "2026-11-27T13:00:00.000Z",
      disconnectTimestamp: "2026-11-27T13:01:30.000Z",
    });
    expect(await recordContactEvent(deps, hangUp)).toBe("recorded");
    expect(await readIncident(deps, contactId)).toMatchObject({
      abandonedAt: "2026-11-27T13:01:30.000Z",
      abandonSeconds: 90,
    });
  });

  it("moves an abandoned call out of 'received' and onto the call-back list; an overflowed one to 'overflowed'", async () => {
    const { deps, contactId } = await recordedCall();
    expect(
      await recordCallAnswer(deps, {
        kind: "abandoned",
        contactId,
        initiatedAt: "2026-11-27T13:00:00.000Z",
        hungUpAt: "2026-11-27T13:00:40.000Z",
      }),
    ).toBe("recorded");
    expect(await readIncident(deps, contactId)).toMatchObject({ state: "abandoned", callbackDue: "DUE" });

    const other = await recordedCall();
    await recordCallAnswer(other.deps, {
      kind: "overflowed",
      contactId: other.contactId,
      initiatedAt: "2026-11-27T13:00:00.000Z",
      overflowedAt: "2026-11-27T13:00:12.000Z",
    });
    const overflowed = await readIncident(other.deps, other.contactId);
    expect(overflowed).toMatchObject({ state: "overflowed", overflowedAt: "2026-11-27T13:00:12.000Z" });
    expect(overflowed.callbackDue).toBeUndefined();
  });

  it("leaves the state alone when a call-taker acted on the incident first", async () => {
    const { deps, contactId } = await recordedCall();
    await db.doc.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: incidentKey(contactId),
        UpdateExpression: "SET #state = :closed",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":closed": "closed" },
      }),
    );
    await recordCallAnswer(deps, {
      kind: "abandoned",
      contactId,
      initiatedAt: "2026-11-27T13:00:00.000Z",
      hungUpAt: "2026-11-27T13:00:40.000Z",
    });
    expect(await readIncident(deps, contactId)).toMatchObject({ state: "closed", abandonSeconds: 40 });
  });

  it("keeps the first record: a redelivery or the DISCONNECTED after the answer changes nothing", async () => {
    const { deps, contactId } = await recordedCall();
    await recordContactEvent(deps, answeredEvent(contactId));
    const stored = await readIncident(deps, contactId);
    expect(await recordContactEvent(deps, answeredEvent(contactId, "2026-11-27T13:00:09.000Z"))).toBe(
      "already-recorded",
    );
    const end = contactEvent({
      contactId,
      eventType: "DISCONNECTED",
      initiationTimestamp: "2026-11-27T13:00:00.000Z",
      disconnectTimestamp: "2026-11-27T13:05:00.000Z",
    });
    expect(await recordContactEvent(deps, end)).toBe("already-recorded");
    expect(await readIncident(deps, contactId)).toEqual(stored);
  });

  it("records how long the call-taker was on an answered call once, which the relay publishes as CallEnded", async () => {
    const { deps, contactId } = await recordedCall();
    await recordContactEvent(deps, answeredEvent(contactId));
    const answered = await readIncident(deps, contactId);
    const end = contactEvent({
      contactId,
      eventType: "DISCONNECTED",
      initiationTimestamp: "2026-11-27T13:00:00.000Z",
      agentInfo: agent("2026-11-27T13:00:07.000Z"),
      disconnectTimestamp: "2026-11-27T13:03:07.500Z",
    });
    expect(await recordContactEvent(deps, end)).toBe("recorded");
    const after = await readIncident(deps, contactId);
    expect(after).toMatchObject({
      endedAt: "2026-11-27T13:03:07.500Z",
      handleSeconds: 180.5,
      answerSeconds: 7,
    });
    expect(
      eventsOfChange(manadoRuntime(), { id: "1", eventName: "MODIFY", oldImage: answered, newImage: after }),
    ).toEqual([expect.objectContaining({ type: "CallEnded", handleSeconds: 180.5, at: after.endedAt })]);
    // A redelivered DISCONNECTED changes nothing.
    expect(await recordContactEvent(deps, end)).toBe("already-recorded");
    expect(await readIncident(deps, contactId)).toEqual(after);
  });

  it("records answer and end from the DISCONNECTED alone when the CONNECTED_TO_AGENT event was lost", async () => {
    const { deps, contactId } = await recordedCall();
    const end = contactEvent({
      contactId,
      eventType: "DISCONNECTED",
      initiationTimestamp: "2026-11-27T13:00:00.000Z",
      agentInfo: agent("2026-11-27T13:00:04.000Z"),
      disconnectTimestamp: "2026-11-27T13:01:04.000Z",
    });
    expect(await recordContactEvent(deps, end)).toBe("recorded");
    expect(await readIncident(deps, contactId)).toMatchObject({ answerSeconds: 4, handleSeconds: 60 });
  });

  it("records a call the flow sent to the backup centre once, which the relay publishes as CallOverflowed", async () => {
    const { deps, contactId } = await recordedCall();
    const before = await readIncident(deps, contactId);
    const overflow = {
      kind: "overflowed" as const,
      contactId,
      initiatedAt: "2026-11-27T13:00:00.000Z",
      overflowedAt: "2026-11-27T13:00:12.000Z",
    };
    expect(await recordCallAnswer(deps, overflow)).toBe("recorded");
    expect(await recordCallAnswer(deps, { ...overflow, overflowedAt: "2026-11-27T13:03:00.000Z" })).toBe(
      "already-recorded",
    );
    const after = await readIncident(deps, contactId);
    expect(after).toMatchObject({ overflowedAt: "2026-11-27T13:00:12.000Z" });
    const events = eventsOfChange(manadoRuntime(), {
      id: "1",
      eventName: "MODIFY",
      oldImage: before,
      newImage: after,
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: "CallOverflowed",
        eventId: `${contactId}:CallOverflowed`,
        at: "2026-11-27T13:00:12.000Z",
      }),
    ]);
    // The backup centre did not pick up and the flow brought the caller back: the answer still counts.
    expect(await recordContactEvent(deps, answeredEvent(contactId, "2026-11-27T13:00:50.000Z"))).toBe(
      "recorded",
    );
  });

  it("creates nothing for a contact intake never recorded (another tenant's call)", async () => {
    const { deps } = await recordedCall();
    const stranger = randomUUID();
    expect(await recordContactEvent(deps, answeredEvent(stranger))).toBe("unknown-call");
    expect(
      (await db.doc.send(new GetCommand({ TableName: deps.tableName, Key: incidentKey(stranger) }))).Item,
    ).toBeUndefined();
    expect(logs).toEqual([expect.objectContaining({ message: "call-answer: unknown-call" })]);
  });

  it("ignores events that report neither, and throws when the table fails so EventBridge retries", async () => {
    const { deps, contactId } = await recordedCall();
    expect(await recordContactEvent(deps, contactEvent({ contactId, eventType: "QUEUED" }))).toBe("ignored");
    const broken = { ...deps, tableName: "siaga112-missing-incidents" };
    await expect(recordContactEvent(broken, answeredEvent(contactId))).rejects.toThrow(/not found/i);
  });
});
