/**
 * A kab/kota's own figures for one month, as its 112 manager asks for them: the month against the
 * month before, the days of the month (the monthly report), and the hours (when calls come, how
 * quickly they are answered, how many hang up). Built from the national statistics the aggregator
 * keeps (day rows and hour cells of the kab/kota: docs/statistics.md), which hold no personal data:
 * repeat and suspected prank callers are counts, never numbers.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */
import { addCounters, COUNTER, type Counters, type StatisticsCell } from "./statistics";
import { type DayFigures, type Figures, figuresOf, summarize } from "./statistics-figures";
import type { Scope, SeriesCell } from "./statistics-series";
import { rowKey, seriesKey } from "./statistics-table";
import { localDate, type TenantZone } from "./time-zones";

/** A calendar month of a kab/kota, in its own zone. */
export interface CityMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** First and last local day of the month, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * The days of a month.
 *
 * @example
 * monthOf("2026-02") // { month: "2026-02", from: "2026-02-01", to: "2026-02-28" }
 */
export function monthOf(month: string): CityMonth {
  const match = MONTH.exec(month);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12)
    throw new RangeError(`month "${month}": not a month (YYYY-MM, e.g. 2026-11)`);
  const year = Number(match[1]);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/**
 * The month before.
 *
 * @example
 * previousMonth("2026-01").month // "2025-12"
 */
export function previousMonth(month: string): CityMonth {
  const { from } = monthOf(month);
  const before = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
  return monthOf(before);
}

/**
 * The month a city view asks for (`month=YYYY-MM`, default this month in the kab/kota's zone); a
 * month that has not started yet there is refused.
 *
 * @example
 * cityMonthOf(undefined, Date.parse("2026-11-30T17:00:00Z"), { utcOffsetHours: 8 }).month // "2026-12"
 */
export function cityMonthOf(
  month: string | undefined,
  nowMs: number,
  zone: Pick<TenantZone, "utcOffsetHours">,
): CityMonth {
  const current = localDate(nowMs, zone).slice(0, 7);
  const wanted = monthOf(month || current);
  if (wanted.month > current)
    throw new RangeError(`month "${wanted.month}": has not started yet (this month is ${current})`);
  return wanted;
}

/** One indicator of the month beside the month before. */
export interface MonthComparison {
  readonly key: string;
  readonly current: number | null;
  readonly previous: number | null;
  /** current - previous; null when either is missing. */
  readonly change: number | null;
}

const escalationsOf = (f: Figures) => f.agencies.reduce((n, a) => n + a.escalations, 0);

/** The indicators a manager compares month to month, in the order the page lists them. */
const COMPARED: readonly (readonly [string, (f: Figures) => number | null])[] = [
  ["calls", (f) => f.calls],
  ["genuine", (f) => f.outcomes.genuine],
  ["falseCallPercent", (f) => f.cocom.falseCallPercent],
  ["averageAnswerSeconds", (f) => f.cocom.averageAnswerSeconds],
  ["answeredWithin10sPercent", (f) => f.cocom.answeredWithin10sPercent],
  ["slowest10PercentAverageSeconds", (f) => f.cocom.slowest10PercentAverageSeconds],
  ["abandonPercent", (f) => f.cocom.abandonPercent],
  ["averageHandleSeconds", (f) => f.averageHandleSeconds],
  ["repeatCallers", (f) => f.repeatCallers],
  ["suspectedPrank", (f) => f.suspectedPrank],
  ["escalations", escalationsOf],
  ["averageSecondsToAcknowledge", (f) => f.acknowledgement.averageSeconds],
];

/**
 * The month's indicators beside the month before's.
 *
 * @example
 * compareMonths(figuresOf({ calls: 120 }), figuresOf({ calls: 100 }))[0] // { key: "calls", current: 120, previous: 100, change: 20 }
 */
export function compareMonths(current: Figures, previous: Figures): MonthComparison[] {
  return COMPARED.map(([key, value]) => {
    const c = value(current);
    const p = value(previous);
    return {
      key,
      current: c,
      previous: p,
      change: c === null || p === null ? null : Math.round((c - p) * 10) / 10,
    };
  });
}

/** One day of the monthly report. */
export interface ReportDay extends DayFigures {
  readonly figures: Figures;
}

/**
 * The monthly report: every local day of the month (a day without calls is a row of zeros), and
 * the month's figures, summed the way the national dashboard sums the same rows.
 *
 * @example
 * monthlyReport(rows, "71.71", monthOf("2026-11")).days.length // 30
 */
export function monthlyReport(
  rows: readonly StatisticsCell[],
  tenant: string,
  month: CityMonth,
): { readonly total: Figures; readonly days: readonly ReportDay[] } {
  const summary = summarize(rows, { tenant, from: month.from, to: month.to });
  const byDay = new Map<string, Counters>();
  for (const row of rows)
    if (row.tenant === tenant && row.day >= month.from && row.day <= month.to)
      addCounters(getOr(byDay, row.day), row.counters);
  const known = new Map(summary.days.map((d) => [d.day, d]));
  const days: ReportDay[] = [];
  for (
    let t = Date.parse(`${month.from}T00:00:00Z`);
    t <= Date.parse(`${month.to}T00:00:00Z`);
    t += 86_400_000
  ) {
    const day = new Date(t).toISOString().slice(0, 10);
    const counters = byDay.get(day) ?? {};
    const figures = figuresOf(counters);
    days.push({
      ...(known.get(day) ?? {
        day,
        calls: 0,
        genuine: 0,
        falseCalls: 0,
        information: 0,
        abandoned: 0,
        overflowed: 0,
        other: 0,
        escalations: 0,
        acknowledgements: 0,
      }),
      figures,
    });
  }
  return { total: summary.tenants[0]?.figures ?? figuresOf({}), days };
}

/** The calls of one local hour of the day (00-23), summed over the month. */
export interface HourOfDay {
  readonly hour: number;
  readonly calls: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly averageAnswerSeconds: number | null;
  readonly answeredWithin10sPercent: number | null;
  /** Abandoned among the hour's calls. */
  readonly abandonPercent: number | null;
  readonly averageHandleSeconds: number | null;
}

const slotHour = (slot: string) => Number(slot.slice(11, 13));
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);
const mean = (sum: number, n: number) => (n > 0 ? Math.round((10 * sum) / n) / 10 : null);

/**
 * The month's hour cells folded onto the 24 hours of the day: when calls come and how they fare.
 *
 * @example
 * hoursOfDay([{ slot: "2026-11-02T09", counters: { calls: 3, answered: 2, answerSecondsSum: 9 } }])[9].averageAnswerSeconds // 4.5
 */
export function hoursOfDay(cells: readonly SeriesCell[]): HourOfDay[] {
  const byHour = Array.from({ length: 24 }, () => ({}) as Counters);
  for (const cell of cells) addCounters(byHour[slotHour(cell.slot)]!, cell.counters);
  return byHour.map((c, hour) => {
    const n = (name: string) => c[name] ?? 0;
    const calls = n(COUNTER.calls);
    const answered = n(COUNTER.answered);
    const abandoned = n(COUNTER.abandoned);
    return {
      hour,
      calls,
      answered,
      abandoned,
      averageAnswerSeconds: mean(n(COUNTER.answerSecondsSum), answered),
      answeredWithin10sPercent: percent(n(COUNTER.answeredWithin10s), answered),
      abandonPercent: percent(abandoned, calls),
      averageHandleSeconds: mean(n(COUNTER.handleSecondsSum), n(COUNTER.handled)),
    };
  });
}

/** Calls in one hour of the week (e.g. Mondays 09:00-10:00) over the month. */
export interface WeekHour {
  /** ISO day of the week: 1 Monday ... 7 Sunday. */
  readonly isoDayOfWeek: number;
  readonly hour: number;
  readonly calls: number;
  /** Days of this weekday in the observed days of the month. */
  readonly days: number;
  /** Calls per such hour: `calls / days`, to a tenth (null when no such day was observed). */
  readonly averageCalls: number | null;
}

/** ISO day of the week of a calendar day `YYYY-MM-DD`. */
function isoDayOfWeek(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * Calls by hour of the day and day of the week (when to staff), averaged over the days observed
 * (`from`..`to`: the month, or up to today for the current month). 168 entries, Monday 00:00 first.
 *
 * @example
 * weekHours(cells, "2026-11-01", "2026-11-30").find((w) => w.isoDayOfWeek === 1 && w.hour === 9)?.averageCalls
 */
export function weekHours(cells: readonly SeriesCell[], from: string, to: string): WeekHour[] {
  const calls = new Array<number>(168).fill(0);
  const days = new Array<number>(8).fill(0);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    days[isoDayOfWeek(new Date(t).toISOString().slice(0, 10))]!++;
  for (const cell of cells) {
    const day = cell.slot.slice(0, 10);
    if (day < from || day > to) continue;
    calls[(isoDayOfWeek(day) - 1) * 24 + slotHour(cell.slot)]! += cell.counters[COUNTER.calls] ?? 0;
  }
  return calls.map((n, i) => {
    const isoDay = Math.floor(i / 24) + 1;
    const observed = days[isoDay]!;
    return {
      isoDayOfWeek: isoDay,
      hour: i % 24,
      calls: n,
      days: observed,
      averageCalls: observed > 0 ? Math.round((10 * n) / observed) / 10 : null,
    };
  });
}

function getOr(map: Map<string, Counters>, key: string): Counters {
  let value = map.get(key);
  if (!value) {
    value = {};
    map.set(key, value);
  }
  return value;
}

/**
 * The partition keys of the national statistics table that a kab/kota's month is read from (its day
 * rows and its hour cells): the only leading keys a reader of one kab/kota's figures is granted.
 *
 * @example
 * cityPartitions("71.71") // ["ROW#T#71.71", "HOUR#T#71.71"]
 */
export function cityPartitions(tenant: string): string[] {
  const scope: Scope = { kind: "tenant", province: tenant.slice(0, 2), tenant };
  return [rowKey({ tenant, day: "" }).pk, seriesKey("hour", scope, "").pk];
}
