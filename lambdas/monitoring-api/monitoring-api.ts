/**
 * The national monitoring API's plain function: read-only views of the statistics for the
 * dashboard, each from one Query (views.ts). Routes end in `/api/<view>` whatever comes before, so
 * the same dashboard files work locally (`/dashboard/api/…`) and behind CloudFront (`/api/…`):
 *
 * | route                 | answer                                                                    |
 * | --------------------- | ------------------------------------------------------------------------- |
 * | `GET …/api/dashboard` | everything one refresh of the page shows: the four views below (4 Queries) |
 * | `GET …/api/statistics`| cards, per-day chart, province and kab/kota tables                         |
 * | `GET …/api/series`    | hourly chart of the range, or `grain=quarter`: 15-minute chart of today    |
 * | `GET …/api/alerts`    | alerts sent and not acknowledged, oldest first, and per kab/kota and kind  |
 * | `GET …/api/areas`     | provinces, which are live, and their live kab/kota                         |
 * | `GET …/api/daily`     | every kab/kota on every day of the range (the report)                      |
 * | `GET …/api/city`      | one kab/kota's month for its own managers (city-access.ts): 2 Queries      |
 *
 * Query parameters: `province=71`, `tenant=71.71`, `from`/`to` (`YYYY-MM-DD`, local days; default
 * the last 30 days), `grain=hour|quarter`; the city view takes `month=YYYY-MM` and, for the national
 * centre only, `tenant=`. Every answer carries `reads`: Queries, pages, items and
 * read units it cost. Labels in Bahasa Indonesia come with the dashboard view, so the static pages
 * hold no domain text.
 */
import { AGENCY_KIND_LABELS_ID, CATEGORY_LABELS_ID } from "../../domain/categories";
import { parseViewRequest, type ViewRequest } from "../../domain/statistics-view";
import { zoneOfProvince } from "../../domain/time-zones";
import { router } from "../shared/http-router";
import type { HttpRequest, HttpResponse } from "../shared/ports";
import { cityView } from "../statistics/city-view";
import { addCosts } from "../statistics/statistics-query";
import { cityAccess } from "./city-access";
import { alertsView, areasView, dailyView, seriesView, summaryView, type View, type ViewDeps } from "./views";

export interface MonitoringApiDeps extends Omit<ViewDeps, "now" | "overflowMeasured"> {
  /** @default false (the cloud: no function sees a transfer to the backup centre yet) */
  readonly overflowMeasured?: boolean;
  readonly now?: () => number;
}

const json = (status: number, value: unknown): HttpResponse => ({
  statusCode: status,
  headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  body: JSON.stringify(value),
});

type ViewOf = (deps: ViewDeps, request: ViewRequest) => Promise<View<unknown>>;

const VIEWS: Readonly<Record<string, ViewOf>> = {
  statistics: summaryView,
  series: seriesView,
  alerts: alertsView,
  areas: (deps) => areasView(deps),
  daily: dailyView,
  dashboard: async (deps, request) => {
    const [statistics, series, alerts, areas] = await Promise.all([
      summaryView(deps, request),
      seriesView(deps, request),
      alertsView(deps, request),
      areasView(deps),
    ]);
    return {
      body: {
        ...statistics.body,
        series: series.body,
        alerts: alerts.body,
        areas: areas.body,
        labels: { agencyKinds: AGENCY_KIND_LABELS_ID, categories: CATEGORY_LABELS_ID },
      },
      reads: addCosts([statistics.reads, series.reads, alerts.reads, areas.reads]),
    };
  },
};

/** One kab/kota's month; whose, from the identity (city-access.ts). */
async function cityMonth(deps: ViewDeps, request: HttpRequest): Promise<HttpResponse> {
  const access = cityAccess(request.identity, request.query.tenant, deps.names);
  if ("refusal" in access) return json(access.refusal.status, { error: access.refusal.message });
  const code = access.tenant;
  const province = code.slice(0, 2);
  const tenant = {
    code,
    name: deps.names[code] ?? code,
    province: { code: province, name: deps.names[province] ?? province },
    zone: zoneOfProvince(province),
  };
  try {
    const { body, reads } = await cityView(deps.store, tenant, request.query.month, deps.now());
    return json(200, { ...body, measures: { overflow: deps.overflowMeasured }, reads });
  } catch (error) {
    if (error instanceof RangeError) return json(400, { error: error.message });
    throw error;
  }
}

const routes = router<ViewDeps>([
  { method: "GET" as const, path: "/api/city", handle: cityMonth },
  ...Object.entries(VIEWS).map(([name, view]) => ({
    method: "GET" as const,
    path: `/api/${name}`,
    handle: async (deps: ViewDeps, request: HttpRequest) => {
      let viewRequest: ViewRequest;
      try {
        viewRequest = parseViewRequest(request.query, deps.now());
      } catch (error) {
        return json(400, { error: (error as Error).message });
      }
      const { body, reads } = await view(deps, viewRequest);
      return json(200, { ...(body as object), reads });
    },
  })),
]);

/**
 * Answers one request.
 *
 * @example
 * await monitoringApi({ method: "GET", path: "/api/statistics", query: { province: "71" }, headers: {}, authorized: true }, { store, names })
 */
export async function monitoringApi(request: HttpRequest, deps: MonitoringApiDeps): Promise<HttpResponse> {
  const at = request.path.lastIndexOf("/api/");
  const path = at >= 0 ? request.path.slice(at) : request.path;
  const viewDeps: ViewDeps = {
    store: deps.store,
    names: deps.names,
    overflowMeasured: deps.overflowMeasured ?? false,
    now: deps.now ?? Date.now,
  };
  const match = routes({ ...request, path });
  if (match.kind === "method-not-allowed")
    return json(405, { error: `method ${request.method}: the monitoring API is read-only (GET)` });
  if (match.kind === "not-found")
    return json(404, {
      error: `path "${request.path}": not found (one of ${[...Object.keys(VIEWS), "city"]
        .map((v) => `api/${v}`)
        .join(", ")})`,
    });
  return match.route.handle(viewDeps, { ...request, path }, match.params);
}
