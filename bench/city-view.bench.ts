/**
 * The city view (`GET api/city`, lambdas/statistics/city-view.ts) for the busiest kab/kota: two
 * months of Jakarta's volume (about 1,740 calls a day, 2024) folded by the real aggregator's fold
 * into day rows and hour cells, written in the layout the aggregator writes to dynalite, then read
 * by the real monitoring API as a city's manager. Prints the Queries, items and read units of one
 * answer and its time, and the function's own work apart from the reads: a month of hour cells to
 * the figures, the hours of the day and of the week, and the call-taker plan (Erlang A/C) for the
 * 168 hours of the week.
 *
 * `npm run bench -- city-view`
 */
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { IncidentEvent } from "../domain/incident-events";
import { StatisticsFold } from "../domain/statistics-fold";
import type { Scope } from "../domain/statistics-series";
import { createStatisticsTableInput, seriesKey } from "../domain/statistics-table";
import { zoneOfProvince } from "../domain/time-zones";
import { monitoringApi } from "../lambdas/monitoring-api/monitoring-api";
import { OFFICIAL_AREA_NAMES } from "../lambdas/monitoring-api/official-area-names";
import { cityView } from "../lambdas/statistics/city-view";
import { counterItem, counterWrites } from "../lambdas/statistics/counter-cells";
import { DynamoStatisticsStore } from "../lambdas/statistics/statistics-store";
import { startDynalite } from "../local/dynalite-server";
import { seededRandom } from "../local/traffic-generator";
import { abandoned, answered, classified, ended, outcome, received } from "../test/domain/statistics-events";

const TABLE = "siaga112-national-statistics";
const CITY = { tenant: "31.71", province: "31" };
const CALLS_PER_DAY = 1_740;
const FROM = Date.parse("2026-10-01T00:00:00+07:00");
const DAYS = 61; // October and November
const NOW = Date.parse("2026-12-01T01:00:00+07:00") - 1; // the last moment of November (WIB)
const RUNS = 7;
/** Share of a day's calls in each local hour: quiet at night, peaks late morning and evening. */
const PROFILE = (() => {
  const raw = Array.from(
    { length: 24 },
    (_, h) => 0.3 + Math.exp(-((h - 10) ** 2) / 8) + 0.8 * Math.exp(-((h - 19) ** 2) / 6),
  );
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
})();

/** Two months of the city's calls: answered ones with talk time, 8% abandoned, outcomes and categories. */
function monthsOfEvents(): IncidentEvent[] {
  const next = seededRandom(16);
  const events: IncidentEvent[] = [];
  let n = 0;
  for (let day = 0; day < DAYS; day++)
    for (let hour = 0; hour < 24; hour++) {
      const calls = Math.round(CALLS_PER_DAY * PROFILE[hour]! * (0.7 + 0.6 * next()));
      for (let c = 0; c < calls; c++) {
        const at = FROM + (day * 24 + hour) * 3_600_000 + Math.floor(next() * 3_600_000);
        const iso = (ms: number) => new Date(ms).toISOString();
        const base = { ...CITY, incidentId: `c${++n}` };
        events.push(received({ ...base, at: iso(at), answerSeconds: undefined, repeatCaller: next() < 0.1 }));
        if (next() < 0.08) {
          events.push(abandoned(Math.round(5 + 60 * next()), { ...base, at: iso(at + 30_000) }));
          continue;
        }
        const wait = Math.round(2 + 14 * next());
        events.push(answered(wait, { ...base, at: iso(at + wait * 1000) }));
        events.push(ended(Math.round(60 + 120 * next()), { ...base, at: iso(at + 200_000) }));
        const genuine = next() < 0.4;
        events.push(outcome(genuine ? "genuine" : "prank", { ...base, at: iso(at + 210_000) }));
        if (genuine) events.push(classified("medical", { ...base, at: iso(at + 220_000) }));
      }
    }
  return events;
}

async function seed(documents: DynamoDBDocumentClient, fold: StatisticsFold): Promise<number> {
  const scope: Scope = { kind: "tenant", province: CITY.province, tenant: CITY.tenant };
  const items = [
    ...fold.rows().map((row) => counterItem(counterWrites({ cell: row, counters: row.counters }, NOW)[0]!)),
    ...fold.series("hour", scope).map((cell) =>
      counterItem({
        key: seriesKey("hour", scope, cell.slot),
        set: { slot: cell.slot },
        counters: cell.counters,
      }),
    ),
  ];
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const out = await documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }));
      requests = (out.UnprocessedItems?.[TABLE] ?? []) as typeof requests;
    }
  }
  return items.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const events = monthsOfEvents();
  const fold = new StatisticsFold();
  for (const e of events) fold.add(e);
  const dynamo = await startDynalite();
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput(TABLE)));
  const seeded = await seed(dynamo.documents, fold);
  console.log(
    `${events.length.toLocaleString("en")} events of ${CITY.tenant} over ${DAYS} days; ${seeded} items`,
  );

  const store = new DynamoStatisticsStore(dynamo.documents, TABLE, () => NOW);
  const manager = { subject: "bench", groups: ["manager"], tenant: CITY.tenant };
  const times: number[] = [];
  let body:
    | { reads: Record<string, number>; figures: { calls: number }; staffing: { model: string } }
    | undefined;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const answer = await monitoringApi(
      {
        method: "GET",
        path: "/api/city",
        query: { month: "2026-11" },
        headers: {},
        authorized: true,
        identity: manager,
      },
      { store, names: OFFICIAL_AREA_NAMES, now: () => NOW },
    );
    times.push(performance.now() - t);
    if (answer.statusCode !== 200) throw new Error(answer.body);
    body = JSON.parse(answer.body);
  }
  const r = body!.reads;
  console.log(
    `\napi/city, November: ${body!.figures.calls.toLocaleString("en")} calls, model ${body!.staffing.model}; ` +
      `${r.queries} Queries / ${r.pages} pages / ${r.items} items / ${r.capacityUnits} read units`,
  );
  console.log(
    `answer (dynalite over HTTP): first ${times[0]!.toFixed(0)} ms, then median ${median(times.slice(1)).toFixed(0)} ms`,
  );

  // The function's own work, the reads taken out: the same items from memory.
  const rows = (
    await store.readRows(
      { kind: "tenant", province: CITY.province, tenant: CITY.tenant },
      "2026-10-01",
      "2026-11-30",
    )
  ).items;
  const hours = (
    await store.readSeries(
      "hour",
      { kind: "tenant", province: CITY.province, tenant: CITY.tenant },
      "2026-11-01",
      "2026-11-30",
    )
  ).items;
  const memory = {
    readRows: async () => ({ items: rows, cost: { queries: 0, pages: 0, items: 0, capacityUnits: 0 } }),
    readSeries: async () => ({ items: hours, cost: { queries: 0, pages: 0, items: 0, capacityUnits: 0 } }),
  };
  const tenant = {
    code: CITY.tenant,
    name: "Kota Jakarta Pusat",
    province: { code: CITY.province, name: "DKI Jakarta" },
    zone: zoneOfProvince(CITY.province),
  };
  const compute: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    await cityView(memory, tenant, "2026-11", NOW);
    compute.push(performance.now() - t);
  }
  console.log(
    `month of ${hours.length} hour cells and ${rows.length} day rows -> figures, hours, week and plan: ` +
      `first ${compute[0]!.toFixed(1)} ms, then median ${median(compute.slice(1)).toFixed(1)} ms`,
  );
  dynamo.stop();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
