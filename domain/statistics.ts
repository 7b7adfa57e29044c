/**
 * National statistics, part 1: how incident events become counters.
 *
 * Statistics are kept as additive counters per cell (one kab/kota, one local day), so the national
 * aggregator can apply them with atomic DynamoDB `ADD`s and any set of cells can be summed into a
 * province, a date range or the whole country (see `statistics-figures.ts`).
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
import { localDate, zoneOfProvince } from "./time-zones";

/** Counter name -> amount. Names are listed in `COUNTER`. */
export type Counters = Record<string, number>;

/** Answer times at or above this many seconds share the last histogram bucket. */
export const ANSWER_HISTOGRAM_CAP_SECONDS = 600;

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
  answerHistogram: (second: number) => `answerHist:${second}`,
  answerHistogramSum: (second: number) => `answerHistSum:${second}`,
} as const;

/** Where a count lands: one kab/kota (or province-level tenant) on one local calendar day. */
export interface CellKey {
  readonly tenant: string;
  readonly province: string;
  /** `YYYY-MM-DD` in the tenant's own time zone (WIB, WITA or WIT). */
  readonly day: string;
}

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
  /** The cell the label was counted in. */
  readonly cell: CellKey;
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
 * The cell an event counts in.
 *
 * @example
 * cellOf({ tenant: "71.71", province: "71", at: "2026-11-27T01:00:00Z" }) // { tenant: "71.71", province: "71", day: "2026-11-27" }
 */
export function cellOf(event: Pick<IncidentEvent, "tenant" | "province" | "at">): CellKey {
  return { tenant: event.tenant, province: event.province, day: localDay(event.at, event.province) };
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
    const bucket = Math.min(Math.floor(seconds), ANSWER_HISTOGRAM_CAP_SECONDS);
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
 * Applies an event's label to an incident's previous label: the latest version wins per field,
 * and the counts move from the old label to the new one (in the cell the incident was first
 * labelled in).
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
  const cell = previous?.cell ?? cellOf(event);
  let label: IncidentLabel = previous ?? { cell };
  const counters: Counters = {};
  if (update.outcome && (!label.outcomeVersion || label.outcomeVersion < version)) {
    if (label.outcome !== update.outcome) {
      if (label.outcome) counters[COUNTER.outcome(label.outcome)] = -1;
      counters[COUNTER.outcome(update.outcome)] = 1;
    }
    label = { ...label, outcome: update.outcome, outcomeVersion: version };
  }
  if (update.category && (!label.categoryVersion || label.categoryVersion < version)) {
    if (label.category !== update.category) {
      if (label.category) counters[COUNTER.category(label.category)] = -1;
      counters[COUNTER.category(update.category)] = 1;
    }
    label = { ...label, category: update.category, categoryVersion: version };
  }
  return { label, deltas: Object.keys(counters).length > 0 ? [{ cell, counters }] : [] };
}

/** Adds `more` into `into` (mutates and returns `into`). */
export function addCounters(into: Counters, more: Counters): Counters {
  for (const [name, amount] of Object.entries(more)) into[name] = (into[name] ?? 0) + amount;
  return into;
}

export function cellId(cell: CellKey): string {
  return `${cell.day}|${cell.tenant}`;
}

/**
 * The in-memory reference fold: events (any order, duplicates allowed) into cells.
 * The national aggregator produces the same cells in DynamoDB, one event at a time.
 *
 * @example
 * foldEvents([received, received, outcomeSet]) // one cell: calls 1, outcome:prank 1
 */
export class StatisticsFold {
  private readonly seen = new Set<string>();
  private readonly labels = new Map<string, IncidentLabel>();
  private readonly cells = new Map<string, StatisticsCell>();

  /** Folds one event; returns false when it was a duplicate. */
  add(event: IncidentEvent): boolean {
    if (this.seen.has(event.eventId)) return false;
    this.seen.add(event.eventId);
    this.apply({ cell: cellOf(event), counters: eventCounters(event) });
    const key = `${event.tenant}|${event.incidentId}`;
    const change = relabel(this.labels.get(key), event);
    if (change) {
      this.labels.set(key, change.label);
      for (const delta of change.deltas) this.apply(delta);
    }
    return true;
  }

  /** The cells in (day, kab/kota) order; counters that came back to zero are left out. */
  result(): StatisticsCell[] {
    return [...this.cells.values()]
      .map((cell) => ({
        ...cell,
        counters: Object.fromEntries(Object.entries(cell.counters).filter(([, n]) => n !== 0)),
      }))
      .sort((a, b) => cellId(a).localeCompare(cellId(b)));
  }

  private apply(delta: CellDelta): void {
    if (Object.keys(delta.counters).length === 0) return;
    const id = cellId(delta.cell);
    const cell = this.cells.get(id) ?? { ...delta.cell, counters: {} };
    addCounters(cell.counters, delta.counters);
    this.cells.set(id, cell);
  }
}

/**
 * Folds a list of events into cells (see `StatisticsFold`).
 *
 * @example
 * foldEvents(events).length // number of (kab/kota, day) cells touched
 */
export function foldEvents(events: Iterable<IncidentEvent>): StatisticsCell[] {
  const fold = new StatisticsFold();
  for (const event of events) fold.add(event);
  return fold.result();
}
