import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { createStatisticsTableInput } from "../../../domain/statistics-table";
import { withCachedRows } from "../../../lambdas/statistics/cached-rows";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { received } from "../../domain/statistics-events";

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput("cached")));
});
afterAll(() => dynamo.stop());

const nation = { kind: "nation" } as const;
const call = (id: string, day: string) =>
  received({ tenant: "35.78", province: "35", incidentId: id, at: `${day}T03:00:00Z` });

describe("withCachedRows", () => {
  it("reads only the days still changing once the closed days are in memory, until they expire", async () => {
    let now = Date.parse("2026-11-30T05:00:00Z"); // today in WIT: 30/11; open days 28-30/11
    const store = new DynamoStatisticsStore(dynamo.documents, "cached");
    const cached = withCachedRows(store, { now: () => now, ttlMs: 60_000 });
    for (const [id, day] of [
      ["a", "2026-11-20"],
      ["b", "2026-11-25"],
      ["c", "2026-11-29"],
    ] as const)
      await store.applyEvent(call(id, day));

    const cold = await cached.readRows(nation, "2026-11-01", "2026-11-30");
    expect(cold.items.map((r) => r.day)).toEqual(["2026-11-20", "2026-11-25", "2026-11-29"]);
    expect(cold.cost.items).toBe(3);

    // A late correction of a closed day waits for the memory to expire; an open day shows at once.
    await store.applyEvent(call("d", "2026-11-25"));
    await store.applyEvent(call("e", "2026-11-30"));
    const warm = await cached.readRows(nation, "2026-11-01", "2026-11-30");
    expect(warm.cost).toMatchObject({ queries: 1, items: 2 }); // 29 and 30/11 only
    expect(warm.items.map((r) => `${r.day} ${r.counters.calls}`)).toEqual([
      "2026-11-20 1",
      "2026-11-25 1",
      "2026-11-29 1",
      "2026-11-30 1",
    ]);
    // A range inside the closed days costs no read at all.
    expect((await cached.readRows(nation, "2026-11-20", "2026-11-25")).cost.queries).toBe(0);

    now += 61_000;
    const expired = await cached.readRows(nation, "2026-11-01", "2026-11-30");
    expect(expired.cost.items).toBe(4);
    expect(expired.items.find((r) => r.day === "2026-11-25")?.counters.calls).toBe(2);
  });

  it("reads the whole range again for a range the memory does not cover, and keeps within its row budget", async () => {
    const now = Date.parse("2026-11-30T05:00:00Z");
    const store = new DynamoStatisticsStore(dynamo.documents, "cached");
    const cached = withCachedRows(store, { now: () => now, maxRows: 1 });
    await cached.readRows(nation, "2026-11-21", "2026-11-30");
    expect((await cached.readRows(nation, "2026-11-01", "2026-11-30")).cost.items).toBeGreaterThan(2);
    // Two closed rows do not fit a budget of one: nothing stays, every read goes to the table.
    expect((await cached.readRows(nation, "2026-11-01", "2026-11-30")).cost.items).toBeGreaterThan(2);
  });
});
