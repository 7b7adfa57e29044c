/**
 * What a view of the national statistics asks for: a scope (country, province or kab/kota), a
 * range of local days, and for charts a grain. Read from a query string and checked field by
 * field, so the API answers a bad link with the field, the value and what is accepted.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */
import { GRAINS, type Grain, type Scope, scopeOf } from "./statistics-series";
import { EASTERNMOST_ZONE, localDate, zoneOfProvince } from "./time-zones";

/** Days shown when the request names no range. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range one view reads. */
export const MAX_RANGE_DAYS = 366;
/** Days the hourly chart shows (the last ones of the range): 168 columns still read as hours. */
export const HOURLY_CHART_DAYS = 7;

export interface ViewRequest {
  readonly province?: string;
  readonly tenant?: string;
  /** First local day included, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last local day included. */
  readonly to: string;
  readonly scope: Scope;
  readonly grain: Grain;
}

/**
 * Today in the easternmost zone (WIT, UTC+9), so the default range includes every tenant's today.
 *
 * @example
 * latestLocalDay(Date.parse("2026-11-27T20:00:00Z")) // "2026-11-28"
 */
export function latestLocalDay(nowMs: number): string {
  return localDate(nowMs, EASTERNMOST_ZONE);
}

/**
 * Today where a scope lives: its province's zone, or WIB (Jakarta) for the whole country.
 *
 * @example
 * todayOf({ kind: "province", province: "71" }, Date.parse("2026-11-27T17:00:00Z")) // "2026-11-28"
 */
export function todayOf(scope: Scope, nowMs: number): string {
  return localDate(nowMs, zoneOfProvince(scope.kind === "nation" ? "31" : scope.province));
}

/** Throws unless `value` is a calendar day `YYYY-MM-DD` (2026-02-30 is not). */
function checkDay(name: string, value: string): void {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new Error(`${name} "${value}": not a date (YYYY-MM-DD, e.g. 2026-11-27)`);
}

/**
 * The days the chart of a view covers: today (in the scope's zone) for quarter-hours; for hours,
 * the last `HOURLY_CHART_DAYS` days of the range.
 *
 * @example
 * chartDays({ from: "2026-11-01", to: "2026-11-30", grain: "hour", scope: { kind: "nation" } }, now) // ["2026-11-24", "2026-11-30"]
 */
export function chartDays(
  request: Pick<ViewRequest, "from" | "to" | "grain" | "scope">,
  nowMs: number,
): [string, string] {
  if (request.grain === "quarter") {
    const today = todayOf(request.scope, nowMs);
    return [today, today];
  }
  const earliest = new Date(Date.parse(`${request.to}T00:00:00Z`) - (HOURLY_CHART_DAYS - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const [, from] = [request.from, earliest].sort(); // the later of the two days
  return [from!, request.to];
}

/**
 * Days from `from` to `to` inclusive (`YYYY-MM-DD`); throws when a day is not a date, the range is
 * reversed or longer than `maxDays`.
 *
 * @example
 * daysBetween("2026-11-30", "2026-12-01") // ["2026-11-30", "2026-12-01"]
 */
export function daysBetween(from: string, to: string, maxDays = MAX_RANGE_DAYS): string[] {
  checkDay("from", from);
  checkDay("to", to);
  if (from > to) throw new Error(`date range ${from}..${to}: "from" is after "to"`);
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
    if (out.length > maxDays)
      throw new Error(`date range ${from}..${to}: longer than ${maxDays} days (choose a shorter range)`);
  }
  return out;
}

/**
 * Reads a view request from query parameters (`province`, `tenant`, `from`, `to`, `grain`); empty
 * ones count as absent. Throws an error naming the parameter, its value and what is accepted.
 *
 * @example
 * parseViewRequest({ province: "71" }, Date.parse("2026-11-28T03:00:00Z"))
 * // { province: "71", from: "2026-10-30", to: "2026-11-28", scope: { kind: "province", province: "71" }, grain: "hour" }
 */
export function parseViewRequest(
  query: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): ViewRequest {
  const province = query.province || undefined;
  const tenant = query.tenant || undefined;
  if (province !== undefined && !/^\d{2}$/.test(province))
    throw new Error(`province "${province}": not a province code (two digits, e.g. 71)`);
  if (tenant !== undefined && !/^\d{2}(\.\d{2})?$/.test(tenant))
    throw new Error(`tenant "${tenant}": not a kab/kota code (e.g. 71.71, or 31 for DKI Jakarta)`);
  if (tenant !== undefined && province !== undefined && tenant.slice(0, 2) !== province)
    throw new Error(`tenant "${tenant}": not in province "${province}" (its code starts with ${province}.)`);
  const grain = (query.grain || "hour") as Grain;
  if (!GRAINS.includes(grain)) throw new Error(`grain "${query.grain}": one of ${GRAINS.join(", ")}`);
  const to = query.to || latestLocalDay(nowMs);
  checkDay("to", to);
  const from =
    query.from ||
    new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  daysBetween(from, to);
  return {
    ...(province ? { province } : {}),
    ...(tenant ? { tenant } : {}),
    from,
    to,
    scope: scopeOf({ province, tenant }),
    grain,
  };
}
