/**
 * National statistics, part 2: from counter cells to the figures the monitoring dashboard shows,
 * per kab/kota, per province and nationally, for a province filter and a date range.
 *
 * EU COCOM indicators, as far as the events allow:
 * - calls: every call received (abandoned ones included);
 * - % false calls: prank + ghost + wrong-number among calls that were given an outcome;
 * - average answer time, % answered within 10 s, average of the slowest 10%: over answered calls;
 * - abandon rate: calls where the caller hung up before a call-taker answered, among all calls.
 * A figure without data is `null` (shown as "-"), never 0.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */
import { AGENCY_KINDS, INCIDENT_CATEGORIES, type IncidentCategory } from "./categories";
import { CALL_OUTCOMES, type CallOutcome } from "./incident-events";
import {
  ACK_BUCKETS,
  ANSWER_HISTOGRAM_BOUNDS,
  addCounters,
  COUNTER,
  type Counters,
  type StatisticsCell,
} from "./statistics";

/** Outcomes that count as false calls for the COCOM "% false calls" indicator. */
export const FALSE_CALL_OUTCOMES: readonly CallOutcome[] = ["prank", "ghost", "wrong-number"];

export interface StatisticsFilter {
  /** Province code (`71`); all provinces when absent. */
  readonly province?: string;
  /** Kab/kota code (`71.71`); every kab/kota of the province when absent. */
  readonly tenant?: string;
  /** First local day included, `YYYY-MM-DD`. */
  readonly from?: string;
  /** Last local day included, `YYYY-MM-DD`. */
  readonly to?: string;
}

export interface CocomIndicators {
  readonly calls: number;
  readonly falseCallPercent: number | null;
  readonly averageAnswerSeconds: number | null;
  readonly answeredWithin10sPercent: number | null;
  readonly slowest10PercentAverageSeconds: number | null;
  readonly abandonPercent: number | null;
}

export interface AgencyKindFigures {
  readonly kind: string;
  readonly escalations: number;
  readonly acknowledgements: number;
  readonly averageSecondsToAcknowledge: number | null;
  readonly dispatched: number;
  /** Mean seconds from the call to the agency reporting "dispatched" (berangkat). */
  readonly averageSecondsToDispatch: number | null;
  /** Reports of arrival on scene ("on-scene", tiba di lokasi). */
  readonly onScene: number;
  /** Mean seconds from the call to the agency reporting arrival on scene. */
  readonly averageSecondsToArrival: number | null;
}

export interface Figures {
  readonly calls: number;
  readonly answered: number;
  readonly abandoned: number;
  /** Calls the flow sent to the backup centre (known only where `CallOverflowed` is produced). */
  readonly overflowed: number;
  readonly repeatCallers: number;
  readonly suspectedPrank: number;
  readonly closed: number;
  /**
   * Answered calls whose end was reported (`CallEnded`) and their mean talk seconds (handling time
   * without after-call work); null without any.
   */
  readonly handled: number;
  readonly averageHandleSeconds: number | null;
  readonly outcomes: Readonly<Record<CallOutcome, number>>;
  readonly categories: Readonly<Record<IncidentCategory, number>>;
  readonly cocom: CocomIndicators;
  /** Agency kinds with any escalation or acknowledgement, in `AGENCY_KINDS` order. */
  readonly agencies: readonly AgencyKindFigures[];
  readonly acknowledgement: {
    readonly count: number;
    readonly averageSeconds: number | null;
    readonly buckets: readonly { readonly label: string; readonly count: number }[];
  };
}

export interface AreaFigures {
  readonly code: string;
  readonly name: string;
  /** Province code (same as `code` for a province). */
  readonly province: string;
  readonly figures: Figures;
}

/**
 * Where the calls went, in parts that add up to `calls`: a genuine emergency, a false call, an
 * information request, abandoned in the queue, sent to the backup centre, or none of these yet
 * (no outcome set: still with a call-taker, or hung up before the queue).
 */
export interface CallBreakdown {
  readonly calls: number;
  readonly genuine: number;
  /** Prank, ghost and wrong-number calls. */
  readonly falseCalls: number;
  readonly information: number;
  readonly abandoned: number;
  readonly overflowed: number;
  readonly other: number;
}

export interface DayFigures extends CallBreakdown {
  readonly day: string;
  readonly escalations: number;
  readonly acknowledgements: number;
}

export interface Statistics {
  readonly filter: StatisticsFilter;
  readonly national: Figures;
  readonly provinces: readonly AreaFigures[];
  readonly tenants: readonly AreaFigures[];
  readonly days: readonly DayFigures[];
}

/** Names to show for codes (kab/kota and provinces); the code is shown when a name is missing. */
export type AreaNames = Readonly<Record<string, string>>;

const count = (c: Counters, name: string) => c[name] ?? 0;
const percent = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole) : null);
const average = (sum: number, n: number) => (n > 0 ? round(sum / n) : null);
function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * Mean of the slowest 10% of answered calls, from the answer-time histogram (exact when the
 * 10% boundary falls between buckets, a bucket's mean otherwise).
 */
function slowestTenthAverage(c: Counters): number | null {
  const answered = count(c, COUNTER.answered);
  if (answered === 0) return null;
  let remaining = Math.ceil(answered * 0.1);
  const taken = remaining;
  let sum = 0;
  for (let i = ANSWER_HISTOGRAM_BOUNDS.length - 1; i >= 0 && remaining > 0; i--) {
    const bound = ANSWER_HISTOGRAM_BOUNDS[i]!;
    const n = count(c, COUNTER.answerHistogram(bound));
    if (n <= 0) continue;
    const take = Math.min(n, remaining);
    sum += take * (count(c, COUNTER.answerHistogramSum(bound)) / n);
    remaining -= take;
  }
  return round(sum / taken);
}

/**
 * The call breakdown of a set of counters (`CallBreakdown`).
 *
 * @example
 * callBreakdown({ calls: 10, abandoned: 6, "outcome:prank": 3, "outcome:genuine": 1 })
 * // { calls: 10, genuine: 1, falseCalls: 3, information: 0, abandoned: 6, overflowed: 0, other: 0 }
 */
export function callBreakdown(c: Counters): CallBreakdown {
  const calls = count(c, COUNTER.calls);
  const genuine = count(c, COUNTER.outcome("genuine"));
  const falseCalls = FALSE_CALL_OUTCOMES.reduce((n, o) => n + count(c, COUNTER.outcome(o)), 0);
  const information = count(c, COUNTER.outcome("information"));
  const abandoned = count(c, COUNTER.abandoned);
  const overflowed = count(c, COUNTER.overflowed);
  const other = Math.max(0, calls - genuine - falseCalls - information - abandoned - overflowed);
  return { calls, genuine, falseCalls, information, abandoned, overflowed, other };
}

/**
 * The figures of one set of counters.
 *
 * @example
 * figuresOf({ calls: 10, "outcome:prank": 4, "outcome:genuine": 6 }).cocom.falseCallPercent // 40
 */
export function figuresOf(c: Counters): Figures {
  const outcomes = Object.fromEntries(CALL_OUTCOMES.map((o) => [o, count(c, COUNTER.outcome(o))])) as Record<
    CallOutcome,
    number
  >;
  const categories = Object.fromEntries(
    INCIDENT_CATEGORIES.map((k) => [k, count(c, COUNTER.category(k))]),
  ) as Record<IncidentCategory, number>;
  const withOutcome = CALL_OUTCOMES.reduce((n, o) => n + outcomes[o], 0);
  const falseCalls = FALSE_CALL_OUTCOMES.reduce((n, o) => n + outcomes[o], 0);
  const calls = count(c, COUNTER.calls);
  const answered = count(c, COUNTER.answered);
  const kinds = [...AGENCY_KINDS, ...extraKinds(c)];
  const agencies = kinds
    .map((kind) => {
      const acks = count(c, COUNTER.acknowledgements(kind));
      const dispatched = count(c, COUNTER.agencyStatus(kind, "dispatched"));
      const onScene = count(c, COUNTER.agencyStatus(kind, "on-scene"));
      return {
        kind,
        escalations: count(c, COUNTER.escalations(kind)),
        acknowledgements: acks,
        averageSecondsToAcknowledge: average(count(c, COUNTER.ackSecondsSum(kind)), acks),
        dispatched,
        averageSecondsToDispatch: average(
          count(c, COUNTER.agencyStatusSecondsSum(kind, "dispatched")),
          dispatched,
        ),
        onScene,
        averageSecondsToArrival: average(count(c, COUNTER.agencyStatusSecondsSum(kind, "on-scene")), onScene),
      };
    })
    .filter((a) => a.escalations > 0 || a.acknowledgements > 0 || a.dispatched > 0 || a.onScene > 0);
  const ackCount = agencies.reduce((n, a) => n + a.acknowledgements, 0);
  const ackSum = kinds.reduce((n, k) => n + count(c, COUNTER.ackSecondsSum(k)), 0);
  return {
    calls,
    answered,
    abandoned: count(c, COUNTER.abandoned),
    overflowed: count(c, COUNTER.overflowed),
    repeatCallers: count(c, COUNTER.repeatCallers),
    suspectedPrank: count(c, COUNTER.suspectedPrank),
    closed: count(c, COUNTER.closed),
    handled: count(c, COUNTER.handled),
    averageHandleSeconds: average(count(c, COUNTER.handleSecondsSum), count(c, COUNTER.handled)),
    outcomes,
    categories,
    cocom: {
      calls,
      falseCallPercent: percent(falseCalls, withOutcome),
      averageAnswerSeconds: average(count(c, COUNTER.answerSecondsSum), answered),
      answeredWithin10sPercent: percent(count(c, COUNTER.answeredWithin10s), answered),
      slowest10PercentAverageSeconds: slowestTenthAverage(c),
      abandonPercent: percent(count(c, COUNTER.abandoned), calls),
    },
    agencies,
    acknowledgement: {
      count: ackCount,
      averageSeconds: average(ackSum, ackCount),
      buckets: ACK_BUCKETS.map((b, i) => ({ label: b.label, count: count(c, COUNTER.ackBucket(i)) })),
    },
  };
}

/** Agency kinds outside `AGENCY_KINDS` (events allow any string): shown after the known ones. */
function extraKinds(c: Counters): string[] {
  const known = new Set<string>(AGENCY_KINDS);
  const extra = new Set<string>();
  for (const name of Object.keys(c)) {
    const m = /^(?:escalations|acks):(.+)$/.exec(name);
    if (m && !known.has(m[1])) extra.add(m[1]);
  }
  return [...extra].sort();
}

/** True when a cell is inside the filter. */
export function inFilter(cell: StatisticsCell, filter: StatisticsFilter): boolean {
  if (filter.province && cell.province !== filter.province) return false;
  if (filter.tenant && cell.tenant !== filter.tenant) return false;
  if (filter.from && cell.day < filter.from) return false;
  if (filter.to && cell.day > filter.to) return false;
  return true;
}

/**
 * Sums cells into national, per-province, per-kab/kota and per-day figures.
 *
 * @example
 * summarize(cells, { province: "35", from: "2026-11-01", to: "2026-11-30" }, { "35.78": "Kota Surabaya" }).tenants[0].figures.calls
 */
export function summarize(
  cells: readonly StatisticsCell[],
  filter: StatisticsFilter = {},
  names: AreaNames = {},
): Statistics {
  const national: Counters = {};
  const provinces = new Map<string, Counters>();
  const tenants = new Map<string, { province: string; counters: Counters }>();
  const days = new Map<string, Counters>();
  // Each row is added twice (its kab/kota, its day); provinces and the country from the kab/kota.
  for (const cell of cells) {
    if (!inFilter(cell, filter)) continue;
    addCounters(
      getOr(tenants, cell.tenant, () => ({ province: cell.province, counters: {} })).counters,
      cell.counters,
    );
    addCounters(
      getOr(days, cell.day, () => ({})),
      cell.counters,
    );
  }
  for (const t of tenants.values()) {
    addCounters(
      getOr(provinces, t.province, () => ({})),
      t.counters,
    );
    addCounters(national, t.counters);
  }
  const byCode = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));
  return {
    filter,
    national: figuresOf(national),
    provinces: byCode(provinces).map(([code, counters]) => ({
      code,
      name: names[code] ?? code,
      province: code,
      figures: figuresOf(counters),
    })),
    tenants: byCode(tenants).map(([code, t]) => ({
      code,
      name: names[code] ?? code,
      province: t.province,
      figures: figuresOf(t.counters),
    })),
    days: byCode(days).map(([day, counters]) => {
      const f = figuresOf(counters);
      return {
        day,
        ...callBreakdown(counters),
        escalations: f.agencies.reduce((n, a) => n + a.escalations, 0),
        acknowledgements: f.acknowledgement.count,
      };
    }),
  };
}

function getOr<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
