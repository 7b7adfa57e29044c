import fc from "fast-check";
import type { IncidentEvent } from "../../../domain/incident-events";
import { StatisticsFold } from "../../../domain/statistics-fold";
import { aggregateIncidentEvents } from "../../../lambdas/national-aggregator/aggregate";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import {
  abandoned,
  acknowledged,
  answered,
  classified,
  eventsOf,
  outcome,
  received,
  sent,
} from "../../domain/statistics-events";
import { freshStatisticsTable } from "../support/statistics-table";

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());

async function freshStore(): Promise<DynamoStatisticsStore> {
  return new DynamoStatisticsStore(dynamo.documents, await freshStatisticsTable(dynamo));
}
const nation = { kind: "nation" } as const;
const rowsOf = async (
  store: DynamoStatisticsStore,
  scope: Parameters<DynamoStatisticsStore["readRows"]>[0] = nation,
) => (await store.readRows(scope, "2026-11-27", "2026-11-28")).items;

/** What the in-memory fold says the table must hold: rows, and the series of some scopes. */
async function expectSameAsFold(store: DynamoStatisticsStore, events: readonly IncidentEvent[]) {
  const fold = new StatisticsFold();
  for (const e of events) fold.add(e);
  expect(await rowsOf(store)).toEqual(fold.rows());
  for (const scope of [nation, { kind: "province", province: "71" } as const]) {
    for (const grain of ["hour", "quarter"] as const)
      expect((await store.readSeries(grain, scope, "2026-11-27", "2026-11-28")).items).toEqual(
        fold.series(grain, scope),
      );
  }
}

describe("aggregateIncidentEvents against DynamoDB (dynalite)", () => {
  it("counts a redelivered event once", async () => {
    const store = await freshStore();
    const call = received();
    const report = await aggregateIncidentEvents([call, call], store);
    expect(report).toMatchObject({ applied: 1, duplicates: 1 });
    const [cell] = await rowsOf(store);
    expect(cell.counters.calls).toBe(1);
  });

  it("produces the same rows and series as the in-memory fold, in any delivery order", async () => {
    const store = await freshStore();
    const events = eventsOf(25, 7);
    const shuffled = [...events].reverse();
    await aggregateIncidentEvents([...shuffled, ...events.slice(0, 10)], store);
    await expectSameAsFold(store, events);
  });

  it("matches the in-memory fold for any delivery order with redeliveries (property, 5 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        fc.array(fc.nat(), { maxLength: 15 }),
        async (n, seed, extra) => {
          const events = eventsOf(n, seed);
          const delivered = fc.sample(fc.shuffledSubarray(events, { minLength: events.length }), {
            seed,
            numRuns: 1,
          })[0];
          for (const i of extra) delivered.push(events[i % events.length]);
          const store = await freshStore();
          await aggregateIncidentEvents(delivered, store);
          await expectSameAsFold(store, events);
        },
      ),
      { numRuns: 5 },
    );
  });

  it("moves a corrected outcome between counters", async () => {
    const store = await freshStore();
    await aggregateIncidentEvents(
      [
        received({ incidentId: "x" }),
        outcome("prank", { incidentId: "x", at: "2026-11-27T01:01:00Z" }),
        outcome("genuine", { incidentId: "x", at: "2026-11-27T01:05:00Z" }),
        classified("fire", { incidentId: "x" }),
        sent("fire", { incidentId: "x" }),
        acknowledged("fire", 90, { incidentId: "x" }),
      ],
      store,
    );
    const [cell] = await rowsOf(store);
    expect(cell.counters).toMatchObject({
      calls: 1,
      "outcome:genuine": 1,
      "category:fire": 1,
      "escalations:fire": 1,
      "acks:fire": 1,
    });
    expect(cell.counters["outcome:prank"]).toBeUndefined();
  });

  it("ignores unknown event types and versions and reports malformed events without applying them", async () => {
    const store = await freshStore();
    const report = await aggregateIncidentEvents(
      [
        { ...received(), type: "IncidentTeleported" },
        { ...received(), schemaVersion: 2 },
        { ...received(), tenant: "Manado" },
        { ...received(), extraFieldFromTheFuture: true },
      ],
      store,
    );
    expect(report.applied).toBe(1);
    expect(report.ignored).toBe(2);
    expect(report.invalid).toEqual([expect.stringContaining("tenant")]);
  });

  it("stores answer time and abandons from CallAnswered and CallAbandoned, refusing a negative time", async () => {
    const store = await freshStore();
    const report = await aggregateIncidentEvents(
      [
        received({ incidentId: "a", answerSeconds: undefined }),
        received({ incidentId: "b", answerSeconds: undefined }),
        answered(12, { incidentId: "a" }),
        abandoned(40, { incidentId: "b" }),
        answered(-3, { incidentId: "c" }),
      ],
      store,
    );
    expect(report.invalid).toEqual([expect.stringContaining("answerSeconds")]);
    const [cell] = await rowsOf(store);
    expect(cell.counters).toMatchObject({
      calls: 2,
      answered: 1,
      answerSecondsSum: 12,
      abandoned: 1,
      abandonSecondsSum: 40,
    });
    expect(cell.counters.answeredWithin10s ?? 0).toBe(0);
  });

  it("reads one province or one kab/kota only when asked", async () => {
    const store = await freshStore();
    await aggregateIncidentEvents(
      [
        received({ tenant: "35.78", province: "35" }),
        received({ tenant: "35.15", province: "35" }),
        received({ tenant: "71.71", province: "71" }),
      ],
      store,
    );
    expect((await rowsOf(store, { kind: "province", province: "35" })).map((c) => c.tenant)).toEqual([
      "35.15",
      "35.78",
    ]);
    expect(
      (await rowsOf(store, { kind: "tenant", province: "35", tenant: "35.78" })).map((c) => c.tenant),
    ).toEqual(["35.78"]);
  });
});
