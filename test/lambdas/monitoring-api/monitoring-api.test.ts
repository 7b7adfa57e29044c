import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { createStatisticsTableInput } from "../../../domain/statistics-table";
import { monitoringApi } from "../../../lambdas/monitoring-api/monitoring-api";
import { aggregateIncidentEvents } from "../../../lambdas/national-aggregator/aggregate";
import type { RequestIdentity } from "../../../lambdas/shared/ports";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { abandoned, acknowledged, outcome, overflowed, received, sent } from "../../domain/statistics-events";

let dynamo: LocalDynamo;
let store: DynamoStatisticsStore;
const names = {
  "71.71": "Kota Manado",
  "71": "Sulawesi Utara",
  "35.78": "Kota Surabaya",
  "35": "Jawa Timur",
  "31": "DKI Jakarta",
};
const now = () => Date.parse("2026-11-28T03:00:00Z");
const manado = { tenant: "71.71", province: "71" };
const surabaya = { tenant: "35.78", province: "35" };

beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput("stats")));
  store = new DynamoStatisticsStore(dynamo.documents, "stats");
  await aggregateIncidentEvents(
    [
      received({ ...manado, incidentId: "a", at: "2026-11-27T01:00:00Z" }),
      outcome("prank", { ...manado, incidentId: "a", at: "2026-11-27T01:01:00Z" }),
      received({ ...manado, incidentId: "f", at: "2026-11-27T05:00:00Z", answerSeconds: undefined }),
      sent("fire", { ...manado, incidentId: "f", agency: "damkar", at: "2026-11-27T05:02:00Z" }),
      sent("fire", { ...manado, incidentId: "f", agency: "damkar", at: "2026-11-27T05:05:00Z", step: 1 }),
      sent("police", { ...manado, incidentId: "f", agency: "polres", at: "2026-11-27T05:02:00Z" }),
      acknowledged("police", 60, {
        ...manado,
        incidentId: "f",
        agency: "polres",
        at: "2026-11-27T05:03:00Z",
      }),
      received({ ...manado, incidentId: "g", at: "2026-11-28T01:00:00Z", answerSeconds: undefined }),
      abandoned(40, { ...manado, incidentId: "g", at: "2026-11-28T01:00:40Z" }),
      received({ ...manado, incidentId: "h", at: "2026-11-28T01:20:00Z", answerSeconds: undefined }),
      overflowed({ ...manado, incidentId: "h", at: "2026-11-28T01:20:30Z" }),
      received({ ...surabaya, incidentId: "b", at: "2026-11-20T01:00:00Z" }),
      received({ ...surabaya, incidentId: "c", at: "2026-09-01T01:00:00Z" }),
    ],
    store,
  );
});
afterAll(() => dynamo.stop());

const get = async (path: string, query: Record<string, string> = {}, overflowMeasured = false) => {
  const response = await monitoringApi(
    { method: "GET", path, query, headers: {}, authorized: true },
    { store, names, now, overflowMeasured },
  );
  return { status: response.statusCode, body: JSON.parse(response.body) };
};

describe("monitoring API", () => {
  it("shows the last 30 days by default, with names for kab/kota and provinces, and what it read", async () => {
    const { status, body } = await get("/api/statistics");
    expect(status).toBe(200);
    expect(body.filter).toEqual({ from: "2026-10-30", to: "2026-11-28" });
    expect(body.national.calls).toBe(5);
    expect(body.tenants.map((t: { name: string }) => t.name)).toEqual(["Kota Surabaya", "Kota Manado"]);
    expect(body.reads).toMatchObject({ queries: 1, pages: 1, items: 3 });
    expect(body.reads.capacityUnits).toBeGreaterThan(0);
  });

  it("shows abandoned calls and calls sent to the backup centre, and says whether the latter are measured", async () => {
    const { body } = await get("/api/statistics", { tenant: "71.71", from: "2026-11-28", to: "2026-11-28" });
    expect(body.national).toMatchObject({ calls: 2, abandoned: 1, overflowed: 1 });
    expect(body.days[0]).toMatchObject({ day: "2026-11-28", abandoned: 1, overflowed: 1, other: 0 });
    expect(body.measures).toEqual({ overflow: false });
    expect((await get("/api/statistics", {}, true)).body.measures).toEqual({ overflow: true });
  });

  it("filters by province, kab/kota and date range", async () => {
    const { body } = await get("/api/statistics", { province: "35", from: "2026-09-01", to: "2026-11-30" });
    expect(body.national.calls).toBe(2);
    expect(body.provinces.map((p: { code: string }) => p.code)).toEqual(["35"]);
    const one = (await get("/api/statistics", { province: "71", tenant: "71.71" })).body;
    expect(one.tenants.map((t: { code: string }) => t.code)).toEqual(["71.71"]);
  });

  it("serves the hourly chart of a range in local hours, and today's quarter-hours", async () => {
    const { body } = await get("/api/series", { province: "71", from: "2026-11-27", to: "2026-11-27" });
    expect(body.points).toHaveLength(24);
    // 01:00Z and 05:00Z are 09:00 and 13:00 WITA
    expect(body.points[9]).toMatchObject({ slot: "2026-11-27T09", calls: 1, falseCalls: 1 });
    expect(body.points[13]).toMatchObject({
      slot: "2026-11-27T13",
      calls: 1,
      escalations: 3,
      acknowledgements: 1,
    });
    expect(body.reads.queries).toBe(1);
    const quarters = (await get("/api/series", { province: "71", grain: "quarter" })).body;
    expect([quarters.from, quarters.points.length]).toEqual(["2026-11-28", 96]);
    expect(quarters.points.find((p: { slot: string }) => p.slot === "2026-11-28T09:15")).toMatchObject({
      calls: 1,
      overflowed: 1,
    });
  });

  it("lists the alerts sent and not acknowledged, oldest first, with the round reached", async () => {
    const { body } = await get("/api/alerts");
    expect(body.alerts).toEqual([
      expect.objectContaining({
        tenant: "71.71",
        tenantName: "Kota Manado",
        agency: "damkar",
        agencyKind: "fire",
        step: 1,
        round: 0,
        overdue: true,
        firstSentAt: "2026-11-27T05:02:00.000Z",
        firstSentLocal: "27/11/2026 13:02 WITA",
      }),
    ]);
    expect(body.groups).toEqual([
      expect.objectContaining({ tenant: "71.71", agencyKind: "fire", open: 1, overdue: 1 }),
    ]);
    expect((await get("/api/alerts", { province: "35" })).body.alerts).toEqual([]);
  });

  it("marks provinces without a kab/kota that sent data as not live", async () => {
    const { body } = await get("/api/areas");
    const byCode = Object.fromEntries(body.provinces.map((p: { code: string }) => [p.code, p]));
    expect(byCode["71"]).toEqual({
      code: "71",
      name: "Sulawesi Utara",
      live: true,
      tenants: [{ code: "71.71", name: "Kota Manado" }],
    });
    expect(byCode["31"]).toMatchObject({ live: false, tenants: [] });
  });

  it("answers one refresh of the dashboard with four Queries", async () => {
    const { body } = await get("/dashboard/api/dashboard", { province: "71" });
    expect(body.national.calls).toBe(4);
    expect(body.series.points.length).toBe(7 * 24); // the hourly chart: the last 7 days of the range
    expect(body.alerts.alerts).toHaveLength(1);
    expect(body.areas.provinces.length).toBe(3);
    expect(body.labels.agencyKinds.fire).toBe("Pemadam Kebakaran");
    expect(body.reads.queries).toBe(4);
  });

  it("gives the daily report: every kab/kota on every day", async () => {
    const { body } = await get("/api/daily", { from: "2026-11-20", to: "2026-11-28" });
    expect(body.rows.map((r: { day: string; code: string }) => `${r.day} ${r.code}`)).toEqual([
      "2026-11-20 35.78",
      "2026-11-27 71.71",
      "2026-11-28 71.71",
    ]);
    expect(body.rows[2]).toMatchObject({ name: "Kota Manado", provinceName: "Sulawesi Utara" });
    expect(body.rows[2].figures.cocom.abandonPercent).toBe(50);
  });

  it("answers a bad filter with 400 naming the value", async () => {
    const bad = await get("/api/statistics", { province: "Jatim" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('province "Jatim"');
    expect((await get("/api/statistics", { from: "2026-12-01", to: "2026-11-01" })).status).toBe(400);
  });

  it("is read-only and names its routes", async () => {
    const post = await monitoringApi(
      { method: "POST", path: "/api/statistics", query: {}, headers: {}, authorized: true },
      { store, names },
    );
    expect(post.statusCode).toBe(405);
    const missing = await get("/api/elsewhere");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain("api/dashboard");
  });
});

describe("the city view (GET api/city)", () => {
  const asUser = async (identity: RequestIdentity | undefined, query: Record<string, string> = {}) => {
    const response = await monitoringApi(
      {
        method: "GET",
        path: "/api/city",
        query,
        headers: {},
        authorized: true,
        ...(identity ? { identity } : {}),
      },
      { store, names, now },
    );
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };
  const manadoManager: RequestIdentity = { subject: "m1", groups: ["manager"], tenant: "71.71" };

  it("shows a city's manager their own kab/kota's month, taken from the token", async () => {
    const own = await asUser(manadoManager, { month: "2026-11" });
    expect(own.status).toBe(200);
    expect(own.body.tenant).toMatchObject({
      code: "71.71",
      name: "Kota Manado",
      provinceName: "Sulawesi Utara",
    });
    expect(own.body.figures.calls).toBe(4);
    expect(own.body.reads.queries).toBe(2);
  });

  it("refuses a city's manager another city's figures", async () => {
    const other = await asUser(manadoManager, { tenant: "35.78", month: "2026-11" });
    expect(other.status).toBe(403);
    expect(other.body.error).toContain('tenant "35.78": not your kab/kota');
    expect(JSON.stringify(other.body)).not.toContain("Surabaya");
  });

  it("lets the national centre read any kab/kota it names", async () => {
    const officer: RequestIdentity = { subject: "n1", groups: ["national"] };
    const surabayaMonth = await asUser(officer, { tenant: "35.78", month: "2026-11" });
    expect(surabayaMonth.status).toBe(200);
    expect(surabayaMonth.body.tenant.code).toBe("35.78");
    expect(surabayaMonth.body.figures.calls).toBe(1);
    expect((await asUser(officer, { month: "2026-11" })).status).toBe(400);
  });

  it("refuses call-takers, tokens without a kab/kota and requests without identity", async () => {
    expect((await asUser({ subject: "c", groups: ["call-taker"], tenant: "71.71" })).status).toBe(403);
    expect((await asUser({ subject: "s", groups: ["supervisor"] })).status).toBe(403);
    expect((await asUser(undefined)).status).toBe(401);
  });

  it("answers a bad month with 400 naming it", async () => {
    const bad = await asUser(manadoManager, { month: "2026-13" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('month "2026-13"');
  });
});
