/**
 * The monitoring API at national scale: 514 kab/kota x 30 days of statistics in dynalite (the
 * real SDK over HTTP), each view answered by the real `monitoringApi`. Prints, per view and per
 * scope, the Queries, pages, items and read units (DynamoDB's own formula, reported by dynalite:
 * summed item sizes per 4 KB, halved for eventually consistent reads) and the answer time; then
 * what one refresh of the dashboard costs, and what the aggregator writes per event.
 *
 * The seeded table holds, in exactly the layout the aggregator writes (`counterWrites`):
 * - a day row for each of the 514 kab/kota on each of 30 days (15,420 rows), each the fold of a
 *   realistic day (every outcome, several categories and agency kinds, answer times, acks);
 * - hour cells of the country and every province for the 30 days, quarter cells for today;
 * - hour and quarter cells of the kab/kota measured (other kab/kota's cells live in partitions no
 *   view of these scopes reads, so they do not change these figures);
 * - 2,056 open alerts (4 per kab/kota) and 514 live kab/kota.
 *
 * `npm run bench -- monitoring-api`
 */
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { IncidentEvent } from "../domain/incident-events";
import { summarize } from "../domain/statistics-figures";
import { StatisticsFold } from "../domain/statistics-fold";
import { type Scope, seriesCounters } from "../domain/statistics-series";
import { createStatisticsTableInput, seriesKey } from "../domain/statistics-table";
import { monitoringApi } from "../lambdas/monitoring-api/monitoring-api";
import { OFFICIAL_AREA_NAMES } from "../lambdas/monitoring-api/official-area-names";
import { withCachedRows } from "../lambdas/statistics/cached-rows";
import { counterItem, counterWrites } from "../lambdas/statistics/counter-cells";
import { DynamoStatisticsStore } from "../lambdas/statistics/statistics-store";
import { startDynalite } from "../local/dynalite-server";
import { seededRandom } from "../local/traffic-generator";
import { eventsOf } from "../test/domain/statistics-events";

const DAYS = 30;
const TO = "2026-11-30";
const NOW = Date.parse("2026-11-30T05:00:00Z");
const RUNS = 5;
const TABLE = "siaga112-national-statistics";
const tenants = Object.keys(OFFICIAL_AREA_NAMES)
  .filter((c) => c.includes("."))
  .map((code) => ({ code, province: code.slice(0, 2) }));
const provinces = [...new Set(tenants.map((t) => t.province))];
const days = Array.from({ length: DAYS }, (_, i) =>
  new Date(Date.parse(`${TO}T00:00:00Z`) - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
);
/** The kab/kota whose own views are measured: Kota Surabaya, in Jawa Timur (38 kab/kota). */
const MEASURED = { code: "35.78", province: "35" };

/** Realistic day rows: folds of a generated day, reused round-robin for every kab/kota and day. */
function dayTemplates(): Record<string, number>[] {
  return Array.from({ length: 12 }, (_, i) => {
    const fold = new StatisticsFold();
    for (const e of eventsOf(60 + 10 * i, i * 101) as IncidentEvent[]) fold.add(e);
    const totals: Record<string, number> = {};
    for (const row of fold.rows())
      for (const [k, v] of Object.entries(row.counters)) totals[k] = (totals[k] ?? 0) + v;
    return totals;
  });
}

async function seed(documents: DynamoDBDocumentClient): Promise<number> {
  const templates = dayTemplates();
  const items: Record<string, unknown>[] = [];
  const random = seededRandom(112);
  tenants.forEach((t, ti) => {
    days.forEach((day, di) => {
      const counters = templates[(ti + di) % templates.length]!;
      const [row] = counterWrites({ cell: { tenant: t.code, province: t.province, day }, counters }, NOW);
      items.push(counterItem(row!));
    });
  });
  const hourly = seriesCounters(templates[0]!);
  const seriesScopes: Scope[] = [
    { kind: "nation" },
    ...provinces.map((p) => ({ kind: "province", province: p }) as const),
    { kind: "tenant", province: MEASURED.province, tenant: MEASURED.code },
  ];
  for (const scope of seriesScopes)
    for (const day of days)
      for (let hour = 0; hour < 24; hour++) {
        const slot = `${day}T${String(hour).padStart(2, "0")}`;
        items.push(counterItem({ key: seriesKey("hour", scope, slot), set: { slot }, counters: hourly }));
        if (day === TO)
          for (const q of ["00", "15", "30", "45"])
            items.push(
              counterItem({
                key: seriesKey("quarter", scope, `${slot}:${q}`),
                set: { slot: `${slot}:${q}` },
                counters: hourly,
              }),
            );
      }
  tenants.forEach((t, i) => {
    items.push({ pk: "AREAS", sk: t.code, province: t.province, firstEventAt: "2026-01-01T00:00:00Z" });
    for (let a = 0; a < 4; a++) {
      const incidentId = `bench-${i}-${a}`;
      const agency = ["polres", "damkar", "psc119", "bpbd"][a]!;
      items.push({
        pk: `ALERT#${t.code}#${incidentId}`,
        sk: `AGENCY#${agency}`,
        tenant: t.code,
        province: t.province,
        incidentId,
        agency,
        agencyKind: ["police", "fire", "ambulance", "disaster"][a],
        firstSentAt: new Date(NOW - Math.floor(random() * 7_200_000)).toISOString(),
        lastSentAt: new Date(NOW).toISOString(),
        round: a % 2,
        step: a % 3,
        position: a,
        openPk: "OPEN",
        openSk: `${t.province}#${t.code}#${incidentId}#${agency}`,
      });
    }
  });
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let b = next++; b < batches.length; b = next++) {
        let requests = batches[b]!.map((Item) => ({ PutRequest: { Item } }));
        while (requests.length > 0) {
          const out = await documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }));
          requests = (out.UnprocessedItems?.[TABLE] ?? []) as typeof requests;
        }
      }
    }),
  );
  return items.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dynamo = await startDynalite();
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput(TABLE)));
  const started = performance.now();
  const seeded = await seed(dynamo.documents);
  console.log(
    `seeded ${seeded.toLocaleString("en")} items in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  type Reads = { queries: number; pages: number; items: number; capacityUnits: number };
  /** The first answer (a fresh function: nothing in memory) and the next ones (a refresh). */
  const ask = async (view: string, query: Record<string, string>) => {
    // A fresh function instance per view: its memory holds only what this view read.
    const store = withCachedRows(new DynamoStatisticsStore(dynamo.documents, TABLE, () => NOW), {
      now: () => NOW,
    });
    const runs: { reads: Reads; ms: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const answer = await monitoringApi(
        { method: "GET", path: `/api/${view}`, query, headers: {}, authorized: true },
        { store, names: OFFICIAL_AREA_NAMES, now: () => NOW },
      );
      const ms = performance.now() - t;
      if (answer.statusCode !== 200) throw new Error(`${view} ${JSON.stringify(query)}: ${answer.body}`);
      runs.push({ reads: JSON.parse(answer.body).reads, ms });
    }
    const [cold, ...warm] = runs;
    return { cold: cold!, warm: { reads: warm[0]!.reads, ms: median(warm.map((r) => r.ms)) } };
  };
  const cell = (r: { reads: Reads; ms: number }) =>
    `${r.reads.queries} / ${r.reads.pages} / ${r.reads.items.toLocaleString("en")} / ${r.reads.capacityUnits.toLocaleString("en")} | ${r.ms.toFixed(0)} ms`;
  const range = { from: days[0]!, to: TO };
  const scopes: [string, Record<string, string>][] = [
    ["country (514 kab/kota)", {}],
    ["province 35 (38 kab/kota)", { province: "35" }],
    ["kab/kota 35.78", { province: "35", tenant: MEASURED.code }],
  ];
  console.log(
    "\n| view | scope | first answer: Queries / pages / items / read units | time | refresh: Queries / pages / items / read units | time (median of 4) |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: |");
  for (const [name, filter] of scopes) {
    for (const [view, extra] of [
      ["statistics", {}],
      ["series", {}],
      ["series", { grain: "quarter" }],
      ["alerts", {}],
      ["areas", {}],
      ["dashboard", {}],
      ["daily", {}],
    ] as const) {
      const r = await ask(view, { ...range, ...filter, ...extra });
      const label =
        view === "series" ? `series (${"grain" in extra ? "15 min, today" : "hours, 7 days"})` : view;
      console.log(`| ${label} | ${name} | ${cell(r.cold)} | ${cell(r.warm)} |`);
    }
  }

  // The function's own work on the national 30-day rows (no reads): summing and naming them.
  const rows = (
    await new DynamoStatisticsStore(dynamo.documents, TABLE).readRows({ kind: "nation" }, days[0]!, TO)
  ).items;
  const sums: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    JSON.stringify(summarize(rows, range, OFFICIAL_AREA_NAMES));
    sums.push(performance.now() - t);
  }
  console.log(
    `\nsummarize + JSON of ${rows.length.toLocaleString("en")} rows: ${median(sums).toFixed(0)} ms (median of ${RUNS})`,
  );

  // What the aggregator writes per event (requests, not units): a counting client over dynalite.
  let requests = 0;
  const counting = {
    send: (command: unknown) => {
      requests++;
      return (dynamo.documents.send as (x: unknown) => Promise<unknown>)(command);
    },
  };
  const writer = new DynamoStatisticsStore(counting as never, TABLE, () => NOW);
  const events = eventsOf(200, 7) as IncidentEvent[];
  const t = performance.now();
  for (const e of events) await writer.applyEvent(e);
  const perEvent = (performance.now() - t) / events.length;
  console.log(
    `\naggregator: ${events.length} events, ${(requests / events.length).toFixed(1)} requests per event, ` +
      `${perEvent.toFixed(1)} ms per event (dynalite, one at a time)`,
  );
  await dynamo.stop();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
