/**
 * The statistics store against dynalite: an event counts exactly once even when a counter update
 * fails half-way, a concurrent delivery waits for the first, and every read is one Query.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { StatisticsFold } from "../../../domain/statistics-fold";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { outcome, received } from "../../domain/statistics-events";
import { freshStatisticsTable } from "../support/statistics-table";

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());

const freshTable = () => freshStatisticsTable(dynamo, "store");

/** A document client whose counter updates (`ADD`) fail from the `failFrom`-th on, until healed. */
function flakyDocuments(failFrom: number) {
  let counterUpdates = 0;
  const state = { healed: false };
  const documents = {
    send: (command: { input: { UpdateExpression?: string } }) => {
      if (command.input.UpdateExpression?.includes(" ADD ") && !state.healed && ++counterUpdates >= failFrom)
        return Promise.reject(Object.assign(new Error("throttled"), { name: "ThrottlingException" }));
      return (dynamo.documents.send as (c: unknown) => Promise<unknown>)(command);
    },
  } as unknown as Pick<DynamoDBDocumentClient, "send">;
  return { documents, state };
}

const nation = { kind: "nation" } as const;

describe("DynamoStatisticsStore", () => {
  it("resumes a half-applied event after a failed counter update without counting anything twice", async () => {
    const name = await freshTable();
    const call = received({ incidentId: "r1", at: "2026-11-27T03:10:00Z", answerSeconds: 6 });
    const { documents, state } = flakyDocuments(3);
    const flaky = new DynamoStatisticsStore(documents, name);
    await expect(flaky.applyEvent(call)).rejects.toThrow("throttled");
    state.healed = true;
    expect(await flaky.applyEvent(call)).toBe("applied");
    expect(await flaky.applyEvent(call)).toBe("duplicate");

    const store = new DynamoStatisticsStore(dynamo.documents, name);
    const fold = new StatisticsFold();
    fold.add(call);
    expect((await store.readRows(nation, "2026-11-27", "2026-11-27")).items).toEqual(fold.rows());
    for (const scope of [nation, { kind: "tenant", province: "71", tenant: "71.71" } as const])
      expect((await store.readSeries("quarter", scope, "2026-11-27", "2026-11-27")).items).toEqual(
        fold.series("quarter", scope),
      );
  });

  it("makes a second delivery wait while the first holds the lease, and take over once it lapses", async () => {
    const name = await freshTable();
    let clock = Date.parse("2026-11-27T03:00:00Z");
    const call = received({ incidentId: "r2" });
    const holder = new DynamoStatisticsStore(
      {
        send: (command: { input: { UpdateExpression?: string } }) =>
          command.input.UpdateExpression?.includes(" ADD ")
            ? new Promise(() => {}) // never answers: the first delivery is still applying (or died)
            : (dynamo.documents.send as (c: unknown) => Promise<unknown>)(command),
      } as never,
      name,
      () => clock,
    );
    void holder.applyEvent(call);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = new DynamoStatisticsStore(dynamo.documents, name, () => clock);
    await expect(second.applyEvent(call)).rejects.toThrow(/another delivery is applying it .*retry later/);
    clock += 61_000;
    expect(await second.applyEvent(call)).toBe("applied");
    expect((await second.readRows(nation, "2026-11-27", "2026-11-27")).items[0]?.counters.calls).toBe(1);
  });

  it("records which kab/kota send data", async () => {
    const name = await freshTable();
    const store = new DynamoStatisticsStore(dynamo.documents, name);
    await store.applyEvent(received({ tenant: "35.78", province: "35", at: "2026-11-27T01:00:00Z" }));
    await store.applyEvent(received({ tenant: "35.78", province: "35", at: "2026-11-26T01:00:00Z" }));
    await store.applyEvent(outcome("prank", { tenant: "71.71", province: "71" }));
    const { items, cost } = await store.readLiveTenants();
    expect(items).toEqual([
      { tenant: "35.78", province: "35", firstEventAt: "2026-11-27T01:00:00Z" },
      { tenant: "71.71", province: "71", firstEventAt: "2026-11-27T01:00:00Z" },
    ]);
    expect(cost.queries).toBe(1);
  });
});
