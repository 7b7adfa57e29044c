/**
 * Every DynamoDB expression on the statistics table's counter items: a day row of a kab/kota, and
 * the hour and quarter-hour cells of its kab/kota, province and the country. One change of counters
 * (`CellDelta`) becomes an ordered list of atomic `ADD` updates, so the aggregator can apply them
 * one by one and resume after the last one that succeeded.
 */
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { CellDelta, Counters, StatisticsCell } from "../../domain/statistics";
import {
  GRAINS,
  type SeriesCell,
  scopesOfCell,
  seriesCounters,
  slotOf,
} from "../../domain/statistics-series";
import {
  type ItemKey,
  QUARTER_DAYS,
  rowIndexAttributes,
  rowKey,
  STATISTICS_TABLE,
  seriesKey,
} from "../../domain/statistics-table";

/** One atomic update: attributes to set and counters to add. */
export interface CounterWrite {
  readonly key: ItemKey;
  readonly set: Readonly<Record<string, string | number>>;
  readonly counters: Counters;
}

/**
 * The updates of one change of counters: the day row first, then hour and quarter cells of the
 * kab/kota, its province and the country (series keep only `SERIES_COUNTERS`).
 *
 * @example
 * counterWrites({ cell, counters: { calls: 1 } }, Date.now()).length // 7
 */
export function counterWrites(delta: CellDelta, nowMs: number): CounterWrite[] {
  const entries = Object.entries(delta.counters).filter(([, n]) => n !== 0);
  if (entries.length === 0) return [];
  const { tenant, province, day } = delta.cell;
  const writes: CounterWrite[] = [
    {
      key: rowKey({ tenant, day }),
      set: { tenant, province, day, ...rowIndexAttributes({ tenant, province, day }) },
      counters: Object.fromEntries(entries),
    },
  ];
  const series = seriesCounters(Object.fromEntries(entries));
  if (Object.keys(series).length === 0) return writes;
  for (const grain of GRAINS) {
    const slot = slotOf(delta.cell, grain);
    if (!slot) continue;
    for (const scope of scopesOfCell(delta.cell)) {
      const set: Record<string, string | number> = { slot };
      if (grain === "quarter")
        set[STATISTICS_TABLE.ttlAttribute] = Math.floor(nowMs / 1000) + QUARTER_DAYS * 86_400;
      writes.push({ key: seriesKey(grain, scope, slot), set, counters: series });
    }
  }
  return writes;
}

/**
 * The `UpdateCommand` of a counter write: `SET` the attributes, `ADD` the counters.
 *
 * @example
 * await documents.send(counterUpdate("siaga112-national-statistics", write));
 */
export function counterUpdate(tableName: string, write: CounterWrite): UpdateCommand {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(write.set).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const adds = Object.entries(write.counters).map(([name, amount], i) => {
    names[`#c${i}`] = `${STATISTICS_TABLE.counterPrefix}${name}`;
    values[`:c${i}`] = amount;
    return `#c${i} :c${i}`;
  });
  return new UpdateCommand({
    TableName: tableName,
    Key: write.key,
    UpdateExpression: `SET ${sets.join(", ")} ADD ${adds.join(", ")}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

/**
 * The item a counter write leaves in an empty table: its key, attributes and counters. For seeding
 * statistics in bulk (the benchmark) in exactly the layout the aggregator writes.
 *
 * @example
 * counterItem(write) // { pk: "ROW#T#71.71", sk: "2026-11-27", tenant: "71.71", ..., "c:calls": 1 }
 */
export function counterItem(write: CounterWrite): Record<string, unknown> {
  const counters = Object.entries(write.counters).map(([name, n]) => [
    `${STATISTICS_TABLE.counterPrefix}${name}`,
    n,
  ]);
  return { ...write.key, ...write.set, ...Object.fromEntries(counters) };
}

function countersOf(item: Record<string, unknown>): Counters {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(STATISTICS_TABLE.counterPrefix) && typeof value === "number" && value !== 0)
      counters[name.slice(STATISTICS_TABLE.counterPrefix.length)] = value;
  }
  return counters;
}

/** A day row item as a cell. */
export function rowOf(item: Record<string, unknown>): StatisticsCell {
  return {
    tenant: String(item.tenant),
    province: String(item.province),
    day: String(item.day),
    counters: countersOf(item),
  };
}

/** An hour or quarter item as a series cell. */
export function seriesCellOf(item: Record<string, unknown>): SeriesCell {
  return { slot: String(item.slot), counters: countersOf(item) };
}
