/**
 * One tenant's functions wired with local adapters: the call-taker API, the escalation relay fed
 * by captured table changes (dynalite has no streams), the re-escalation fired by the local clock,
 * the acknowledgement pages and the caller location pages. The plain functions are the lifecycle's own (lambdas/*); only the
 * adapters are local: agency inbox for SNS, local clock for Scheduler, in-process bus for
 * EventBridge, a per-start secret for Secrets Manager.
 */

import { randomBytes } from "node:crypto";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Tenant } from "../domain/tenant";
import type { TenantRuntimeConfig } from "../domain/tenant-runtime";
import { handleAckRequest } from "../lambdas/ack/ack-routes";
import { handleCallTakerRequest } from "../lambdas/calltaker-api/routes";
import { relayChanges } from "../lambdas/escalation-relay/relay";
import { handleLocationRequest } from "../lambdas/location/location-routes";
import { runScheduledTask } from "../lambdas/reescalate/run-scheduled-task";
import type {
  AckDeps,
  HttpRequest,
  HttpResponse,
  Log,
  SenderDeps,
  TableChange,
  TenantDeps,
} from "../lambdas/shared/ports";
import type { CityStatistics } from "../lambdas/statistics/city-view";
import type { AgencyInbox } from "./agency-inbox";
import { captureChanges } from "./change-capture";
import type { LocalDynamo } from "./dynalite-server";
import type { LocalEventBus } from "./event-bus";
import type { LocalClock } from "./local-clock";

export interface TenantFunctionsOptions {
  readonly tenant: Tenant;
  readonly runtime: TenantRuntimeConfig;
  readonly dynamo: LocalDynamo;
  readonly tableName: string;
  readonly clock: LocalClock;
  readonly inbox: AgencyInbox;
  readonly bus: LocalEventBus;
  /** `<centre>/t/<code>/ack`: links in SMS and e-mail point here. */
  readonly ackBaseUrl: string;
  /** `<centre>/t/<code>/loc`: location links in SMS to callers point here. */
  readonly locationBaseUrl: string;
  readonly apiKey: string;
  /** The national statistics the call-taker API's `GET /city` reads (the kab/kota's own month). @default none (503) */
  readonly statistics?: CityStatistics;
  /** Where warnings and errors go. @default stderr */
  readonly log?: Log;
}

export interface TenantFunctions {
  /** The DynamoDB client intake writes through; its writes reach the relay like a table stream. */
  readonly capturingClient: Pick<DynamoDBClient, "send">;
  callTaker(request: HttpRequest): Promise<HttpResponse>;
  ack(request: HttpRequest): Promise<HttpResponse>;
  location(request: HttpRequest): Promise<HttpResponse>;
  /** Resolves when every captured change so far has been relayed and no sweep is running (alerts sent, events published). */
  idle(): Promise<void>;
  /** Changes the relay reported as failed (the stream would retry them). */
  readonly relayFailures: string[];
  /** Stops the outbox sweeper; resolves when a sweep in progress has finished. */
  stop(): Promise<void>;
}

/** Stream shards per tenant table (changes of one item always go to the same shard). */
export const STREAM_SHARDS = 4;
/** Changes relayed per batch, as the stream's event source mapping (lambdas/manifest.ts) does. */
const STREAM_BATCH = 25;

function shardOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return hash % STREAM_SHARDS;
}

/** Seconds between outbox sweeps, in local time (the cloud runs `rate(1 minute)`). */
export const SWEEP_EVERY_SECONDS = 60;

/** Warnings and errors on stderr, info dropped (unless SIAGA112_VERBOSE is set). */
export function consoleLog(tenantCode: string): Log {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    console.error(`[${tenantCode}] ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}`);
  return {
    info: (message, fields) => {
      if (process.env.SIAGA112_VERBOSE) line("INFO", message, fields);
    },
    warn: (message, fields) => line("WARN", message, fields),
    error: (message, fields) => line("ERROR", message, fields),
  };
}

/**
 * @example
 * const functions = startTenantFunctions({ tenant, runtime, dynamo, tableName, clock, inbox, bus, ackBaseUrl, locationBaseUrl, apiKey });
 * await functions.callTaker({ method: "GET", path: "/incidents", headers: { "x-siaga112-key": apiKey }, query: {}, authorized: false });
 */
export function startTenantFunctions(options: TenantFunctionsOptions): TenantFunctions {
  const { dynamo, clock } = options;
  const log = options.log ?? consoleLog(options.tenant.code);
  const relayFailures: string[] = [];
  // The stream: like DynamoDB Streams' shards, changes of one item are relayed in order, one
  // after another; items on different shards are relayed side by side.
  // Like the event source mapping, each shard relays what has arrived in batches of up to
  // STREAM_BATCH, one batch after another.
  const shards: Promise<void>[] = Array.from({ length: STREAM_SHARDS }, () => Promise.resolve());
  const queues: TableChange[][] = shards.map(() => []);
  const relaying: boolean[] = shards.map(() => false);
  const onChange = (change: TableChange) => {
    const image = change.newImage ?? change.oldImage ?? {};
    const shard = shardOf(`${String(image.pk)}|${String(image.sk)}`);
    queues[shard]!.push(change);
    if (relaying[shard]) return;
    relaying[shard] = true;
    shards[shard] = shards[shard]!.then(async () => {
      while (queues[shard]!.length > 0) {
        const { failed } = await relayChanges(sender, queues[shard]!.splice(0, STREAM_BATCH));
        relayFailures.push(...failed);
      }
      relaying[shard] = false;
    });
  };
  const db = captureChanges(dynamo.documents, dynamo.documents, onChange);
  const base: TenantDeps = {
    tenant: options.runtime,
    db,
    tableName: options.tableName,
    clock,
    log,
    metrics: { count: () => {} },
  };
  const secretValue = randomBytes(32).toString("base64url");
  const secret = { get: async () => ({ current: secretValue }) };
  const scheduler = clock.schedulerFor(options.tenant.code, async (schedule) => {
    await runScheduledTask(sender, schedule.task);
  });
  const sender: SenderDeps = {
    ...base,
    alerts: options.inbox.publisherFor(options.tenant),
    scheduler,
    events: options.bus,
    secret,
    ackBaseUrl: options.ackBaseUrl,
  };
  const ackDeps: AckDeps = { ...base, scheduler, secret };
  let lastSweep = clock.now();
  // The sweep in progress: it may deliver an entry the relay found claimed, so idle() waits for it.
  let sweeping: Promise<void> = Promise.resolve();
  const sweeper = setInterval(() => {
    if (clock.now() - lastSweep < SWEEP_EVERY_SECONDS * 1000) return;
    lastSweep = clock.now();
    sweeping = runScheduledTask(sender, { kind: "sweep" }).then(
      () => undefined,
      (error: unknown) => log.error("sweep failed", { error: String(error) }),
    );
  }, 1000);
  sweeper.unref();
  return {
    capturingClient: captureChanges(dynamo.client, dynamo.documents, onChange),
    callTaker: (request) =>
      handleCallTakerRequest(
        {
          ...base,
          localApiKey: options.apiKey,
          location: {
            sms: options.inbox.callerSmsFor(options.tenant),
            secret,
            baseUrl: options.locationBaseUrl,
          },
          // The local flow reports calls sent to the backup centre, so they are measured here.
          ...(options.statistics ? { city: { statistics: options.statistics, overflowMeasured: true } } : {}),
        },
        request,
      ),
    ack: (request) => handleAckRequest(ackDeps, request),
    location: (request) => handleLocationRequest({ ...base, secret }, request),
    idle: async () => {
      // A relayed change may cause more changes; wait until the shards stop growing and no sweep runs.
      for (;;) {
        const current = [...shards];
        const sweep = sweeping;
        await Promise.all([...current, sweep]);
        if (current.every((p, i) => p === shards[i]) && sweep === sweeping) return;
      }
    },
    relayFailures,
    stop: async () => {
      clearInterval(sweeper);
      await sweeping;
    },
  };
}
