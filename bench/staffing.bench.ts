/**
 * Staffing benchmark: `planStaffing` for a month of hourly records (720 hours), for one tenant and
 * for all 514 kab/kota (generated from the official region list, each in its own time zone).
 *
 * The records are synthetic and seeded: each kab/kota gets a daily volume between 5 calls (a quiet
 * kabupaten) and 1,740 (Jakarta 2024, about 637,000 calls a year), a day-and-night profile, Poisson
 * arrivals per hour, handling times around 90-150 s, 8% of calls abandoned with waiting times
 * (so patience is estimated and Erlang A is used), staff logged in known for two hours in three.
 * Prints cold (first plan in a fresh process) and warm figures, Erlang A and Erlang C, and the
 * single-interval recommendation at 5,000 Erlangs.
 */
import { recommendAgents } from "../domain/staffing";
import { planStaffing, type StaffingPlan } from "../domain/staffing-plan";
import type { HourlyCallRecord } from "../domain/staffing-records";
import { zoneOfProvince } from "../domain/time-zones";
import { seededRandom } from "../local/traffic-generator";
import { officialRegions } from "../registry/official-regions";

const HOURS = 720; // 30 days
const WARM_RUNS = 20;
const MONTH_START = Date.parse("2026-11-01T00:00:00Z");
/** Share of a day's calls in each local hour: quiet at night, peaks late morning and evening. */
const PROFILE = normalized(
  Array.from(
    { length: 24 },
    (_, h) => 0.3 + Math.exp(-((h - 10) ** 2) / 8) + 0.8 * Math.exp(-((h - 19) ** 2) / 6),
  ),
);

function normalized(xs: number[]): number[] {
  const sum = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / sum);
}

function poisson(mean: number, next: () => number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(next)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = next(); p > limit; p *= next()) k++;
  return k;
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
}

function monthOfRecords(callsPerDay: number, utcOffsetHours: number, seed: number): HourlyCallRecord[] {
  const next = seededRandom(seed);
  return Array.from({ length: HOURS }, (_, i) => {
    const ms = MONTH_START + i * 3_600_000;
    const localHour = new Date(ms + utcOffsetHours * 3_600_000).getUTCHours();
    const arrived = poisson(callsPerDay * PROFILE[localHour]!, next);
    const abandoned = Math.round(arrived * 0.08 * next() * 2);
    const answered = arrived - Math.min(abandoned, arrived);
    const aht = 90 + 60 * next();
    return {
      hourStart: new Date(ms).toISOString(),
      arrived,
      answered,
      abandoned: arrived - answered,
      handleSeconds: answered > 0 ? Math.round(answered * aht) : undefined,
      answerWaitSeconds: answered * (2 + 6 * next()),
      abandonWaitSeconds: (arrived - answered) * (10 + 40 * next()),
      staffLoggedIn: i % 3 === 0 ? undefined : 1 + Math.floor((callsPerDay / 400) * next() * 3),
    };
  });
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const regions = officialRegions().regencies;
const tenants = regions.map((region, i) => {
  // Daily volumes spread log-uniformly from 5 to 1,740 calls; the busiest is Jakarta's 2024 volume.
  const callsPerDay = 5 * (1740 / 5) ** (i / (regions.length - 1));
  const utcOffsetHours = zoneOfProvince(region.province.code).utcOffsetHours;
  return { code: region.code, utcOffsetHours, records: monthOfRecords(callsPerDay, utcOffsetHours, i + 1) };
});
const jakartaLike = tenants[tenants.length - 1]!;

const coldStart = performance.now();
const cold = planStaffing(jakartaLike.records, { utcOffsetHours: jakartaLike.utcOffsetHours });
const coldMs = performance.now() - coldStart;

function warm(erlangC: boolean): number[] {
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const started = performance.now();
    planStaffing(jakartaLike.records, {
      utcOffsetHours: jakartaLike.utcOffsetHours,
      minimumAbandonsForPatience: erlangC ? Number.MAX_SAFE_INTEGER : undefined,
    });
    times.push(performance.now() - started);
  }
  return times;
}
const warmA = warm(false);
const warmC = warm(true);

const allStart = performance.now();
const plans: StaffingPlan[] = tenants.map((t) =>
  planStaffing(t.records, { utcOffsetHours: t.utcOffsetHours }),
);
const allMs = performance.now() - allStart;
const erlangA = plans.filter((p) => p.model === "erlang-a").length;
const peakAgents = plans.reduce(
  (m, p) => p.hours.reduce((n, h) => Math.max(n, h.recommendation.agents), m),
  0,
);

const bigStart = performance.now();
const big = recommendAgents({ calls: 100_000, ahtSeconds: 180 });
const bigMs = performance.now() - bigStart;
const bigAStart = performance.now();
const bigA = recommendAgents({ calls: 100_000, ahtSeconds: 180, patienceSeconds: 120 });
const bigAMs = performance.now() - bigAStart;

console.log(
  `one tenant, ${HOURS} hours (1,740 calls/day, ${cold.model}, patience ${cold.patience.seconds?.toFixed(1)} s):`,
);
console.log(`  cold (first plan in the process):   ${coldMs.toFixed(1)} ms`);
console.log(
  `  warm, Erlang A (median of ${WARM_RUNS}):     ${median(warmA).toFixed(1)} ms (min ${Math.min(...warmA).toFixed(1)}, max ${Math.max(...warmA).toFixed(1)})`,
);
console.log(
  `  warm, Erlang C (median of ${WARM_RUNS}):     ${median(warmC).toFixed(1)} ms (min ${Math.min(...warmC).toFixed(1)}, max ${Math.max(...warmC).toFixed(1)})`,
);
console.log(
  `${tenants.length} kab/kota x ${HOURS} hours (${(tenants.length * HOURS).toLocaleString("en")} hour records): ${allMs.toFixed(0)} ms, ` +
    `${erlangA} on Erlang A, busiest hour ${peakAgents} call-takers`,
);
console.log(
  `one interval at 5,000 Erlangs: Erlang C ${big.agents} agents in ${bigMs.toFixed(1)} ms, Erlang A (patience 120 s) ${bigA.agents} agents in ${bigAMs.toFixed(1)} ms`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
