/**
 * The relay's batch: changes of one item in order, different items side by side.
 */
import { classifyIncident } from "../../../lambdas/calltaker-api/operations";
import { RELAY_CONCURRENCY, relayChanges } from "../../../lambdas/escalation-relay/relay";
import { startCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";

let db: TestTable;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

describe("relaying a batch", () => {
  it("delivers the outbox entries of different incidents side by side, at most RELAY_CONCURRENCY at once", async () => {
    const centre = await startCentre(db);
    const ids: string[] = [];
    for (let i = 0; i < 14; i++) {
      const id = await centre.call(`+6281200011${String(i).padStart(3, "0")}`);
      ids.push(id);
      await classifyIncident(centre.api, id, {
        category: "medical",
        severity: "high",
        location: { text: "Pasar" },
      });
    }
    let inFlight = 0;
    let most = 0;
    const published: string[] = [];
    const slowSns = {
      ...centre.sender,
      alerts: {
        async publish(alert: { about: readonly { incidentId: string }[] }) {
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 20));
          inFlight--;
          published.push(alert.about[0]!.incidentId);
          return {};
        },
      },
    };
    const batch = centre.pending.splice(0);
    expect((await relayChanges(slowSns, batch)).failed).toEqual([]);
    expect(new Set(published)).toEqual(new Set(ids));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(RELAY_CONCURRENCY);
    // One item's changes stay in order: each incident is received before it is classified.
    for (const id of ids) {
      const types = centre.events.filter((e) => e.incidentId === id).map((e) => e.type);
      expect(types.indexOf("IncidentReceived")).toBeLessThan(types.indexOf("IncidentClassified"));
    }
  });

  it("reports failed changes in stream order", async () => {
    const centre = await startCentre(db);
    for (let i = 0; i < 3; i++) {
      const id = await centre.call(`+6281200012${String(i).padStart(3, "0")}`);
      await classifyIncident(centre.api, id, {
        category: "medical",
        severity: "high",
        location: { text: "Pasar" },
      });
    }
    const batch = centre.pending.splice(0);
    const { failed } = await relayChanges({ ...centre.sender, tableName: "no-such-table" }, batch);
    const order = batch.map((c) => c.id);
    expect(failed.length).toBeGreaterThan(0);
    expect([...failed].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(failed);
  });
});
