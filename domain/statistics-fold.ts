/**
 * The in-memory reference fold of the national statistics: events (any order, duplicates allowed)
 * into the day rows and the hour and quarter-hour series of every scope. The national aggregator
 * produces the same rows and series in DynamoDB, one event at a time; tests compare the two.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */
import type { IncidentEvent } from "./incident-events";
import {
  addCounters,
  type CellDelta,
  cellOf,
  eventCounters,
  type IncidentLabel,
  relabel,
  type StatisticsCell,
} from "./statistics";
import {
  GRAINS,
  type Grain,
  type Scope,
  type SeriesCell,
  scopeId,
  scopesOfCell,
  seriesCounters,
  slotOf,
} from "./statistics-series";

const nonZero = (counters: Record<string, number>) =>
  Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0));

/**
 * @example
 * const fold = new StatisticsFold();
 * for (const event of events) fold.add(event);
 * fold.rows(); fold.series("hour", { kind: "nation" });
 */
export class StatisticsFold {
  private readonly seen = new Set<string>();
  private readonly labels = new Map<string, IncidentLabel>();
  private readonly cells = new Map<string, StatisticsCell>();
  private readonly slots = new Map<string, SeriesCell>();

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

  /** The day rows in (day, kab/kota) order; counters that came back to zero are left out. */
  rows(): StatisticsCell[] {
    return [...this.cells.values()]
      .map((cell) => ({ ...cell, counters: nonZero(cell.counters) }))
      .sort((a, b) => `${a.day}|${a.tenant}`.localeCompare(`${b.day}|${b.tenant}`));
  }

  /** The series of one scope in slot order, without slots whose counters all came back to zero. */
  series(grain: Grain, scope: Scope): SeriesCell[] {
    const prefix = `${grain}|${scopeId(scope)}|`;
    return [...this.slots.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([, cell]) => ({ slot: cell.slot, counters: nonZero(cell.counters) }))
      .filter((cell) => Object.keys(cell.counters).length > 0)
      .sort((a, b) => a.slot.localeCompare(b.slot));
  }

  private apply(delta: CellDelta): void {
    if (Object.keys(delta.counters).length === 0) return;
    const { tenant, province, day } = delta.cell;
    const id = `${day}|${tenant}`;
    const row = this.cells.get(id) ?? { tenant, province, day, counters: {} };
    addCounters(row.counters, delta.counters);
    this.cells.set(id, row);
    const counters = seriesCounters(delta.counters);
    if (Object.keys(counters).length === 0) return;
    for (const grain of GRAINS) {
      const slot = slotOf(delta.cell, grain);
      if (!slot) continue;
      for (const scope of scopesOfCell(delta.cell)) {
        const key = `${grain}|${scopeId(scope)}|${slot}`;
        const cell = this.slots.get(key) ?? { slot, counters: {} };
        addCounters(cell.counters, counters);
        this.slots.set(key, cell);
      }
    }
  }
}

/**
 * Folds a list of events into day rows (see `StatisticsFold`).
 *
 * @example
 * foldEvents(events).length // number of (kab/kota, day) rows touched
 */
export function foldEvents(events: Iterable<IncidentEvent>): StatisticsCell[] {
  const fold = new StatisticsFold();
  for (const event of events) fold.add(event);
  return fold.rows();
}
