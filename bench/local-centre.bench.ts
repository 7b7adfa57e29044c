/**
 * How many simulated calls per second the local centre sustains end to end: each call runs the
 * tenant's flow and the real intake against dynalite, a call-taker sets its outcome (genuine
 * ones are classified, which alerts agencies through the relay), agencies acknowledge through
 * their links, and the national statistics count it all. Driven over HTTP by the traffic
 * generator (client and centre share this one process and its CPU).
 *
 * `npm run bench -- local-centre`
 */
import { startLocalCentre } from "../local/centre";
import { CentreClient } from "../local/centre-client";
import { JAKARTA_2024_MIX, parseMix, runTraffic, type TrafficMix } from "../local/traffic-generator";

const RUNS: readonly { name: string; calls: number; mix: TrafficMix; concurrency: number }[] = [
  {
    name: "Jakarta 2024 mix of answered calls (2.4% genuine)",
    calls: 2000,
    mix: JAKARTA_2024_MIX,
    concurrency: 16,
  },
  {
    name: "disaster surge (40% genuine)",
    calls: 500,
    mix: parseMix({ prank: "0.2", ghost: "0.3", information: "0.1", wrongNumber: "0" }),
    concurrency: 16,
  },
];

async function main() {
  for (const run of RUNS) {
    const centre = await startLocalCentre({ port: 0 });
    const client = new CentreClient(centre.url);
    const summary = await runTraffic(
      client,
      {
        calls: run.calls,
        tenants: "all",
        mix: run.mix,
        ackShare: 0.85,
        concurrency: run.concurrency,
        seed: 112,
      },
      () => {},
    );
    const stats = await client.json<{ national: { calls: number } }>("GET", "/dashboard/api/statistics");
    const memory = process.memoryUsage().rss / 2 ** 20;
    console.log(
      `${run.name}: ${summary.calls} calls over ${centre.tenants.size} tenants, concurrency ${run.concurrency}\n` +
        `  calls placed and handled: ${(summary.calls / summary.seconds).toFixed(1)} calls/s (${summary.seconds.toFixed(1)} s)\n` +
        `  end to end, national statistics included: ${(summary.calls / summary.settledSeconds).toFixed(1)} calls/s (${summary.settledSeconds.toFixed(1)} s)\n` +
        `  escalations acknowledged: ${summary.acknowledgements}; errors: ${summary.errors.length}; dashboard counts ${stats.national.calls} calls; RSS ${memory.toFixed(0)} MiB`,
    );
    if (summary.errors.length > 0) console.log(`  first error: ${summary.errors[0]}`);
    if (stats.national.calls !== summary.calls) process.exitCode = 1;
    await centre.stop();
  }
}

void main();
