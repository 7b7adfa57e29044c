/**
 * An in-process tenant for tests: dynalite table, captured changes relayed like the stream,
 * recording alert publisher, scheduler and event bus, and a clock the test moves.
 */
import { randomUUID } from "node:crypto";
import type { IncidentEvent } from "../../../domain/incident-events";
import type { TenantRuntimeConfig } from "../../../domain/tenant-runtime";
import type { CallTakerDeps } from "../../../lambdas/calltaker-api/routes";
import { relayChanges } from "../../../lambdas/escalation-relay/relay";
import { type IntakeDeps, recordCall } from "../../../lambdas/intake/record-call";
import { runScheduledTask } from "../../../lambdas/reescalate/run-scheduled-task";
import type {
  AckDeps,
  AgencyAlert,
  CallerSmsMessage,
  LocationDeps,
  Log,
  OneTimeSchedule,
  SenderDeps,
  TableChange,
} from "../../../lambdas/shared/ports";
import { captureChanges } from "../../../local/change-capture";
import { startDynalite, type TestTable } from "./dynalite";
import { contactFlowEvent, manadoRuntime } from "./tenant";

export interface TestCentre {
  readonly tenant: TenantRuntimeConfig;
  readonly tableName: string;
  readonly sent: AgencyAlert[];
  /** SMS sent to callers (location links). */
  readonly callerSms: CallerSmsMessage[];
  /** Make the next `n` SMS to callers fail. */
  failCallerSms(n: number): void;
  readonly events: IncidentEvent[];
  readonly schedules: Map<string, OneTimeSchedule>;
  readonly cancelled: string[];
  readonly logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  /** Metrics counted by the functions (Powertools in the cloud). */
  readonly metrics: Map<string, number>;
  readonly pending: TableChange[];
  /** Make the next `n` publishes fail (throttling). */
  failPublishes(n: number, name?: string): void;
  now(): number;
  advance(millis: number): void;
  intake: IntakeDeps;
  api: CallTakerDeps;
  sender: SenderDeps;
  ack: AckDeps;
  /** Deps of the caller's location page. */
  location: LocationDeps;
  /** Relays every captured change (as the stream would), until none is left. */
  drain(): Promise<void>;
  /** Fires every schedule due at the current time. */
  fireDue(): Promise<void>;
  call(number?: string): Promise<string>;
}

export const SECRET = "test-secret-of-kota-manado-0123456789";
export const ACK_BASE = "https://112.manadokota.go.id";
export const LOCATION_BASE = "https://lokasi.manadokota.go.id";

export async function startCentre(db: TestTable, options: { start?: number } = {}): Promise<TestCentre> {
  const tableName = await db.newTable();
  const tenant = manadoRuntime();
  let now = options.start ?? Date.parse("2026-11-27T13:00:00Z");
  let failures = 0;
  let failureName = "ThrottledException";
  const pending: TableChange[] = [];
  const sent: AgencyAlert[] = [];
  const callerSms: CallerSmsMessage[] = [];
  let callerSmsFailures = 0;
  const events: IncidentEvent[] = [];
  const schedules = new Map<string, OneTimeSchedule>();
  const cancelled: string[] = [];
  const logs: TestCentre["logs"] = [];
  const clock = { now: () => now };
  const onChange = (change: TableChange) => {
    pending.push(change);
  };
  const doc = captureChanges(db.doc, db.doc, onChange);
  const raw = captureChanges(db.client, db.doc, onChange);
  const log: Log = {
    info: (message, fields) => logs.push({ level: "INFO", message, fields }),
    warn: (message, fields) => logs.push({ level: "WARN", message, fields }),
    error: (message, fields) => logs.push({ level: "ERROR", message, fields }),
  };
  const counted = new Map<string, number>();
  const metrics = {
    count: (name: string, value = 1) => {
      counted.set(name, (counted.get(name) ?? 0) + value);
    },
  };
  const scheduler = {
    async schedule(schedule: OneTimeSchedule) {
      if (!schedules.has(schedule.name)) schedules.set(schedule.name, schedule);
    },
    async cancel(name: string) {
      cancelled.push(name);
      schedules.delete(name);
    },
  };
  const base = { tenant, db: doc, tableName, clock, log, metrics };
  const sender: SenderDeps = {
    ...base,
    alerts: {
      async publish(alert) {
        if (failures > 0) {
          failures--;
          throw Object.assign(new Error("Rate exceeded"), { name: failureName });
        }
        sent.push(alert);
        return { messageId: `test-${sent.length}` };
      },
    },
    scheduler,
    events: {
      async publish(batch) {
        events.push(...batch);
      },
    },
    secret: { get: async () => ({ current: SECRET }) },
    ackBaseUrl: ACK_BASE,
  };
  const location = {
    sms: {
      async send(message: CallerSmsMessage) {
        if (callerSmsFailures > 0) {
          callerSmsFailures--;
          throw Object.assign(new Error(`Invalid parameter: PhoneNumber ${message.to}`), {
            name: "InvalidParameterException",
          });
        }
        callerSms.push(message);
      },
    },
    secret: sender.secret,
    baseUrl: LOCATION_BASE,
  };
  const centre: TestCentre = {
    tenant,
    tableName,
    sent,
    callerSms,
    failCallerSms(n) {
      callerSmsFailures = n;
    },
    events,
    schedules,
    cancelled,
    logs,
    metrics: counted,
    pending,
    failPublishes(n, name = "ThrottledException") {
      failures = n;
      failureName = name;
    },
    now: () => now,
    advance(millis) {
      now += millis;
    },
    intake: { tenant, dynamodb: raw, tableName, clock, log: () => undefined },
    api: { ...base, location },
    sender,
    ack: { ...base, scheduler, secret: sender.secret },
    location: { ...base, secret: sender.secret },
    async drain() {
      while (pending.length > 0) {
        const batch = pending.splice(0, pending.length);
        const { failed } = await relayChanges(sender, batch);
        if (failed.length > 0) throw new Error(`relay failed on ${failed.join(", ")}`);
      }
    },
    async fireDue() {
      for (const [name, schedule] of [...schedules]) {
        if (schedule.at <= now) {
          schedules.delete(name);
          await runScheduledTask(sender, schedule.task);
        }
      }
      await centre.drain();
    },
    async call(number = "+6281234567890") {
      const id = randomUUID();
      const answer = await recordCall(centre.intake, contactFlowEvent(id, number));
      if (answer.status !== "ok") throw new Error(`intake answered ${JSON.stringify(answer)}`);
      return id;
    },
  };
  return centre;
}

/**
 * Registers the hooks of a test file whose tests each get a fresh centre (its own table) on one
 * dynalite for the file.
 *
 * @example
 * const t = centrePerTest();
 * it("alerts", async () => { await t.centre.call(); });
 */
export function centrePerTest(): { readonly db: TestTable; readonly centre: TestCentre } {
  const state = {} as { db: TestTable; centre: TestCentre };
  beforeAll(async () => {
    state.db = await startDynalite();
  });
  afterAll(() => state.db.close());
  beforeEach(async () => {
    state.centre = await startCentre(state.db);
  });
  return state;
}
