/**
 * Staffing, part 3: what a tenant's hourly call records say, checked.
 *
 * The records are the statistics a tenant already keeps (no caller numbers): calls arrived,
 * answered and abandoned per hour, handling and waiting seconds, staff logged in where known.
 * From them: the hours in order (a span's missing hours added as hours without calls), the average
 * handling time, and the callers' mean patience.
 *
 * Patience estimate: with exponential patience, θ·E[waiting callers] = λ·P{Ab} (Garnett, Mandelbaum
 * & Reiman 2002, eq. (2)), so with Little's law mean patience = E[W] / P{Ab} = (seconds waited by
 * all callers, answered and abandoned) / (abandoned calls): the average wait over the abandoned
 * share. It is also the maximum-likelihood estimate of an exponential patience observed with
 * censoring (an answered caller's patience is only known to exceed the wait); Mandelbaum & Zeltyn,
 * "The Palm/Erlang-A Queue, with Applications to Call Centers" (2005), §5 estimate patience so.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib, and holds no text shown to people.
 */
import { invalidInput } from "./staffing-erlang";

/** One hour of a tenant's calls, as the statistics keep them. */
export interface HourlyCallRecord {
  /** Start of the hour, an ISO 8601 instant on the hour (e.g. `2026-11-02T01:00:00Z`). */
  readonly hourStart: string;
  /** Calls that reached the queue in the hour, abandoned ones included. */
  readonly arrived: number;
  readonly answered: number;
  /** Calls whose caller hung up before a call-taker answered. */
  readonly abandoned: number;
  /** Total handling seconds of the answered calls; absent when not measured. */
  readonly handleSeconds?: number;
  /** Total seconds the answered callers waited before the answer. */
  readonly answerWaitSeconds?: number;
  /** Total seconds the abandoning callers waited before hanging up. */
  readonly abandonWaitSeconds?: number;
  /** Call-takers logged in during the hour (an average may be fractional); absent when unknown. */
  readonly staffLoggedIn?: number;
}

export interface PatienceEstimate {
  /** Mean patience, seconds; null when neither given nor estimable (Erlang C is used). */
  readonly seconds: number | null;
  readonly source: "given" | "records" | "none";
  /** Abandoned calls and seconds waited by all callers in the records used for the estimate. */
  readonly abandons: number;
  readonly waitSeconds: number;
}

export const DEFAULT_MINIMUM_ABANDONS_FOR_PATIENCE = 10;
/** About eleven years of hours: a bound on `span` so a typo cannot allocate millions of hours. */
export const MAX_SPAN_HOURS = 100_000;
const HOUR_MS = 3_600_000;

/** The span records cover: `from` inclusive, `to` exclusive, both on the hour. */
export interface RecordSpan {
  readonly from: string;
  readonly to: string;
}

/** A checked record and the instant its hour starts. */
export interface RecordedHour {
  readonly ms: number;
  readonly record: HourlyCallRecord;
}

/**
 * Mean caller patience from hourly records: seconds waited by all callers / abandoned calls, over
 * the records whose waiting times are complete. `seconds` is null (Erlang C) with fewer than
 * `minimumAbandons` abandoned calls.
 *
 * @example
 * estimatePatience([{ hourStart: "2026-11-02T01:00:00Z", arrived: 40, answered: 30, abandoned: 10, answerWaitSeconds: 150, abandonWaitSeconds: 250 }])
 * // { seconds: 40, source: "records", abandons: 10, waitSeconds: 400 }
 */
export function estimatePatience(
  records: readonly HourlyCallRecord[],
  options: { readonly patienceSeconds?: number; readonly minimumAbandonsForPatience?: number } = {},
): PatienceEstimate {
  const { patienceSeconds } = options;
  const minimumAbandonsForPatience =
    options.minimumAbandonsForPatience ?? DEFAULT_MINIMUM_ABANDONS_FOR_PATIENCE;
  if (patienceSeconds !== undefined && !isPositive(patienceSeconds))
    throw invalidInput("patienceSeconds", patienceSeconds, "not a number of seconds above 0 (e.g. 60)");
  if (!Number.isInteger(minimumAbandonsForPatience) || minimumAbandonsForPatience < 1)
    throw invalidInput(
      "minimumAbandonsForPatience",
      minimumAbandonsForPatience,
      "not a whole number of at least 1 (e.g. 10)",
    );
  let abandons = 0;
  let waitSeconds = 0;
  for (const r of records) {
    const answeredKnown = r.answered === 0 || r.answerWaitSeconds !== undefined;
    const abandonedKnown = r.abandoned === 0 || r.abandonWaitSeconds !== undefined;
    if (!answeredKnown || !abandonedKnown) continue;
    abandons += r.abandoned;
    waitSeconds += (r.answerWaitSeconds ?? 0) + (r.abandonWaitSeconds ?? 0);
  }
  if (patienceSeconds !== undefined)
    return { seconds: patienceSeconds, source: "given", abandons, waitSeconds };
  if (abandons < minimumAbandonsForPatience || waitSeconds <= 0)
    return { seconds: null, source: "none", abandons, waitSeconds };
  return { seconds: waitSeconds / abandons, source: "records", abandons, waitSeconds };
}

/**
 * Handling seconds per answered call over the records that measured it; null when none did.
 *
 * @example
 * averageHandlingSeconds([{ hourStart: "2026-11-02T01:00:00Z", arrived: 4, answered: 4, abandoned: 0, handleSeconds: 480 }]) // 120
 */
export function averageHandlingSeconds(records: readonly HourlyCallRecord[]): number | null {
  let seconds = 0;
  let calls = 0;
  for (const r of records) {
    if (r.answered > 0 && r.handleSeconds !== undefined && r.handleSeconds > 0) {
      seconds += r.handleSeconds;
      calls += r.answered;
    }
  }
  return calls > 0 ? seconds / calls : null;
}

/**
 * The records checked field by field and sorted by hour; with a span, its hours without a record
 * are added as hours without calls.
 *
 * @example
 * recordedHours([], { from: "2026-11-02T00:00:00Z", to: "2026-11-02T02:00:00Z" }).length // 2
 */
export function recordedHours(records: readonly HourlyCallRecord[], span?: RecordSpan): RecordedHour[] {
  const seen = new Map<number, number>();
  const hours = records.map((record, i) => {
    const ms = checkRecord(record, i);
    const earlier = seen.get(ms);
    if (earlier !== undefined)
      throw invalidInput(`records[${i}].hourStart`, record.hourStart, `the same hour as records[${earlier}]`);
    seen.set(ms, i);
    return { ms, record };
  });
  if (span) {
    const from = hourInstant("span.from", span.from);
    const to = hourInstant("span.to", span.to);
    if (to <= from) throw invalidInput("span.to", span.to, `not after span.from ${span.from}`);
    if ((to - from) / HOUR_MS > MAX_SPAN_HOURS)
      throw invalidInput("span.to", span.to, `more than ${MAX_SPAN_HOURS} hours after span.from`);
    for (const [ms, i] of seen) {
      if (ms < from || ms >= to)
        throw invalidInput(
          `records[${i}].hourStart`,
          records[i]!.hourStart,
          "outside span (from inclusive, to exclusive)",
        );
    }
    for (let ms = from; ms < to; ms += HOUR_MS) {
      if (!seen.has(ms)) {
        const hourStart = new Date(ms).toISOString();
        hours.push({ ms, record: { hourStart, arrived: 0, answered: 0, abandoned: 0 } });
      }
    }
  }
  return hours.sort((a, b) => a.ms - b.ms);
}

function checkRecord(record: HourlyCallRecord, i: number): number {
  const ms = hourInstant(`records[${i}].hourStart`, record.hourStart);
  for (const field of ["arrived", "answered", "abandoned"] as const) {
    const value = record[field];
    if (!Number.isInteger(value) || value < 0)
      throw invalidInput(`records[${i}].${field}`, value, "not a whole number of calls of at least 0");
  }
  for (const field of [
    "handleSeconds",
    "answerWaitSeconds",
    "abandonWaitSeconds",
    "staffLoggedIn",
  ] as const) {
    const value = record[field];
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value >= 0))
      throw invalidInput(`records[${i}].${field}`, value, "not a finite number of at least 0, or absent");
  }
  return ms;
}

function hourInstant(field: string, value: string): number {
  const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw invalidInput(field, value, "not an ISO 8601 instant (e.g. 2026-11-02T01:00:00Z)");
  if (ms % HOUR_MS !== 0)
    throw invalidInput(field, value, "not the start of an hour (minutes and seconds 0)");
  return ms;
}

function isPositive(x: unknown): boolean {
  return typeof x === "number" && Number.isFinite(x) && x > 0;
}
