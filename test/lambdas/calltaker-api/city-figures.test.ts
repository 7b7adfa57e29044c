/**
 * A kab/kota's own figures on its own call-taker API: supervisors and the manager read the month of
 * the API's own tenant from the national statistics (dynalite); call-takers are refused, and so is
 * a `tenant=` naming another kab/kota.
 */
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { createStatisticsTableInput } from "../../../domain/statistics-table";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import type { HttpRequest, RequestIdentity } from "../../../lambdas/shared/ports";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { received } from "../../domain/statistics-events";
import { startCentre, type TestCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";

let db: TestTable;
let centre: TestCentre;
let statistics: DynamoStatisticsStore;
beforeAll(async () => {
  db = await startDynalite();
  centre = await startCentre(db, { start: Date.parse("2026-11-20T03:00:00Z") });
  await db.client.send(new CreateTableCommand(createStatisticsTableInput("city-statistics")));
  statistics = new DynamoStatisticsStore(db.doc, "city-statistics");
  for (const [tenant, province, n] of [
    ["71.71", "71", 3],
    ["35.78", "35", 5],
  ] as const)
    for (let i = 0; i < n; i++)
      await statistics.applyEvent(
        received({ tenant, province, incidentId: `${tenant}-${i}`, at: "2026-11-10T02:00:00Z" }),
      );
});
afterAll(() => db.close());

const MANAGER: RequestIdentity = { subject: "m-1", username: "pengelola", groups: ["manager"] };

async function city(identity: RequestIdentity, query: Record<string, string> = {}, configured = true) {
  const request: HttpRequest = {
    method: "GET",
    path: "/city",
    headers: {},
    query,
    authorized: true,
    identity,
  };
  const deps = { ...centre.api, ...(configured ? { city: { statistics, overflowMeasured: false } } : {}) };
  const response = await handleCallTakerRequest(deps, request);
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

describe("GET /city on a kab/kota's own API", () => {
  it("gives the manager and supervisors the month of the API's own kab/kota", async () => {
    const month = await city(MANAGER, { month: "2026-11" });
    expect(month.status).toBe(200);
    expect(month.body.tenant.code).toBe(centre.api.tenant.code);
    expect(month.body.figures.calls).toBe(3);
    expect(month.body.reads.queries).toBe(2);
    expect((await city({ ...MANAGER, groups: ["supervisor"] }, { month: "2026-11" })).status).toBe(200);
  });

  it("refuses another kab/kota named in the query, and call-takers and read-only staff", async () => {
    const other = await city(MANAGER, { tenant: "35.78" });
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('tenant "35.78"');
    expect((await city({ ...MANAGER, groups: ["call-taker"] })).status).toBe(403);
    expect((await city({ ...MANAGER, groups: ["read-only"] })).status).toBe(403);
  });

  it("answers a bad month with 400 and a missing store with 503", async () => {
    expect((await city(MANAGER, { month: "2026-13" })).status).toBe(400);
    expect((await city(MANAGER, {}, false)).status).toBe(503);
  });
});
