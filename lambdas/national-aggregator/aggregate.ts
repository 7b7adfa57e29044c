/**
 * The national aggregator's plain function: incident events in, statistics counters out.
 */
import type { IncidentEvent } from "../../domain/incident-events";
import type { StatisticsStore } from "../statistics/statistics-store";
import { parseIncidentEvent } from "./incident-event-schema";

export interface AggregateReport {
  readonly applied: number;
  readonly duplicates: number;
  /** Unknown types or schema versions: skipped on purpose. */
  readonly ignored: number;
  /** Events that claim a known type and version but do not match it (logged, not retried). */
  readonly invalid: readonly string[];
}

/**
 * Validates and applies EventBridge `detail`s to the statistics store.
 * Store failures are thrown so that EventBridge retries the event.
 *
 * @example
 * await aggregateIncidentEvents([event.detail], store) // { applied: 1, duplicates: 0, ignored: 0, invalid: [] }
 */
export async function aggregateIncidentEvents(
  details: readonly unknown[],
  store: StatisticsStore,
): Promise<AggregateReport> {
  let applied = 0;
  let duplicates = 0;
  let ignored = 0;
  const invalid: string[] = [];
  for (const detail of details) {
    const parsed = parseIncidentEvent(detail);
    if (parsed.kind === "ignored") ignored++;
    else if (parsed.kind === "invalid") invalid.push(parsed.reason);
    else if ((await store.applyEvent(parsed.event)) === "applied") applied++;
    else duplicates++;
  }
  return { applied, duplicates, ignored, invalid };
}

/** An `IncidentEvent` sink: how the local centre's in-process bus feeds the aggregator. */
export type IncidentEventSink = (event: IncidentEvent) => Promise<void>;
