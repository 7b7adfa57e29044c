/**
 * The outbox entry's timeline against dynalite: written once, claimed by one relay at a time,
 * reclaimable after a lapsed lease, released for a retry, settled for good.
 */
import { OutboxEntries, type OutboxEntry } from "../../../lambdas/items/outbox-entries";
import { startDynalite, type TestTable } from "../support/dynalite";

let dynamo: TestTable;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

const at = { incidentId: "c0ffee", agencyId: "damkar", round: 0, step: 0 };
const entry: OutboxEntry = {
  ...at,
  shortCode: "K7Q2XM",
  category: "fire",
  severity: "high",
  location: { text: "Jl. Sam Ratulangi 12" },
  receivedAt: "2026-11-30T01:00:00.000Z",
  contacts: ["piket"],
  status: "pending",
  attempts: 0,
  dueAt: "2026-11-30T01:00:00.000Z",
};

async function outbox(): Promise<OutboxEntries> {
  return new OutboxEntries({ db: dynamo.doc, tableName: await dynamo.newTable() });
}

describe("outbox entries", () => {
  it("are written once: a second put of the same step changes nothing", async () => {
    const entries = await outbox();
    await entries.putIfAbsent(entry);
    await entries.claim(at, 1_000, 60_000);
    await entries.putIfAbsent(entry);
    expect(await entries.claim(at, 2_000, 60_000)).toBeUndefined();
  });

  it("are claimed by one relay until its lease lapses, counting attempts", async () => {
    const entries = await outbox();
    await entries.putIfAbsent(entry);
    expect(await entries.claim(at, 1_000, 60_000)).toMatchObject({ status: "sending", attempts: 1 });
    expect(await entries.claim(at, 30_000, 60_000)).toBeUndefined();
    expect(await entries.claim(at, 61_001, 60_000)).toMatchObject({ status: "sending", attempts: 2 });
  });

  it("wait in the pending index until settled; a released one is due again at its retry time", async () => {
    const entries = await outbox();
    await entries.putIfAbsent(entry);
    expect(await entries.due("2026-11-30T01:00:00.000Z", 10)).toHaveLength(1);
    await entries.claim(at, 1_000, 60_000);
    await entries.release(at, "2026-11-30T01:05:00.000Z", "ThrottlingException: slow down");
    expect(await entries.due("2026-11-30T01:04:59.000Z", 10)).toHaveLength(0);
    expect(await entries.due("2026-11-30T01:05:00.000Z", 10)).toMatchObject([{ lastError: /Throttling/ }]);
    await entries.claim(at, 2_000, 60_000);
    await entries.settle(at, "sent", "2026-11-30T01:05:01.000Z");
    expect(await entries.due("2026-11-30T02:00:00.000Z", 10)).toHaveLength(0);
    expect(await entries.claim(at, 999_999_999, 60_000)).toBeUndefined();
  });
});
