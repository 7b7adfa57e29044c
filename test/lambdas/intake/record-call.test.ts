import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { callerKeyOf } from "../../../domain/incident";
import { callerHistoryKey, incidentKey } from "../../../domain/incident-table";
import { type IntakeDeps, recordCall } from "../../../lambdas/intake/record-call";
import { startDynalite, type TestTable } from "../support/dynalite";
import { contactFlowEvent, manadoRuntime } from "../support/tenant";

let db: TestTable;
let logs: Record<string, unknown>[];
let now: number;

beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

async function deps(overrides: Partial<IntakeDeps> = {}): Promise<IntakeDeps> {
  logs = [];
  now = Date.parse("2026-11-27T13:00:00Z");
  return {
    tenant: manadoRuntime(),
    dynamodb: db.client,
    tableName: await db.newTable(),
    clock: { now: () => now },
    log: (entry) => logs.push(entry),
    ...overrides,
  };
}

describe("intake", () => {
  it("records the call as a received incident keyed by ContactId and answers the flow", async () => {
    const d = await deps();
    const id = randomUUID();
    const answer = await recordCall(d, contactFlowEvent(id, "+6281234567890"));
    expect(answer).toEqual({
      status: "ok",
      incidentId: id,
      shortCode: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/),
      repeatCaller: "false",
      suspectedPrank: "false",
    });
    const { Item } = await db.doc.send(new GetCommand({ TableName: d.tableName, Key: incidentKey(id) }));
    expect(Item).toMatchObject({
      incidentId: id,
      state: "received",
      callerNumber: "+6281234567890",
      receivedAt: "2026-11-27T13:00:00.000Z",
      dayPk: "DAY#2026-11-27",
      version: 1,
    });
    // Kept for the tenant's retention (90 days for Manado), then DynamoDB's TTL deletes it.
    expect(Item!.expiresAt).toBe(now / 1000 + 90 * 86400);
  });

  it("answers Connect's retries of the same contact identically and records the call once", async () => {
    const d = await deps();
    await recordCall(d, contactFlowEvent(randomUUID(), "+6281234567890"));
    now += 3600_000;
    const id = randomUUID();
    const first = await recordCall(d, contactFlowEvent(id, "+6281234567890"));
    now += 2000;
    const retried = await recordCall(d, contactFlowEvent(id, "+6281234567890"));
    expect(first).toMatchObject({ status: "ok", repeatCaller: "true" });
    expect(retried).toEqual(first);
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: d.tableName, Key: incidentKey(id), ConsistentRead: true }),
    );
    expect(Item!.receivedAt).toBe(new Date(now - 2000).toISOString());
  });

  it("records a call with a number in two writes (history, then the incident with its flags), noting a call without a number", async () => {
    const d = await deps();
    const sent: string[] = [];
    const counting: IntakeDeps = {
      ...d,
      dynamodb: {
        send: (command: never) => {
          sent.push((command as object).constructor.name);
          return db.client.send(command);
        },
      },
    };
    await recordCall(counting, contactFlowEvent(randomUUID(), "+6281288880000"));
    now += 60_000;
    expect(await recordCall(counting, contactFlowEvent(randomUUID(), "+6281288880000"))).toMatchObject({
      repeatCaller: "true",
    });
    // A flagged call costs no more: the history's answer gives the flags the incident is written with.
    expect(sent).toEqual(["UpdateItemCommand", "PutItemCommand", "UpdateItemCommand", "PutItemCommand"]);
    const noSim = randomUUID();
    await recordCall(d, contactFlowEvent(noSim));
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: d.tableName, Key: incidentKey(noSim), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ noNumber: true, repeatCaller: false, suspectedPrank: false });
    expect(Item!.callerNumber).toBeUndefined();
  });

  it("answers a retry with the first answer even when the number called again in between", async () => {
    // Reproduced first: call A, call B from the same number, Connect retries A: the retry
    // answered repeatCaller "true" though A's first answer was "false".
    const d = await deps();
    const a = randomUUID();
    const first = await recordCall(d, contactFlowEvent(a, "+6281234567890"));
    const b = randomUUID();
    expect(await recordCall(d, contactFlowEvent(b, "+6281234567890"))).toMatchObject({
      repeatCaller: "true",
    });
    now += 2000;
    expect(await recordCall(d, contactFlowEvent(a, "+6281234567890"))).toEqual(first);
    expect(first).toMatchObject({ repeatCaller: "false", suspectedPrank: "false" });
    // The answer is stored on the incident, where the console and the relay read the flags.
    const stored = async (id: string) =>
      (
        await db.doc.send(
          new GetCommand({ TableName: d.tableName, Key: incidentKey(id), ConsistentRead: true }),
        )
      ).Item;
    expect(await stored(a)).toMatchObject({ repeatCaller: false, suspectedPrank: false });
    expect(await stored(b)).toMatchObject({ repeatCaller: true, suspectedPrank: false });
  });

  it("flags a repeat caller within 24 hours but not a caller without a number", async () => {
    const d = await deps();
    expect(await recordCall(d, contactFlowEvent(randomUUID()))).toMatchObject({ repeatCaller: "false" });
    expect(await recordCall(d, contactFlowEvent(randomUUID()))).toMatchObject({ repeatCaller: "false" });
    await recordCall(d, contactFlowEvent(randomUUID(), "+6281299990000"));
    now += 25 * 3600_000;
    expect(await recordCall(d, contactFlowEvent(randomUUID(), "+6281299990000"))).toMatchObject({
      repeatCaller: "false",
    });
  });

  it("keeps a frequent caller's history bounded and still flags the next call", async () => {
    const d = await deps();
    for (let i = 0; i < 45; i++) {
      now += 600_000;
      await recordCall(d, contactFlowEvent(randomUUID(), "+6281255550000"));
    }
    const { Item } = await db.doc.send(
      new GetCommand({
        TableName: d.tableName,
        Key: callerHistoryKey(callerKeyOf("71.71", "+6281255550000")),
        ConsistentRead: true,
      }),
    );
    expect(Item!.calls.length).toBeLessThanOrEqual(40);
    now += 600_000;
    expect(await recordCall(d, contactFlowEvent(randomUUID(), "+6281255550000"))).toMatchObject({
      repeatCaller: "true",
    });
  });

  it("masks the caller's number in its log line", async () => {
    const d = await deps();
    await recordCall(d, contactFlowEvent(randomUUID(), "+6281234567890"));
    expect(JSON.stringify(logs)).not.toContain("81234567890");
    expect(logs[0]).toMatchObject({ caller: "+62*********90" });
  });

  it("answers an error attribute instead of throwing when the table fails or the event is not a call", async () => {
    const failing = await deps({ tableName: "no-such-table" });
    expect(await recordCall(failing, contactFlowEvent(randomUUID(), "+6281234567890"))).toEqual({
      status: "error",
      error: "table",
    });
    expect(await recordCall(failing, { hello: "world" })).toEqual({ status: "error", error: "bad-event" });
    expect(await recordCall(await deps({ tenant: undefined }), contactFlowEvent("x"))).toEqual({
      status: "error",
      error: "config",
    });
  });

  it("answers an error attribute at its deadline when the table hangs, so the flow goes on", async () => {
    const hanging = await deps({
      dynamodb: { send: () => new Promise(() => undefined) },
      deadlineMillis: 50,
    });
    expect(await recordCall(hanging, contactFlowEvent(randomUUID(), "+6281234567890"))).toEqual({
      status: "error",
      error: "table",
    });
  });

  it("answers a well-formed flat string map for any event whatsoever", async () => {
    const d = await deps();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ Details: fc.record({ ContactData: fc.dictionary(fc.string(), fc.anything()) }) }),
          fc.record({
            Details: fc.record({
              ContactData: fc.record({
                ContactId: fc.oneof(fc.uuid(), fc.string()),
                CustomerEndpoint: fc.option(fc.record({ Address: fc.oneof(fc.string(), fc.anything()) })),
              }),
            }),
          }),
        ),
        async (event) => {
          const answer = await recordCall(d, event);
          expect(["ok", "error"]).toContain(answer.status);
          for (const value of Object.values(answer)) expect(typeof value).toBe("string");
          expect(JSON.stringify(answer).length).toBeLessThan(32_000);
        },
      ),
      { numRuns: 150 },
    );
  });
});
