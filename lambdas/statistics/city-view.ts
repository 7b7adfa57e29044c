/**
 * One kab/kota's month, read from the national statistics with two Queries of its own partitions
 * (docs/statistics.md): its day rows from the first day of the month before to the last day of
 * the month (`ROW#T#<code>`), and the month's hour cells (`HOUR#T#<code>`). Nothing else of the
 * table is read, so the function that answers it can be granted exactly those partitions
 * (`dynamodb:LeadingKeys`: `cityPartitions` in domain/city-figures.ts). No personal data is in either: counts only.
 */
import { AGENCY_KIND_LABELS_ID, CATEGORY_LABELS_ID } from "../../domain/categories";
import {
  cityMonthOf,
  compareMonths,
  hoursOfDay,
  monthlyReport,
  previousMonth,
  weekHours,
} from "../../domain/city-figures";
import { cityStaffing } from "../../domain/city-staffing";
import type { Scope } from "../../domain/statistics-series";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";
import { localDate } from "../../domain/time-zones";
import { addCosts, type ReadCost } from "./statistics-query";
import type { StatisticsStore } from "./statistics-store";

/** What the city view reads of the statistics store. */
export type CityStatistics = Pick<StatisticsStore, "readRows" | "readSeries">;

/** The kab/kota a city view is about: the API's own tenant, never a query parameter. */
export type CityTenant = Pick<TenantRuntimeConfig, "code" | "name" | "province" | "zone">;

/**
 * The month of one kab/kota: the figures and report of the month beside the month before, its hours
 * of the day and of the week, and how many call-takers each hour of the week needs. `month`
 * (`YYYY-MM`) defaults to this month in the kab/kota's zone; a bad or future month throws a
 * RangeError naming it.
 *
 * @example
 * const { body, reads } = await cityView(store, tenant, "2026-11", Date.now());
 * body.staffing.byHourOfDay[9].agents
 */
export async function cityView(
  store: CityStatistics,
  tenant: CityTenant,
  month: string | undefined,
  nowMs: number,
): Promise<{ readonly body: ReturnType<typeof cityBody>; readonly reads: ReadCost }> {
  const current = cityMonthOf(month, nowMs, tenant.zone);
  const previous = previousMonth(current.month);
  const scope: Scope = { kind: "tenant", province: tenant.province.code, tenant: tenant.code };
  const [rows, hours] = await Promise.all([
    store.readRows(scope, previous.from, current.to),
    store.readSeries("hour", scope, current.from, current.to),
  ]);
  const today = localDate(nowMs, tenant.zone);
  const observedTo = today.localeCompare(current.to) < 0 ? today : current.to; // the earlier day
  const body = cityBody({
    tenant,
    current,
    previous,
    report: monthlyReport(rows.items, tenant.code, current),
    before: monthlyReport(rows.items, tenant.code, previous),
    hours: hours.items,
    observedTo,
    nowMs,
  });
  return { body, reads: addCosts([rows.cost, hours.cost]) };
}

function cityBody(input: {
  tenant: CityTenant;
  current: ReturnType<typeof cityMonthOf>;
  previous: ReturnType<typeof previousMonth>;
  report: ReturnType<typeof monthlyReport>;
  before: ReturnType<typeof monthlyReport>;
  hours: Parameters<typeof hoursOfDay>[0];
  observedTo: string;
  nowMs: number;
}) {
  const { tenant, current, previous, report, before } = input;
  return {
    tenant: {
      code: tenant.code,
      name: tenant.name,
      province: tenant.province.code,
      provinceName: tenant.province.name,
      zone: tenant.zone.name,
      timeZone: tenant.zone.iana,
    },
    month: current,
    previousMonth: previous,
    /** Last local day with data so far (the month's last day once it is over). */
    observedTo: input.observedTo,
    generatedAt: new Date(input.nowMs).toISOString(),
    figures: report.total,
    previousFigures: before.total,
    comparison: compareMonths(report.total, before.total),
    days: report.days,
    hoursOfDay: hoursOfDay(input.hours),
    weekHours: weekHours(input.hours, current.from, input.observedTo),
    staffing: cityStaffing(input.hours, current, tenant.zone, input.nowMs),
    labels: { agencyKinds: AGENCY_KIND_LABELS_ID, categories: CATEGORY_LABELS_ID },
  };
}
