/**
 * The national monitoring API's plain function: read-only statistics for the dashboard.
 *
 * Routes (relative, so the same dashboard files work locally and behind CloudFront):
 * - `GET …/api/statistics?province=71&from=2026-11-01&to=2026-11-30` -> `Statistics` (every
 *   province and kab/kota named) plus `areas` (code -> name of the areas the dashboard's filter
 *   offers: in the cloud the 38 provinces) and `labels` (Bahasa Indonesia names of agency kinds
 *   and categories, so the static pages hold no domain text).
 */
import { AGENCY_KIND_LABELS_ID, CATEGORY_LABELS_ID } from "../../domain/categories";
import { type AreaNames, daysBetween, summarize } from "../../domain/statistics-figures";
import { EASTERNMOST_ZONE, localDate } from "../../domain/time-zones";
import type { StatisticsStore } from "../statistics/statistics-store";

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | undefined>>;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface MonitoringApiDeps {
  readonly store: StatisticsStore;
  /** Names of the provinces and kab/kota in the figures (a missing name shows the code). */
  readonly names: AreaNames;
  /** The answer's `areas`, the names the dashboard's filter offers. @default names */
  readonly areas?: AreaNames;
  readonly now?: () => number;
}

/** Days shown when the request names no range. */
export const DEFAULT_RANGE_DAYS = 30;

const json = (status: number, value: unknown): ApiResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  body: JSON.stringify(value),
});

/**
 * Today in the easternmost zone (WIT, UTC+9), so the default range includes every tenant's today.
 *
 * @example
 * latestLocalDay(Date.parse("2026-11-27T20:00:00Z")) // "2026-11-28"
 */
export function latestLocalDay(now: number): string {
  return localDate(now, EASTERNMOST_ZONE);
}

/**
 * Answers one request.
 *
 * @example
 * await monitoringApi({ method: "GET", path: "/api/statistics", query: { province: "71" } }, { store, names })
 */
export async function monitoringApi(request: ApiRequest, deps: MonitoringApiDeps): Promise<ApiResponse> {
  if (!/\/api\/statistics\/?$/.test(request.path))
    return json(404, { error: `path "${request.path}": not found (try GET api/statistics)` });
  if (request.method !== "GET")
    return json(405, { error: `method ${request.method}: the monitoring API is read-only (GET)` });
  const { province } = request.query;
  if (province !== undefined && province !== "" && !/^\d{2}$/.test(province))
    return json(400, { error: `province "${province}": not a province code (two digits, e.g. 71)` });
  const to = request.query.to || latestLocalDay((deps.now ?? Date.now)());
  const from =
    request.query.from ||
    new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  let days: string[];
  try {
    days = daysBetween(from, to);
  } catch (error) {
    return json(400, { error: (error as Error).message });
  }
  const filter = { province: province || undefined, from, to };
  const cells = await deps.store.readCells(days, filter.province);
  return json(200, {
    ...summarize(cells, filter, deps.names),
    areas: deps.areas ?? deps.names,
    labels: { agencyKinds: AGENCY_KIND_LABELS_ID, categories: CATEGORY_LABELS_ID },
  });
}
