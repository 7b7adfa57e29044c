/**
 * The narrow boundary of the incident lifecycle: every side effect goes through one of these
 * ports, so the plain functions behind the handlers run the same in the cloud (SNS, Scheduler,
 * EventBridge, Secrets Manager adapters in lambdas/shared/aws-*.ts) and in the local centre
 * (inbox, local clock, in-process bus). Types only: no SDK imports.
 *
 * The plain functions (each takes its deps first):
 * - `recordCall(deps, event)`                 lambdas/intake/record-call.ts
 * - `recordContactEvent(deps, event)`         lambdas/call-answer/record-answer.ts
 *   (`recordCallAnswer` beside it; the local centre calls it from the flow simulator's result)
 * - `handleCallTakerRequest(deps, request)`   lambdas/calltaker-api/routes.ts
 *   (`classifyIncident`, `setOutcome`, `closeIncident`, `listIncidents`, `readIncident` beside it)
 * - `relayChanges(deps, changes)`             lambdas/escalation-relay/relay.ts
 * - `runScheduledTask(deps, task)`            lambdas/reescalate/run-scheduled-task.ts
 * - `handleAckRequest(deps, request)`         lambdas/ack/ack-routes.ts
 * - `handleLocationRequest(deps, request)`    lambdas/location/location-routes.ts
 */
import type { IncidentEvent } from "../../domain/incident-events";
import type { SigningKeys } from "../../domain/signing-keys";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";

/** Time source; the local centre drives it to fire scheduled steps. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** One step of one incident's escalation that a message is about. */
export interface AlertSubject {
  readonly incidentId: string;
  readonly round: number;
  readonly step: number;
}

/**
 * One message to one contact of one agency (SNS: publish to the agency topic, filtered to the
 * contact's SMS and e-mail subscriptions). One contact per message: each carries the contact's own
 * duty board link.
 */
export interface AgencyAlert {
  readonly agencyId: string;
  /** The contact it is for (SNS message attribute `contact`). */
  readonly contactId: string;
  /** One or two GSM-7 segments. */
  readonly sms: string;
  readonly email: { readonly subject: string; readonly body: string };
  /** The escalation steps it carries: one for an alert, several for a reminder (digest). */
  readonly about: readonly AlertSubject[];
  /** Stable per (incident, agency, round, step, contact) or per digest; for logs. */
  readonly dedupKey: string;
}

/** What the channel said when it accepted a message. */
export interface PublishReceipt {
  /** SNS MessageId: joins the message to SNS's delivery status logs, where those are enabled. */
  readonly messageId?: string;
}

/**
 * Hands agency alerts to the channel (SNS). Accepted is not delivered: SNS reports SMS delivery
 * only in its CloudWatch delivery-status logs. Throws on failure (throttling included); the
 * outbox retries.
 */
export interface AlertPublisher {
  publish(alert: AgencyAlert): Promise<PublishReceipt>;
}

/** What a schedule carries back to `runScheduledTask` when it fires. */
export type ScheduledTask =
  /** Step `step` of round `round` is due for the agency, unless it acknowledged meanwhile. */
  | {
      readonly kind: "step";
      readonly incidentId: string;
      readonly agencyId: string;
      readonly round: number;
      readonly step: number;
    }
  /** Alerts held back for a rate-limited contact may go out now, bundled. */
  | { readonly kind: "digest"; readonly agencyId: string; readonly contactId: string }
  /** Recurring: re-drive outbox entries left undelivered (crash, throttling, stream give-up). */
  | { readonly kind: "sweep" };

export interface OneTimeSchedule {
  /** Unique in the group (at most 64 characters); deterministic so it can be cancelled. */
  readonly name: string;
  /** When to fire, epoch milliseconds. */
  readonly at: number;
  readonly task: ScheduledTask;
}

/** One-time schedules (EventBridge Scheduler `at(...)`, deleted after completion). */
export interface StepScheduler {
  /** Creates the schedule; creating one that exists already is not an error. */
  schedule(schedule: OneTimeSchedule): Promise<void>;
  /** Deletes it; a schedule that is gone (fired or cancelled) is not an error. */
  cancel(name: string): Promise<void>;
}

/** One SMS to a caller's own phone (the location link), not to an agency topic. */
export interface CallerSmsMessage {
  readonly incidentId: string;
  /** E.164 number of the caller. */
  readonly to: string;
  /** GSM-7, at most two segments. */
  readonly text: string;
}

/** Sends one SMS to a phone number (SNS Publish with PhoneNumber). Throws on failure. */
export interface CallerSms {
  send(message: CallerSmsMessage): Promise<void>;
}

/** Publishes incident events to the national bus. Throws when any entry failed. */
export interface EventPublisher {
  publish(events: readonly IncidentEvent[]): Promise<void>;
}

/**
 * The tenant's link signing secret (cached by the adapter): the current version, and the previous
 * one after a rotation, so links signed before it keep working until they expire.
 */
export interface SigningSecret {
  get(): Promise<SigningKeys>;
}

/** Minimal DynamoDB DocumentClient surface (`DynamoDBDocumentClient.send`). */
export interface DocumentStore {
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's command types are generic over inputs
  send(command: any): Promise<any>;
}

/** Structured logging; caller numbers must never be passed unmasked (see maskCallerNumber). */
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Counters and timings (Powertools Metrics in the cloud). */
export interface MetricSink {
  count(name: string, value?: number): void;
}

/** What every function of a tenant shares. */
export interface TenantDeps {
  readonly tenant: TenantRuntimeConfig;
  readonly db: DocumentStore;
  readonly tableName: string;
  readonly clock: Clock;
  readonly log: Log;
  readonly metrics: MetricSink;
}

/** Deps of the functions that send: relay and reescalate. */
export interface SenderDeps extends TenantDeps {
  readonly alerts: AlertPublisher;
  readonly scheduler: StepScheduler;
  readonly events: EventPublisher;
  readonly secret: SigningSecret;
  /** Base URL of the acknowledgement function (links are `<base>/a/<token>`, boards `<base>/p/<token>`). */
  readonly ackBaseUrl: string;
}

/** Deps of the acknowledgement function. */
export interface AckDeps extends TenantDeps {
  readonly scheduler: StepScheduler;
  readonly secret: SigningSecret;
}

/** Deps of the location function (the caller's page behind the SMS link). */
export interface LocationDeps extends TenantDeps {
  readonly secret: SigningSecret;
}

/**
 * One change of the incident table, as the DynamoDB stream reports it (images unmarshalled).
 * The local centre produces these with `captureChanges` (lambdas/shared/change-capture.ts).
 */
export interface TableChange {
  /** Stream record id (for partial-batch failure reports). */
  readonly id: string;
  readonly eventName: "INSERT" | "MODIFY" | "REMOVE";
  readonly oldImage?: Readonly<Record<string, unknown>>;
  readonly newImage?: Readonly<Record<string, unknown>>;
}

/**
 * Who sent a request, as the authorizer in front vouched for it: in the cloud the claims of a
 * Cognito token checked by the HTTP API's JWT authorizer (`toHttpRequest`), locally the local
 * centre (`local/local-identity.ts`). Roles are the group names of domain/roles.ts.
 */
export interface RequestIdentity {
  /** `sub` of the token. */
  readonly subject: string;
  /** `cognito:username` (or `username`); shown as the call-taker's desk. */
  readonly username?: string;
  /** `cognito:groups`. */
  readonly groups: readonly string[];
  /** `custom:tenant` when the pool sets it: the tenant code the user belongs to. */
  readonly tenant?: string;
}

/** Plain HTTP request/response used by the call-taker API and the ack function. */
export interface HttpRequest {
  readonly method: string;
  /** Path without the stage, e.g. `/incidents/abc/classification`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
  /** True when an authorizer in front already authenticated the caller (cloud). */
  readonly authorized: boolean;
  /** Who the caller is, when an authorizer (or the local centre) said so. */
  readonly identity?: RequestIdentity;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}
