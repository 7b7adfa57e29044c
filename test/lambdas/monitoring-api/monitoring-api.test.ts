import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { createStatisticsTableInput } from "../../../domain/statistics-table";
import { latestLocalDay, monitoringApi } from "../../../lambdas/monitoring-api/monitoring-api";
import { aggregateIncidentEvents } from "../../../lambdas/national-aggregator/aggregate";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { outcome, received } from "../../domain/statistics-events";

let dynamo: LocalDynamo;
let store: DynamoStatisticsStore;
const names = {
  "71.71": "Kota Manado",
  "71": "Sulawesi Utara",
  "35.78": "Kota Surabaya",
  "35": "Jawa Timur",
};
const now = () => Date.parse("2026-11-28T03:00:00Z");

beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput("stats")));
  store = new DynamoStatisticsStore(dynamo.documents, "stats");
  await aggregateIncidentEvents(
    [
      received({ tenant: "71.71", province: "71", incidentId: "a", at: "2026-11-27T01:00:00Z" }),
      outcome("prank", { tenant: "71.71", province: "71", incidentId: "a", at: "2026-11-27T01:01:00Z" }),
      received({ tenant: "35.78", province: "35", incidentId: "b", at: "2026-11-20T01:00:00Z" }),
      received({ tenant: "35.78", province: "35", incidentId: "c", at: "2026-09-01T01:00:00Z" }),
    ],
    store,
  );
});
afterAll(() => dynamo.stop());

const get = (path: string, query: Record<string, string> = {}) =>
  monitoringApi({ method: "GET", path, query }, { store, names, now });

describe("monitoring API", () => {
  it("shows the last 30 days by default, with names for kab/kota and provinces", async () => {
    const response = await get("/api/statistics");
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body);
    expect(body.filter).toEqual({ from: "2026-10-30", to: "2026-11-28" });
    expect(body.national.calls).toBe(2);
    expect(body.tenants.map((t: { name: string }) => t.name)).toEqual(["Kota Surabaya", "Kota Manado"]);
    expect(body.national.cocom.falseCallPercent).toBe(100);
    expect(body.areas["71"]).toBe("Sulawesi Utara");
  });

  it("offers the filter only the areas it is given, still naming every row", async () => {
    const provinces = { "71": "Sulawesi Utara", "35": "Jawa Timur" };
    const response = await monitoringApi(
      { method: "GET", path: "/api/statistics", query: {} },
      { store, names, areas: provinces, now },
    );
    const body = JSON.parse(response.body);
    expect(body.areas).toEqual(provinces);
    expect(body.tenants.map((t: { name: string }) => t.name)).toEqual(["Kota Surabaya", "Kota Manado"]);
  });

  it("filters by province and date range", async () => {
    const body = JSON.parse(
      (await get("/api/statistics", { province: "35", from: "2026-09-01", to: "2026-11-30" })).body,
    );
    expect(body.national.calls).toBe(2);
    expect(body.provinces.map((p: { code: string }) => p.code)).toEqual(["35"]);
  });

  it("answers a bad filter with 400 naming the value", async () => {
    const response = await get("/api/statistics", { province: "Jatim" });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toContain('province "Jatim"');
    expect((await get("/api/statistics", { from: "2026-12-01", to: "2026-11-01" })).status).toBe(400);
  });

  it("is read-only and knows one route", async () => {
    expect(
      (await monitoringApi({ method: "POST", path: "/api/statistics", query: {} }, { store, names })).status,
    ).toBe(405);
    expect((await get("/api/elsewhere")).status).toBe(404);
  });

  it("takes today in WIT as the end of the default range", () => {
    expect(latestLocalDay(Date.parse("2026-11-27T20:00:00Z"))).toBe("2026-11-28");
  });
});
