/**
 * The views of the national dashboard, each answered from ONE Query of the statistics table
 * (lambdas/statistics/statistics-store.ts): the summary (cards, tables, days), the hour or
 * quarter-hour series, the open alerts, the areas with live kab/kota, and the daily report rows.
 * Each view returns its body and what its read cost.
 */
import { openAlertsView } from "../../domain/statistics-alerts";
import { type AreaNames, type Figures, figuresOf, summarize } from "../../domain/statistics-figures";
import { seriesPoints } from "../../domain/statistics-series";
import { chartDays, type ViewRequest } from "../../domain/statistics-view";
import { formatLocalTime, zoneOfProvince } from "../../domain/time-zones";
import type { ReadCost } from "../statistics/statistics-query";
import type { StatisticsStore } from "../statistics/statistics-store";

export interface ViewDeps {
  readonly store: StatisticsStore;
  /** Names of provinces and kab/kota by code (a missing name shows the code). */
  readonly names: AreaNames;
  /**
   * Whether calls sent to the backup centre are measured where this API runs: true in the local
   * centre (its flow reports them), false in the cloud, where no function sees the transfer yet.
   */
  readonly overflowMeasured: boolean;
  readonly now: () => number;
}

export interface View<T> {
  readonly body: T;
  readonly reads: ReadCost;
}

const nameOf = (names: AreaNames, code: string) => names[code] ?? code;

/**
 * Cards, the per-day chart and the province and kab/kota tables of a scope and date range.
 *
 * @example
 * (await summaryView(deps, request)).body.national.calls
 */
export async function summaryView(deps: ViewDeps, request: ViewRequest) {
  const { items, cost } = await deps.store.readRows(request.scope, request.from, request.to);
  const filter = {
    ...(request.province ? { province: request.province } : {}),
    ...(request.tenant ? { tenant: request.tenant } : {}),
    from: request.from,
    to: request.to,
  };
  return {
    body: { ...summarize(items, filter, deps.names), measures: { overflow: deps.overflowMeasured } },
    reads: cost,
  };
}

/**
 * The chart of a scope: every local hour of the last 7 days of the range, or (`grain=quarter`)
 * every quarter-hour of today in the scope's zone (WIB for the whole country).
 *
 * @example
 * (await seriesView(deps, { ...request, grain: "quarter" })).body.points.length // 96
 */
export async function seriesView(deps: ViewDeps, request: ViewRequest) {
  const [from, to] = chartDays(request, deps.now());
  const { items, cost } = await deps.store.readSeries(request.grain, request.scope, from, to);
  return {
    body: { grain: request.grain, from, to, points: seriesPoints(items, request.grain, from, to) },
    reads: cost,
  };
}

/**
 * The alerts of a scope sent and not acknowledged, oldest first, and grouped per kab/kota and
 * agency kind.
 *
 * @example
 * (await alertsView(deps, request)).body.alerts[0].overdue
 */
export async function alertsView(deps: ViewDeps, request: Pick<ViewRequest, "scope">) {
  const now = deps.now();
  const { items, cost } = await deps.store.readOpenAlerts(request.scope, now);
  const view = openAlertsView(items, now);
  const named = <T extends { tenant: string }>(x: T) => ({ ...x, tenantName: nameOf(deps.names, x.tenant) });
  // Times as the kab/kota's own clock shows them (WIB, WITA or WIT).
  const local = (at: string, province: string) => formatLocalTime(at, zoneOfProvince(province));
  return {
    body: {
      now: new Date(now).toISOString(),
      alerts: view.alerts.map((a) => ({ ...named(a), firstSentLocal: local(a.firstSentAt, a.province) })),
      groups: view.groups.map((g) => ({ ...named(g), oldestSentLocal: local(g.oldestSentAt, g.province) })),
    },
    reads: cost,
  };
}

/**
 * Every province, with the kab/kota that send data ("live"); a province without any is marked not
 * live, so the filter offers live ones and shows the others as "belum aktif".
 *
 * @example
 * (await areasView(deps)).body.provinces.find((p) => p.code === "71")?.live
 */
export async function areasView(deps: ViewDeps) {
  const { items, cost } = await deps.store.readLiveTenants();
  const live = new Map<string, { code: string; name: string }[]>();
  for (const t of [...items].sort((a, b) => a.tenant.localeCompare(b.tenant))) {
    const list = live.get(t.province) ?? [];
    list.push({ code: t.tenant, name: nameOf(deps.names, t.tenant) });
    live.set(t.province, list);
  }
  const provinceCodes = new Set([
    ...Object.keys(deps.names).filter((c) => /^\d{2}$/.test(c)),
    ...live.keys(),
  ]);
  const provinces = [...provinceCodes].sort().map((code) => ({
    code,
    name: nameOf(deps.names, code),
    live: live.has(code),
    tenants: live.get(code) ?? [],
  }));
  return { body: { provinces }, reads: cost };
}

/** One row of the daily report: one kab/kota on one local day. */
export interface DailyRow {
  readonly day: string;
  readonly code: string;
  readonly name: string;
  readonly province: string;
  readonly provinceName: string;
  readonly figures: Figures;
}

/**
 * The figures of every kab/kota on every day of the range (the ministry's report), by day then code.
 *
 * @example
 * (await dailyView(deps, request)).body.rows[0].figures.cocom.abandonPercent
 */
export async function dailyView(deps: ViewDeps, request: ViewRequest) {
  const { items, cost } = await deps.store.readRows(request.scope, request.from, request.to);
  const rows: DailyRow[] = [...items]
    .sort((a, b) => a.day.localeCompare(b.day) || a.tenant.localeCompare(b.tenant))
    .map((row) => ({
      day: row.day,
      code: row.tenant,
      name: nameOf(deps.names, row.tenant),
      province: row.province,
      provinceName: nameOf(deps.names, row.province),
      figures: figuresOf(row.counters),
    }));
  return { body: { from: request.from, to: request.to, rows }, reads: cost };
}
