/**
 * Day rows of days that no longer change, kept in the monitoring API's memory for a few minutes,
 * so a dashboard refreshing every 5 seconds reads only the days still changing. Each refresh still
 * makes ONE Query for the rows (of the open days, or of the whole range when the memory cannot
 * answer); a national 30-day view then reads about 1,000 rows instead of 15,000 (bench/RESULTS.md).
 *
 * Open days: the last `OPEN_DAYS` local days up to today in WIT (events of a call arrive within
 * minutes, acknowledgements within hours). A correction of an older day (an outcome changed days
 * later) shows once its rows leave the memory, after `ttlMs` at most.
 */
import type { StatisticsCell } from "../../domain/statistics";
import { scopeId } from "../../domain/statistics-series";
import { latestLocalDay } from "../../domain/statistics-view";
import type { Reads } from "./statistics-query";
import type { StatisticsStore } from "./statistics-store";

/** Local days (up to today in WIT) read on every refresh. */
export const OPEN_DAYS = 3;

interface Entry {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly StatisticsCell[];
  readonly at: number;
}

export interface CachedRowsOptions {
  readonly now?: () => number;
  /** How long closed days are kept. @default 5 minutes */
  readonly ttlMs?: number;
  /** Rows kept over all scopes (about 3 KB each in memory). @default 20,000 */
  readonly maxRows?: number;
}

const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * A `StatisticsStore` that answers the closed days of `readRows` from memory.
 *
 * @example
 * const store = withCachedRows(new DynamoStatisticsStore(documents, tableName));
 */
export function withCachedRows(store: StatisticsStore, options: CachedRowsOptions = {}): StatisticsStore {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxRows = options.maxRows ?? 20_000;
  const entries = new Map<string, Entry>(); // in insertion order: the oldest is dropped first

  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    let total = [...entries.values()].reduce((n, e) => n + e.rows.length, 0);
    for (const [k, e] of entries) {
      if (total <= maxRows) break;
      entries.delete(k);
      total -= e.rows.length;
    }
  };

  return {
    applyEvent: (event) => store.applyEvent(event),
    readSeries: (grain, scope, from, to) => store.readSeries(grain, scope, from, to),
    readOpenAlerts: (scope, nowMs) => store.readOpenAlerts(scope, nowMs),
    readLiveTenants: () => store.readLiveTenants(),
    async readRows(scope, from, to): Promise<Reads<StatisticsCell>> {
      const at = now();
      const open = dayBefore(latestLocalDay(at), OPEN_DAYS - 1);
      const closedTo = to < open ? to : dayBefore(open, 1);
      if (from > closedTo) return store.readRows(scope, from, to);
      const key = scopeId(scope);
      const cached = entries.get(key);
      if (cached && at - cached.at < ttlMs && cached.from <= from && cached.to >= closedTo) {
        const closed = cached.rows.filter((r) => r.day >= from && r.day <= closedTo);
        if (to < open) return { items: closed, cost: { queries: 0, pages: 0, items: 0, capacityUnits: 0 } };
        const [, start] = [open, from].sort(); // the later of the two days
        const recent = await store.readRows(scope, start!, to);
        return { items: [...closed, ...recent.items], cost: recent.cost };
      }
      const all = await store.readRows(scope, from, to);
      remember(key, { from, to: closedTo, rows: all.items.filter((r) => r.day <= closedTo), at });
      return all;
    },
  };
}
