/**
 * Intake benchmark (figures for bench/RESULTS.md, section "Intake function"):
 * 1. bundle size and cold module-load time of the intake handler next to a floor bundle holding
 *    only the DynamoDB client and a PutItem (targets: <= 1.15x the floor's load time, <= 60 KB more);
 * 2. warm p50/p99 of recordCall against dynalite next to a raw PutItem (target <= 1.3x);
 * 3. 200 intakes/s held for 60 s (open loop) with no error;
 * 4. p99 from classification to the SNS publish being issued (classify + relay work; the stream
 *    hop itself is AWS's and not in the figure).
 * dynalite runs in a child process so that its CPU is not the benchmark's.
 * Set INTAKE_BENCH_SECONDS to shorten the sustained run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { build } from "esbuild";
import { createIncidentTableInput } from "../domain/incident-table";
import { TENANT_RUNTIME_ENV, toRuntimeConfig } from "../domain/tenant-runtime";
import { classifyIncident } from "../lambdas/calltaker-api/operations";
import { deliverOutboxEntry } from "../lambdas/escalation/deliver-outbox";
import { type IntakeDeps, recordCall } from "../lambdas/intake/record-call";
import { ENV } from "../lambdas/shared/environment";
import type { SenderDeps } from "../lambdas/shared/ports";
import { requireRegistry } from "../registry/load-registry";
import { startDynaliteProcess } from "./dynalite-process";

const ROOT = join(__dirname, "..");
const work = mkdtempSync(join(tmpdir(), "siaga112-intake-bench-"));
const tenant = toRuntimeConfig(
  requireRegistry({ dir: join(ROOT, "tenants") }).tenants.find((t) => t.code === "71.71")!,
);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function bundle(
  name: string,
  entry: { file: string } | { contents: string },
): Promise<{ path: string; bytes: number }> {
  const outfile = join(work, `${name}.js`);
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: "js" } }),
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    minify: true,
    outfile,
    metafile: true,
    logLevel: "silent",
  });
  return { path: outfile, bytes: result.metafile.outputs[Object.keys(result.metafile.outputs)[0]!]!.bytes };
}

/** Module-load time of a bundle in a fresh process, median of `runs`. */
function coldLoad(path: string, runs: number): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(path)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
  const env = {
    ...process.env,
    AWS_REGION: "ap-southeast-3",
    [TENANT_RUNTIME_ENV]: JSON.stringify(tenant),
    [ENV.tableName]: "siaga112-71-71-incidents",
  };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ["-e", script], { env, encoding: "utf8" });
    times.push(Number(child.stdout));
  }
  return percentile(times, 50);
}

async function main() {
  // 1. Bundles and cold load.
  const intake = await bundle("intake", { file: join(ROOT, "lambdas/intake/handler.ts") });
  const floor = await bundle("floor", {
    contents: `const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const client = new DynamoDBClient({});
exports.handler = async (event) => {
  await client.send(new PutItemCommand({ TableName: process.env.${ENV.tableName}, Item: { pk: { S: event.id }, sk: { S: "x" } } }));
  return { status: "ok" };
};`,
  });
  coldLoad(floor.path, 3); // warm the file cache
  coldLoad(intake.path, 3);
  const runs = 61;
  const floorTimes: number[] = [];
  const intakeTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved so that machine noise hits both alike.
    floorTimes.push(coldLoad(floor.path, 1));
    intakeTimes.push(coldLoad(intake.path, 1));
  }
  const floorLoad = percentile(floorTimes, 50);
  const intakeLoad = percentile(intakeTimes, 50);
  // Each pair ran back to back: the median of their ratios shrugs off load from other processes.
  const pairRatio = percentile(
    intakeTimes.map((t, i) => t / floorTimes[i]!),
    50,
  );
  console.log("bundle (minified):");
  console.log(
    `  floor  ${(floor.bytes / 1024).toFixed(1)} KB, cold module load p50 ${ms(floorLoad)} (${runs} fresh processes)`,
  );
  console.log(`  intake ${(intake.bytes / 1024).toFixed(1)} KB, cold module load p50 ${ms(intakeLoad)}`);
  console.log(
    `  intake - floor: +${((intake.bytes - floor.bytes) / 1024).toFixed(1)} KB (target <= 60 KB), load ${(intakeLoad / floorLoad).toFixed(3)}x of medians, ${pairRatio.toFixed(3)}x median of paired runs (target <= 1.15x)`,
  );

  // 2. Warm latency against dynalite.
  const { endpoint, child } = await startDynaliteProcess();
  const client = new DynamoDBClient({
    endpoint,
    region: "ap-southeast-3",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const tableName = "siaga112-bench-incidents";
  await client.send(new CreateTableCommand(createIncidentTableInput(tableName) as never));
  let errors = 0;
  const deps: IntakeDeps = {
    tenant,
    dynamodb: client,
    tableName,
    clock: Date,
    log: (entry) => {
      if (entry.level === "ERROR") errors++;
    },
  };
  const event = (id: string, caller: string) => ({
    Name: "ContactFlowEvent",
    Details: {
      ContactData: {
        ContactId: id,
        Channel: "VOICE",
        CustomerEndpoint: { Address: caller, Type: "TELEPHONE_NUMBER" },
      },
    },
  });
  const n = 2000;
  const raw: number[] = [];
  const rawPair: number[] = [];
  const rec: number[] = [];
  const anonymous: number[] = [];
  for (let i = 0; i < 200; i++)
    await recordCall(deps, event(`warm-${i}`, `+6281300${String(i).padStart(6, "0")}`));
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: `RAW#${i}` }, sk: { S: "x" } } }),
    );
    raw.push(performance.now() - t);
    t = performance.now();
    // Two writes one after the other: the caller history (whose old image gives the flags), then
    // the incident with the flags it answered (kept for Connect's retries).
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: `RAWA#${i}` }, sk: { S: "x" } } }),
    );
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: `RAWB#${i}` }, sk: { S: "x" } } }),
    );
    rawPair.push(performance.now() - t);
    t = performance.now();
    await recordCall(deps, event(`call-${i}`, `+6281400${String(i % 500).padStart(6, "0")}`));
    rec.push(performance.now() - t);
    t = performance.now();
    await recordCall(deps, event(`anon-${i}`, "anonymous"));
    anonymous.push(performance.now() - t);
  }
  console.log(`warm latency against dynalite (${n} each, interleaved):`);
  console.log(`  raw PutItem   p50 ${ms(percentile(raw, 50))} p99 ${ms(percentile(raw, 99))}`);
  console.log(
    `  2 PutItems in sequence p50 ${ms(percentile(rawPair, 50))} p99 ${ms(percentile(rawPair, 99))} (intake's shape: caller history, then the incident with its flags)`,
  );
  console.log(`  recordCall    p50 ${ms(percentile(rec, 50))} p99 ${ms(percentile(rec, 99))}`);
  console.log(
    `  recordCall without a caller number (one PutItem) p50 ${ms(percentile(anonymous, 50))} p99 ${ms(percentile(anonymous, 99))}: ${(percentile(anonymous, 50) / percentile(raw, 50)).toFixed(2)}x / ${(percentile(anonymous, 99) / percentile(raw, 99)).toFixed(2)}x`,
  );
  console.log(
    `  ratio p50 ${(percentile(rec, 50) / percentile(raw, 50)).toFixed(2)}x, p99 ${(percentile(rec, 99) / percentile(raw, 99)).toFixed(2)}x (target <= 1.3x)`,
  );

  // 3. Sustained 200 intakes/s.
  const seconds = Number(process.env.INTAKE_BENCH_SECONDS ?? 60);
  const rate = 200;
  const latencies: number[] = [];
  let bad = 0;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < seconds * rate; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const t = performance.now();
    inflight.push(
      recordCall(deps, event(`load-${i}`, `+6281500${String(i % 5000).padStart(6, "0")}`)).then((answer) => {
        latencies.push(performance.now() - t);
        if (answer.status !== "ok") bad++;
      }),
    );
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  console.log(
    `sustained: ${seconds * rate} intakes in ${elapsed.toFixed(1)} s (${((seconds * rate) / elapsed).toFixed(0)}/s), errors ${bad + errors}`,
  );
  console.log(
    `  latency p50 ${ms(percentile(latencies, 50))} p99 ${ms(percentile(latencies, 99))} max ${ms(Math.max(...latencies))}`,
  );

  // 4. Classification to SNS publish issued.
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  let publishedAt = 0;
  let offset = 0;
  const sender: SenderDeps = {
    tenant,
    db: doc,
    tableName,
    // Two hours apart per incident (a first alert is never held anyway).
    clock: { now: () => Date.now() + offset },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    metrics: { count: () => undefined },
    alerts: {
      async publish() {
        publishedAt = performance.now();
        return {};
      },
    },
    scheduler: { schedule: async () => undefined, cancel: async () => undefined },
    events: { publish: async () => undefined },
    secret: { get: async () => ({ current: "bench-secret-bench-secret-bench-secret" }) },
    ackBaseUrl: "https://112.manadokota.go.id",
  };
  const toPublish: number[] = [];
  for (let i = 0; i < 500; i++) {
    const id = `classify-${i}`;
    offset += 2 * 3600_000;
    publishedAt = Number.NaN;
    await recordCall(deps, event(id, `+6281600${String(i).padStart(6, "0")}`));
    const t = performance.now();
    await classifyIncident(sender, id, {
      category: "medical",
      severity: "high",
      location: { text: "Pasar Bersehati" },
    });
    await deliverOutboxEntry(sender, {
      incidentId: id,
      agencyId: "psc119",
      round: 0,
      step: 0,
      contactId: "piket",
    });
    if (Number.isNaN(publishedAt)) throw new Error(`incident ${id}: no SNS publish was issued`);
    toPublish.push(publishedAt - t);
  }
  console.log(
    `classification to SNS publish issued (500, excluding the stream hop): p50 ${ms(percentile(toPublish, 50))} p99 ${ms(percentile(toPublish, 99))}`,
  );
  client.destroy();
  child.kill();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
