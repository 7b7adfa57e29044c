/**
 * Escalation burst benchmark (figures for bench/RESULTS.md, section "Escalation burst"):
 * 400 incidents classified at once in one tenant (Kota Manado), as after an earthquake, with the
 * tenant's real functions on local adapters (the relay fed like the table stream, 4 shards; the
 * agency inbox standing in for SNS; the local clock for Scheduler) and dynalite in a child process.
 * 1. time from classification to the first SMS of every incident (p50, p99, max), with 20
 *    call-takers classifying as fast as they can;
 * 2. nobody acknowledges for an hour (the worst case: every step, repeat, held reminder and
 *    digest goes out): messages per contact, and SMS per number;
 * 3. whether every contact the policy reached can act on every open alert of its agency from the
 *    last SMS (or e-mail) it got: its duty board lists them all.
 * Electricity incidents are left out of the mix: Manado's PLN contact has e-mail only.
 * Set ESCALATION_BENCH_INCIDENTS / ESCALATION_BENCH_MINUTES to shorten the run.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { IncidentCategory } from "../domain/categories";
import { createIncidentTableInput } from "../domain/incident-table";
import { toRuntimeConfig } from "../domain/tenant-runtime";
import { recordCall } from "../lambdas/intake/record-call";
import { AgencyAlerts } from "../lambdas/items/agency-alerts";
import { LOCAL_API_KEY_HEADER } from "../lambdas/shared/environment";
import { AgencyInbox } from "../local/agency-inbox";
import { LOCAL_AWS } from "../local/dynalite-server";
import { LocalEventBus } from "../local/event-bus";
import { LocalClock } from "../local/local-clock";
import { startTenantFunctions } from "../local/tenant-functions";
import { requireRegistry } from "../registry/load-registry";
import { startDynaliteProcess } from "./dynalite-process";

const INCIDENTS = Number(process.env.ESCALATION_BENCH_INCIDENTS ?? 400);
const MINUTES = Number(process.env.ESCALATION_BENCH_MINUTES ?? 60);
const CALL_TAKERS = 20;
const ACK_BASE = "http://bench.local/t/71.71/ack";
const MIX: readonly IncidentCategory[] = [
  "fire",
  "medical",
  "traffic-accident",
  "crime",
  "disaster",
  "rescue",
  "public-order",
  "other",
];

const tenant = requireRegistry({ dir: "tenants" }).tenants.find((t) => t.code === "71.71")!;
const runtime = toRuntimeConfig(tenant);

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const silent = {
  info: () => undefined,
  warn: () => undefined,
  error: (m: string, fields?: Record<string, unknown>) => console.error(m, JSON.stringify(fields ?? {})),
};

async function main() {
  const { endpoint, child } = await startDynaliteProcess();
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint, maxAttempts: 3 });
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const tableName = "siaga112-71-71-incidents";
  await client.send(new CreateTableCommand(createIncidentTableInput(tableName) as never));
  // Table requests of the functions (the local change capture adds two reads per write).
  let requests = 0;
  const counted = new Proxy(documents, {
    get: (target, property, receiver) =>
      property === "send"
        ? (command: never) => {
            requests++;
            return target.send(command);
          }
        : Reflect.get(target, property, receiver),
  });
  const clock = new LocalClock({ autoFire: false });
  const inbox = new AgencyInbox(clock, 1_000_000);
  const functions = startTenantFunctions({
    tenant,
    runtime,
    dynamo: { endpoint, client, documents: counted, stop: async () => undefined },
    tableName,
    clock,
    inbox,
    bus: new LocalEventBus(),
    ackBaseUrl: ACK_BASE,
    locationBaseUrl: "http://127.0.0.1:8112/t/71.71/loc",
    apiKey: "bench",
    log: silent,
  });
  const intake = {
    tenant: runtime,
    dynamodb: functions.capturingClient,
    tableName,
    clock,
    log: () => undefined,
  };

  // The calls come in first; then the call-takers classify them all, twenty at a time.
  const ids: string[] = [];
  for (let i = 0; i < INCIDENTS; i++) {
    const id = randomUUID();
    const answer = await recordCall(intake, {
      Details: {
        ContactData: {
          ContactId: id,
          Channel: "VOICE",
          CustomerEndpoint: { Address: `+62813${String(10_000_000 + i)}`, Type: "TELEPHONE_NUMBER" },
        },
      },
    });
    if (answer.status !== "ok") throw new Error(`intake answered ${JSON.stringify(answer)}`);
    ids.push(id);
  }
  await functions.idle();
  const classifiedAt = new Map<string, number>();
  requests = 0;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CALL_TAKERS }, async () => {
      while (next < ids.length) {
        const i = next++;
        const id = ids[i]!;
        classifiedAt.set(id, clock.now());
        const answer = await functions.callTaker({
          method: "POST",
          path: `/incidents/${id}/classification`,
          headers: { [LOCAL_API_KEY_HEADER]: "bench" },
          query: {},
          body: JSON.stringify({
            category: MIX[i % MIX.length],
            severity: "high",
            location: { text: `Kelurahan ${i % 87}, Kota Manado` },
          }),
          authorized: false,
        });
        if (answer.statusCode !== 200)
          throw new Error(`classifying ${id}: ${answer.statusCode} ${answer.body}`);
      }
    }),
  );
  const classifying = (performance.now() - started) / 1000;
  await functions.idle();
  const burst = (performance.now() - started) / 1000;
  const burstRequests = requests;

  const firstSms = new Map<string, number>();
  for (const message of inbox.list({ tenant: "71.71" })) {
    if (message.channel !== "sms") continue;
    for (const id of message.incidents) {
      const at = Date.parse(message.at);
      if (!firstSms.has(id) || at < firstSms.get(id)!) firstSms.set(id, at);
    }
  }
  const missing = ids.filter((id) => !firstSms.has(id));
  const latencies = ids
    .filter((id) => firstSms.has(id))
    .map((id) => firstSms.get(id)! - classifiedAt.get(id)!);
  console.log(
    `burst: ${INCIDENTS} incidents classified by ${CALL_TAKERS} call-takers in ${classifying.toFixed(1)} s, all first alerts out ${burst.toFixed(1)} s after the first classification`,
  );
  console.log(
    `table requests from classification to the last first alert: ${burstRequests} (${(burstRequests / INCIDENTS).toFixed(0)} per incident, with the two reads the local change capture adds to every write)`,
  );
  console.log(
    `classification to the incident's first SMS: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; incidents without an SMS: ${missing.length}`,
  );

  // An hour in which nobody acknowledges: every step, repeat, held reminder and digest.
  const phase = performance.now();
  for (let minute = 0; minute < MINUTES; minute++) {
    await clock.advance(60_000);
    await functions.idle();
  }
  await functions.idle();
  const messages = inbox.list({ tenant: "71.71" });
  const smsPerNumber = new Map<string, number>();
  const messagesPerContact = new Map<string, Set<string>>();
  for (const message of messages) {
    const contact = `${message.agencyId}/${message.contactId}`;
    if (!messagesPerContact.has(contact)) messagesPerContact.set(contact, new Set());
    messagesPerContact.get(contact)!.add(message.dedupKey); // one per publish, whatever its channels
    if (message.channel === "sms") smsPerNumber.set(message.to, (smsPerNumber.get(message.to) ?? 0) + 1);
  }
  console.log(
    `${MINUTES} simulated minutes without konfirmasi in ${((performance.now() - phase) / 1000).toFixed(1)} s: ${messages.length} inbox messages`,
  );
  console.log("messages per contact (first alerts + reminders + digests), SMS per number:");
  for (const agency of tenant.agencies) {
    for (const contact of agency.contacts) {
      const key = `${agency.id}/${contact.id}`;
      const reminders = new Set(
        messages
          .filter((m) => `${m.agencyId}/${m.contactId}` === key && m.dedupKey.startsWith("digest:"))
          .map((m) => m.dedupKey),
      ).size;
      console.log(
        `  ${key.padEnd(20)} ${String(messagesPerContact.get(key)?.size ?? 0).padStart(5)} messages (${reminders} digests)  ${contact.sms.map((n) => `${n}: ${smsPerNumber.get(n) ?? 0} SMS`).join(", ")}`,
      );
    }
  }

  // Every contact reached can act on every open alert of its agency from its latest message.
  const alerts = new AgencyAlerts({ db: documents, tableName });
  let pairs = 0;
  const unreachable: string[] = [];
  for (const agency of tenant.agencies) {
    const waiting = new Set<string>();
    for (const id of ids) {
      const alert = await alerts.get(id, agency.id);
      if (alert?.status === "alerted") waiting.add(id);
    }
    for (const contact of agency.contacts) {
      const latest = messages
        .filter((m) => m.agencyId === agency.id && m.contactId === contact.id && m.boardLink)
        .at(-1);
      if (!latest) {
        if (waiting.size > 0)
          console.log(`  ${agency.id}/${contact.id}: no message yet (not reached by the policy)`);
        continue;
      }
      const page = await functions.ack({
        method: "GET",
        path: latest.boardLink!.slice(ACK_BASE.length),
        headers: {},
        query: {},
        authorized: false,
      });
      const listed = new Set([...page.body.matchAll(/data-incident="([^"]+)"/g)].map((m) => m[1]));
      for (const id of waiting) {
        pairs++;
        if (!listed.has(id)) unreachable.push(`${agency.id}/${contact.id} ${id}`);
      }
    }
  }
  console.log(
    `every contact could act on every open alert: ${unreachable.length === 0 ? "yes" : "NO"} (${pairs} contact-alert pairs checked, ${unreachable.length} unreachable); relay failures: ${functions.relayFailures.length}`,
  );
  await functions.stop();
  client.destroy();
  child.kill();
  if (missing.length > 0 || unreachable.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
