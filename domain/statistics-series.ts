/**
 * National statistics, part 3: the time series behind the charts ("when did it happen?").
 *
 * Counters are also kept per local hour and per local quarter-hour, for a kab/kota, its province
 * and the whole country (a scope), so a chart of any scope is one read of its cells in order.
 * Local means each tenant's own zone: a province's tenants share one zone, and the national series
 * adds every tenant's count at its own wall-clock time (13:00 WIB and 13:00 WIT are both "13").
 *
 * A series cell holds the counters a chart or a staffing plan needs (`SERIES_COUNTERS`): calls,
 * answers and abandons with their seconds, calls sent to the backup centre, outcomes, escalations
 * and acknowledgements per agency kind. `toHourlyCallRecords` gives a tenant's hours as the
 * staffing model's records (domain/staffing-records.ts).
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */

import type { HourlyCallRecord } from "./staffing-records";
import { addCounters, type CellKey, COUNTER, type Counters } from "./statistics";
import { type CallBreakdown, callBreakdown } from "./statistics-figures";
import { localInstant } from "./time-zones";

export const GRAINS = ["hour", "quarter"] as const;
/** `hour`: one point per local hour; `quarter`: one per local quarter-hour. */
export type Grain = (typeof GRAINS)[number];

/** What a view covers: the whole country, one province, or one kab/kota. */
export type Scope =
  | { readonly kind: "nation" }
  | { readonly kind: "province"; readonly province: string }
  | { readonly kind: "tenant"; readonly province: string; readonly tenant: string };

/**
 * The scope of a filter: a kab/kota when one is given, else its province, else the country.
 *
 * @example
 * scopeOf({ tenant: "71.71" }) // { kind: "tenant", province: "71", tenant: "71.71" }
 */
export function scopeOf(filter: { readonly province?: string; readonly tenant?: string }): Scope {
  if (filter.tenant) return { kind: "tenant", province: filter.tenant.slice(0, 2), tenant: filter.tenant };
  if (filter.province) return { kind: "province", province: filter.province };
  return { kind: "nation" };
}

/**
 * A scope as a key part: `N`, `P#71`, `T#71.71`.
 *
 * @example
 * scopeId({ kind: "province", province: "71" }) // "P#71"
 */
export function scopeId(scope: Scope): string {
  if (scope.kind === "nation") return "N";
  return scope.kind === "province" ? `P#${scope.province}` : `T#${scope.tenant}`;
}

/** The three scopes a cell's counts add to: its kab/kota, its province and the country. */
export function scopesOfCell(cell: Pick<CellKey, "tenant" | "province">): Scope[] {
  return [
    { kind: "tenant", province: cell.province, tenant: cell.tenant },
    { kind: "province", province: cell.province },
    { kind: "nation" },
  ];
}

/**
 * A cell's place in a series: `2026-11-27T13` (hour) or `2026-11-27T13:15` (quarter); undefined
 * for labels stored without an hour.
 *
 * @example
 * slotOf({ tenant: "71.71", province: "71", day: "2026-11-27", hour: 9, quarter: 15 }, "quarter") // "2026-11-27T09:15"
 */
export function slotOf(cell: CellKey, grain: Grain): string | undefined {
  if (cell.hour === undefined) return undefined;
  const hour = `${cell.day}T${String(cell.hour).padStart(2, "0")}`;
  if (grain === "hour") return hour;
  return cell.quarter === undefined ? undefined : `${hour}:${String(cell.quarter).padStart(2, "0")}`;
}

/** Counters kept per hour and quarter-hour (the rest: histograms, categories, statuses, stay per day). */
export const SERIES_COUNTERS =
  /^(calls|answered|answerSecondsSum|answeredWithin10s|abandoned|abandonSecondsSum|overflowed|handled|handleSecondsSum|outcome:.+|escalations:.+|acks:.+)$/;

/**
 * The part of a cell's counters that the series keep.
 *
 * @example
 * seriesCounters({ calls: 1, "category:fire": 1 }) // { calls: 1 }
 */
export function seriesCounters(counters: Counters): Counters {
  return Object.fromEntries(Object.entries(counters).filter(([name]) => SERIES_COUNTERS.test(name)));
}

/** The counters of one scope in one hour or quarter-hour. */
export interface SeriesCell {
  readonly slot: string;
  readonly counters: Counters;
}

/** One point of a chart: the call breakdown, answers and escalations in one slot. */
export interface SeriesPoint extends CallBreakdown {
  readonly slot: string;
  readonly answered: number;
  readonly averageAnswerSeconds: number | null;
  readonly escalations: number;
  readonly acknowledgements: number;
}

/**
 * Every slot of a grain from the first local day to the last, in order.
 *
 * @example
 * slotsBetween("hour", "2026-11-27", "2026-11-27").length // 24
 */
export function slotsBetween(grain: Grain, from: string, to: string): string[] {
  const slots: string[] = [];
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${to}T00:00:00Z`);
  for (let day = first; day <= last; day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    for (let hour = 0; hour < 24; hour++) {
      const h = `${date}T${String(hour).padStart(2, "0")}`;
      if (grain === "hour") slots.push(h);
      else for (const minute of ["00", "15", "30", "45"]) slots.push(`${h}:${minute}`);
    }
  }
  return slots;
}

/**
 * The points of a chart from the first local day to the last, one per slot, zero where nothing
 * happened (a quiet hour is shown, not skipped).
 *
 * @example
 * seriesPoints([{ slot: "2026-11-27T13", counters: { calls: 4 } }], "hour", "2026-11-27", "2026-11-27")[13].calls // 4
 */
export function seriesPoints(
  cells: readonly SeriesCell[],
  grain: Grain,
  from: string,
  to: string,
): SeriesPoint[] {
  const bySlot = new Map<string, Counters>();
  for (const cell of cells) addCounters(getOrCreate(bySlot, cell.slot), cell.counters);
  return slotsBetween(grain, from, to).map((slot) => {
    const c = bySlot.get(slot) ?? {};
    const answered = c[COUNTER.answered] ?? 0;
    const sumOf = (prefix: string) =>
      Object.entries(c).reduce((n, [name, v]) => (name.startsWith(prefix) ? n + v : n), 0);
    return {
      slot,
      ...callBreakdown(c),
      answered,
      averageAnswerSeconds:
        answered > 0 ? Math.round((10 * (c[COUNTER.answerSecondsSum] ?? 0)) / answered) / 10 : null,
      escalations: sumOf("escalations:"),
      acknowledgements: sumOf("acks:"),
    };
  });
}

function getOrCreate(map: Map<string, Counters>, key: string): Counters {
  let value = map.get(key);
  if (!value) {
    value = {};
    map.set(key, value);
  }
  return value;
}

/**
 * A tenant's hour cells as the staffing model's hourly records (domain/staffing-records.ts): each
 * local hour becomes the instant it starts, with calls arrived (received, less those the flow sent
 * to the backup centre before the queue), answered and abandoned and the seconds the callers waited.
 * Handling time comes from `CallEnded` (talk seconds of the calls whose end was reported): an hour
 * with answered calls and reported ends carries `handleSeconds` = answered calls × the mean talk
 * time of its reported ends (an end may be lost, contact events being best effort); an hour
 * without reported ends carries none, and the staffing model falls back to the span's mean.
 *
 * @example
 * toHourlyCallRecords([{ slot: "2026-11-27T09", counters: { calls: 3, answered: 2, answerSecondsSum: 9 } }], 8)
 * // [{ hourStart: "2026-11-27T01:00:00.000Z", arrived: 3, answered: 2, abandoned: 0, answerWaitSeconds: 9, abandonWaitSeconds: 0 }]
 */
export function toHourlyCallRecords(
  cells: readonly SeriesCell[],
  utcOffsetHours: number,
): HourlyCallRecord[] {
  return cells.map((cell) => {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})$/.exec(cell.slot);
    if (!match) throw new Error(`slot "${cell.slot}": not an hour slot (YYYY-MM-DDTHH, e.g. 2026-11-27T09)`);
    const c = cell.counters;
    const answered = c[COUNTER.answered] ?? 0;
    const handled = c[COUNTER.handled] ?? 0;
    const handleSum = c[COUNTER.handleSecondsSum] ?? 0;
    return {
      hourStart: new Date(localInstant(match[1]!, Number(match[2]), 0, utcOffsetHours)).toISOString(),
      arrived: Math.max(0, (c[COUNTER.calls] ?? 0) - (c[COUNTER.overflowed] ?? 0)),
      answered,
      abandoned: c[COUNTER.abandoned] ?? 0,
      answerWaitSeconds: c[COUNTER.answerSecondsSum] ?? 0,
      abandonWaitSeconds: c[COUNTER.abandonSecondsSum] ?? 0,
      ...(handled > 0 && answered > 0 && handleSum > 0
        ? { handleSeconds: (answered * handleSum) / handled }
        : {}),
    };
  });
}
