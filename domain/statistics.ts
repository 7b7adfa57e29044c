/**
 * National statistics, part 1: how incident events become counters.
 *
 * Statistics are kept as additive counters per cell: one kab/kota in one local quarter-hour, kept
 * per local day (the rows of the tables), per local hour and per quarter-hour (the charts), so the
 * national aggregator can apply them with atomic DynamoDB `ADD`s and any set of cells can be
 * summed into a province, a date range or the whole country (see `statistics-figures.ts`,
 * `statistics-series.ts`). Local means the tenant's own zone (WIB, WITA or WIT).
 *
 * Two things are not purely additive and are handled here so every consumer handles them alike:
 * - delivery is at least once: events are deduplicated on `eventId`;
 * - an incident's outcome and category can be corrected: each incident keeps one label
 *   (latest `at` wins) and a correction moves the count from the old label to the new one.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */
import type { IncidentCategory } from "./categories";
import type { CallOutcome, IncidentEvent } from "./incident-events";
import { localClock, localDate, zoneOfProvince } from "./time-zones";

/** Counter name -> amount. Names are listed in `COUNTER`. */
export type Counters = Record<string, number>;

/**
 * Lower bounds (seconds) of the answer-time histogram buckets: one per second up to 10 s (the
 * COCOM threshold), wider above. The slowest 10% is exact when its boundary falls between buckets
 * and takes a bucket's mean otherwise. A bucket holds a count and a sum of seconds.
 */
export const ANSWER_HISTOGRAM_BOUNDS: readonly number[] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 180, 240, 300, 450, 600,
];

/** Time-to-acknowledge buckets (upper bounds in minutes, exclusive); the last one is open. */
export const ACK_BUCKETS = [
  { label: "< 1 mnt", belowMinutes: 1 },
  { label: "1-5 mnt", belowMinutes: 5 },
  { label: "5-10 mnt", belowMinutes: 10 },
  { label: "10-15 mnt", belowMinutes: 15 },
  { label: "≥ 15 mnt", belowMinutes: Number.POSITIVE_INFINITY },
] as const;

/** Names of the counters kept per cell. */
export const COUNTER = {
  calls: "calls",
  answered: "answered",
  answerSecondsSum: "answerSecondsSum",
  answeredWithin10s: "answeredWithin10s",
  abandoned: "abandoned",
  /** Seconds the abandoning callers waited before hanging up (mean patience, staffing). */
  abandonSecondsSum: "abandonSecondsSum",
  /** Calls the flow sent to the backup centre (`CallOverflowed`). */
  overflowed: "overflowed",
  /** Answered calls whose end was reported (`CallEnded`), and their talk seconds (handling time). */
  handled: "handled",
  handleSecondsSum: "handleSecondsSum",
  repeatCallers: "repeatCallers",
  suspectedPrank: "suspectedPrank",
  closed: "closed",
  outcome: (o: CallOutcome) => `outcome:${o}`,
  category: (c: IncidentCategory) => `category:${c}`,
  escalations: (kind: string) => `escalations:${kind}`,
  acknowledgements: (kind: string) => `acks:${kind}`,
  ackSecondsSum: (kind: string) => `ackSecondsSum:${kind}`,
  ackBucket: (index: number) => `ackBucket:${index}`,
  agencyStatus: (kind: string, status: string) => `status:${kind}:${status}`,
  /** Seconds from the call to each report of a status (dispatched, on scene), summed per kind. */
  agencyStatusSecondsSum: (kind: string, status: string) => `statusSecondsSum:${kind}:${status}`,
  /** Count of answers in the bucket starting at `bound` seconds (`ANSWER_HISTOGRAM_BOUNDS`). */
  answerHistogram: (bound: number) => `answerHist:${bound}`,
  answerHistogramSum: (bound: number) => `answerHistSum:${bound}`,
} as const;

/**
 * Where a count lands: one kab/kota (or province-level tenant) at one local time. The day is the
 * row of the tables; `hour` and `quarter` place the count in the charts.
 */
export interface CellKey {
  readonly tenant: string;
  readonly province: string;
  /** `YYYY-MM-DD` in the tenant's own time zone (WIB, WITA or WIT). */
  readonly day: string;
  /** Local hour, 0-23. Absent on labels stored before hours were kept. */
  readonly hour?: number;
  /** First minute of the local quarter-hour: 0, 15, 30 or 45. */
  readonly quarter?: number;
}

/** The counters of one kab/kota on one local day (a row of the tables). */
export interface StatisticsCell extends CellKey {
  readonly counters: Counters;
}

/** An incident's current outcome and category as the statistics counted them. */
export interface IncidentLabel {
  readonly outcome?: CallOutcome;
  /** `labelVersion` of the event that set the outcome. */
  readonly outcomeVersion?: string;
  readonly category?: IncidentCategory;
  readonly categoryVersion?: string;
  /** The cell the label was counted in: that of its earliest label event. */
  readonly cell: CellKey;
  /** `labelVersion` of the event that chose the cell (absent on labels stored before it was kept). */
  readonly cellVersion?: string;
}

/** A change of counters in one cell. */
export interface CellDelta {
  readonly cell: CellKey;
  readonly counters: Counters;
}

/**
 * The local calendar day of an instant for a province, `YYYY-MM-DD`.
 *
 * @example
 * localDay("2026-11-27T17:30:00Z", "71") // "2026-11-28" (WITA, UTC+8)
 */
export function localDay(at: string, province: string): string {
  return localDate(at, zoneOfProvince(province));
}

/**
 * The cell an event counts in: its kab/kota at the event's local day, hour and quarter-hour.
 *
 * @example
 * cellOf({ tenant: "71.71", province: "71", at: "2026-11-27T01:20:00Z" })
 * // { tenant: "71.71", province: "71", day: "2026-11-27", hour: 9, quarter: 15 }
 */
export function cellOf(event: Pick<IncidentEvent, "tenant" | "province" | "at">): CellKey {
  const ms = Date.parse(event.at);
  // localDay names a bad `at` in its error; localClock would only see NaN.
  const day = localDay(event.at, event.province);
  const clock = localClock(ms, zoneOfProvince(event.province).utcOffsetHours);
  return {
    tenant: event.tenant,
    province: event.province,
    day,
    hour: clock.hour,
    quarter: clock.minute - (clock.minute % 15),
  };
}

/** The histogram bucket (its lower bound) of an answer time. */
export function answerBucket(seconds: number): number {
  let bound = 0;
  for (const b of ANSWER_HISTOGRAM_BOUNDS) if (seconds >= b) bound = b;
  return bound;
}

/**
 * The additive counters of one event (everything except outcome and category labels).
 *
 * @example
 * eventCounters(callAnswered) // { answered: 1, answerSecondsSum: 4, answeredWithin10s: 1, ... }
 */
export function eventCounters(event: IncidentEvent): Counters {
  const counters: Counters = {};
  const add = (name: string, amount = 1) => {
    counters[name] = (counters[name] ?? 0) + amount;
  };
  const addAnswer = (seconds: number) => {
    if (!(seconds >= 0)) return;
    const bucket = answerBucket(seconds);
    add(COUNTER.answered);
    add(COUNTER.answerSecondsSum, seconds);
    if (seconds <= 10) add(COUNTER.answeredWithin10s);
    add(COUNTER.answerHistogram(bucket));
    add(COUNTER.answerHistogramSum(bucket), seconds);
  };
  switch (event.type) {
    case "IncidentReceived": {
      add(COUNTER.calls);
      if (event.repeatCaller) add(COUNTER.repeatCallers);
      if (event.suspectedPrank) add(COUNTER.suspectedPrank);
      if (event.abandoned) add(COUNTER.abandoned);
      else if (event.answerSeconds !== undefined) addAnswer(event.answerSeconds);
      break;
    }
    case "CallAnswered":
      addAnswer(event.answerSeconds);
      break;
    case "CallAbandoned":
      add(COUNTER.abandoned);
      add(COUNTER.abandonSecondsSum, event.secondsWaited);
      break;
    case "CallOverflowed":
      add(COUNTER.overflowed);
      break;
    case "EscalationSent":
      add(COUNTER.escalations(event.agencyKind));
      break;
    case "EscalationAcknowledged": {
      add(COUNTER.acknowledgements(event.agencyKind));
      add(COUNTER.ackSecondsSum(event.agencyKind), event.secondsToAcknowledge);
      const minutes = event.secondsToAcknowledge / 60;
      add(COUNTER.ackBucket(ACK_BUCKETS.findIndex((b) => minutes < b.belowMinutes)));
      break;
    }
    case "AgencyStatusReported":
      add(COUNTER.agencyStatus(event.agencyKind, event.status));
      add(COUNTER.agencyStatusSecondsSum(event.agencyKind, event.status), event.secondsSinceReceived);
      break;
    case "CallEnded":
      add(COUNTER.handled);
      add(COUNTER.handleSecondsSum, event.handleSeconds);
      break;
    case "IncidentClosed":
      add(COUNTER.closed);
      break;
    case "IncidentClassified":
    case "IncidentOutcomeSet":
      break;
  }
  return counters;
}

/** The outcome and/or category an event asserts about its incident, if any. */
export function labelUpdate(
  event: IncidentEvent,
): { readonly outcome?: CallOutcome; readonly category?: IncidentCategory } | undefined {
  switch (event.type) {
    case "IncidentClassified":
      return { category: event.category };
    case "IncidentOutcomeSet":
      return { outcome: event.outcome };
    case "IncidentClosed":
      return { outcome: event.outcome, ...(event.category ? { category: event.category } : {}) };
    default:
      return undefined;
  }
}

/**
 * Orders label updates: later `at` wins, the event id breaks ties, so any delivery order gives
 * the same label.
 */
export function labelVersion(event: Pick<IncidentEvent, "at" | "eventId">): string {
  return `${new Date(Date.parse(event.at)).toISOString()}#${event.eventId}`;
}

/**
 * Applies an event's label to an incident's previous label: the latest version wins per field, and
 * the incident counts in the cell of its EARLIEST label event (so any delivery order gives the same
 * cells). The counts move from the old label and cell to the new ones.
 *
 * @example
 * relabel(undefined, outcomeSetPrank) // { label: { outcome: "prank", ... }, deltas: [{ cell, counters: { "outcome:prank": 1 } }] }
 */
export function relabel(
  previous: IncidentLabel | undefined,
  event: IncidentEvent,
): { readonly label: IncidentLabel; readonly deltas: readonly CellDelta[] } | undefined {
  const update = labelUpdate(event);
  if (!update) return undefined;
  const version = labelVersion(event);
  // A label stored without `cellVersion` keeps its cell (it was counted there).
  const earlier = !previous || (previous.cellVersion !== undefined && version < previous.cellVersion);
  let label: IncidentLabel = earlier
    ? { ...previous, cell: cellOf(event), cellVersion: version }
    : (previous as IncidentLabel);
  if (update.outcome && (!label.outcomeVersion || label.outcomeVersion < version))
    label = { ...label, outcome: update.outcome, outcomeVersion: version };
  if (update.category && (!label.categoryVersion || label.categoryVersion < version))
    label = { ...label, category: update.category, categoryVersion: version };
  const deltas = [
    ...(previous ? [{ cell: previous.cell, counters: labelCounters(previous, -1) }] : []),
    { cell: label.cell, counters: labelCounters(label, 1) },
  ];
  return { label, deltas: mergeDeltas(deltas) };
}

function labelCounters(label: IncidentLabel, sign: 1 | -1): Counters {
  const counters: Counters = {};
  if (label.outcome) counters[COUNTER.outcome(label.outcome)] = sign;
  if (label.category) counters[COUNTER.category(label.category)] = sign;
  return counters;
}

/** Deltas of the same cell added together; cells whose counters cancel out are left out. */
function mergeDeltas(deltas: readonly CellDelta[]): CellDelta[] {
  const byCell = new Map<string, CellDelta>();
  for (const d of deltas) {
    const id = JSON.stringify([d.cell.tenant, d.cell.day, d.cell.hour, d.cell.quarter]);
    const into = byCell.get(id) ?? { cell: d.cell, counters: {} };
    addCounters(into.counters, d.counters);
    byCell.set(id, into);
  }
  return [...byCell.values()]
    .map((d) => ({
      cell: d.cell,
      counters: Object.fromEntries(Object.entries(d.counters).filter(([, n]) => n !== 0)),
    }))
    .filter((d) => Object.keys(d.counters).length > 0);
}

/** Adds `more` into `into` (mutates and returns `into`). */
export function addCounters(into: Counters, more: Counters): Counters {
  for (const name in more) into[name] = (into[name] ?? 0) + more[name]!;
  return into;
}
