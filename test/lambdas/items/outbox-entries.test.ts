/**
 * The outbox entry's timeline against dynalite: written once, claimed by one relay at a time,
 * reclaimable after a lapsed lease, released for a retry, held for a digest and bundled by one
 * digest at a time, settled for good.
 */
import { newOutboxEntries, OutboxEntries, type OutboxEntry } from "../../../lambdas/items/outbox-entries";
import { startDynalite, type TestTable } from "../support/dynalite";

let dynamo: TestTable;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.close());

const at = { incidentId: "c0ffee", agencyId: "damkar", round: 0, step: 1, contactId: "piket" };
const [entry] = newOutboxEntries(
  { incidentId: "c0ffee", agencyId: "damkar", round: 0, step: 1 },
  ["piket"],
  "2026-11-30T01:00:00.000Z",
  1_900_000_000,
) as [OutboxEntry];

async function outbox(): Promise<OutboxEntries> {
  return new OutboxEntries({ db: dynamo.doc, tableName: await dynamo.newTable() });
}

describe("outbox entries", () => {
  it("are one per contact of a step, and carry nothing about the caller", () => {
    const entries = newOutboxEntries(
      { incidentId: "c0ffee", agencyId: "polresta", round: 0, step: 1 },
      ["piket", "kasat"],
      "2026-11-30T01:00:00.000Z",
      undefined,
    );
    expect(entries.map((e) => e.contactId)).toEqual(["piket", "kasat"]);
    expect(Object.keys(entries[0]!).sort()).toEqual(
      ["agencyId", "attempts", "contactId", "dueAt", "incidentId", "round", "status", "step"].sort(),
    );
  });

  it("are written once: a second put of the same step and contact changes nothing", async () => {
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
    const claimed = (await entries.claim(at, 1_000, 60_000))!;
    await entries.release(claimed, "2026-11-30T01:05:00.000Z", "ThrottlingException: slow down");
    expect(await entries.due("2026-11-30T01:04:59.000Z", 10)).toHaveLength(0);
    expect(await entries.due("2026-11-30T01:05:00.000Z", 10)).toMatchObject([{ lastError: /Throttling/ }]);
    await entries.claim(at, 2_000, 60_000);
    await entries.settle(at, "sent", "2026-11-30T01:05:01.000Z", { messageId: "m-1", via: "alert" });
    expect(await entries.get(at)).toMatchObject({ status: "sent", messageId: "m-1", via: "alert" });
    expect(await entries.due("2026-11-30T02:00:00.000Z", 10)).toHaveLength(0);
    expect(await entries.claim(at, 999_999_999, 60_000)).toBeUndefined();
  });

  it("are held in one conditional update, only by the relay that still holds the claim", async () => {
    const entries = await outbox();
    await entries.putIfAbsent(entry);
    const first = (await entries.claim(at, 1_000, 60_000))!;
    const second = (await entries.claim(at, 70_000, 60_000))!; // the first relay stalled past its lease
    expect(await entries.hold(first, "2026-11-30T01:01:00.000Z")).toBe(false);
    expect(await entries.hold(second, "2026-11-30T01:01:10.000Z")).toBe(true);
    expect(await entries.get(at)).toMatchObject({ status: "held", heldAt: "2026-11-30T01:01:10.000Z" });
    // A held entry is not pending: no relay or sweep claims it, and it is not counted as sent.
    expect(await entries.claim(at, 999_999_999, 60_000)).toBeUndefined();
    expect(await entries.due("2026-11-30T02:00:00.000Z", 10)).toHaveLength(0);
  });

  it("are bundled by one digest at a time, given back after a failed publish, and settled once", async () => {
    const entries = await outbox();
    await entries.putIfAbsent(entry);
    await entries.hold((await entries.claim(at, 1_000, 60_000))!, "2026-11-30T01:01:00.000Z");
    const bundled = (await entries.claimHeld(at, 2_000, 60_000))!;
    expect(bundled).toMatchObject({ status: "bundling" });
    expect(await entries.claimHeld(at, 3_000, 60_000)).toBeUndefined();
    await entries.unbundle(bundled);
    const again = (await entries.claimHeld(at, 4_000, 60_000))!;
    await entries.settle(again, "sent", "2026-11-30T01:02:00.000Z", { via: "digest" });
    await entries.settle(again, "skipped", "2026-11-30T01:02:01.000Z", { reason: "late duplicate" });
    expect(await entries.get(at)).toMatchObject({ status: "sent", via: "digest" });
    expect(await entries.claimHeld(at, 999_999_999, 60_000)).toBeUndefined();
  });
});
