/**
 * Every Lambda function of siaga112, one entry per folder under `lambdas/`.
 * The build bundles each entry exactly once (esbuild) and every tenant stack reuses the asset.
 * Pure data: imported by the CDK app and by tests, never by handlers. This is the one way from
 * `lib/` into `lambdas/`: a stack learns a function's trigger, environment, grants, size and
 * alarms here, and wires every function of a kind the same way.
 */
import {
  CONTACT_EVENT_DETAIL_TYPE,
  CONTACT_EVENT_SOURCE,
  CONTACT_EVENT_TYPES,
} from "./call-answer/contact-event";
import { ENV, type EnvName } from "./shared/environment";
import type { ScheduledTask } from "./shared/ports";

/** Where a function runs: the tenant's data Region, its hub's Connect Region, or the national stack. */
export type FunctionHome = "data" | "connect" | "national";

export interface FunctionSpec {
  /** Folder under `lambdas/` holding `handler.ts`. */
  readonly name: string;
  readonly home: FunctionHome;
  readonly description: string;
  /** What infra wires around the function (tenant functions; national ones may add theirs). */
  readonly wiring?: FunctionWiring;
}

/** The recurring schedule a "scheduler" function is created with (one per tenant). */
export interface RecurringSchedule {
  readonly description: string;
  /** EventBridge Scheduler expression. */
  readonly expression: string;
  /** What the schedule passes to the function. */
  readonly input: ScheduledTask;
}

/**
 * How a function is invoked: the stacks wire each kind the same way for every function that has it,
 * so a function gets a trigger by saying so here, never by its name in a stack.
 */
export type FunctionTrigger =
  /** A contact flow's InvokeLambdaFunction (STRING_MAP answer); associated with the hub's instance. */
  | { readonly kind: "connect-flow" }
  /** The tenant's call-taker HTTP API (API Gateway HTTP API, Cognito authorizer). */
  | { readonly kind: "http-api" }
  /**
   * A public function URL (no IAM auth; the function checks signed links itself). Its base URL is
   * given to the tenant's other functions in `baseUrlEnv`.
   */
  | { readonly kind: "function-url"; readonly baseUrlEnv: EnvName }
  /** The incident table's stream, with ReportBatchItemFailures and an on-failure dead-letter queue. */
  | {
      readonly kind: "dynamodb-stream";
      readonly batchSize: number;
      readonly retryAttempts: number;
      readonly maxRecordAgeHours: number;
    }
  /**
   * EventBridge Scheduler: one-time schedules created at run time in the tenant's group, plus a
   * recurring one created with the stack.
   */
  | { readonly kind: "scheduler"; readonly recurring: RecurringSchedule; readonly asyncRetryAttempts: number }
  /**
   * An EventBridge rule on Amazon Connect contact events of the tenant's queue; not a flow
   * integration, so it takes none of the instance's Lambda slots.
   */
  | {
      readonly kind: "connect-contact-events";
      readonly source: string;
      readonly detailType: string;
      readonly eventTypes: readonly string[];
      readonly retryAttempts: number;
    };

/** A Powertools metric of the function whose every occurrence raises the tenant's alarm. */
export interface AlarmedMetric {
  readonly metricName: string;
  /** Alarm description: what it means for callers and agencies. */
  readonly meaning: string;
}

/** The resources a tenant stack owns that a function may be granted actions on. */
export type ResourceKind =
  /** The tenant's incident table and its indexes. */
  | "table"
  /** The tenant's incident table, items by key only (no index). */
  | "table-items"
  /** The incident table's stream. */
  | "table-stream"
  /** Every agency topic of the tenant (`tenantNames(tenant).agencyTopic`). */
  | "agency-topics"
  /** Schedules in the tenant's escalation schedule group. */
  | "schedule-group"
  /** The role EventBridge Scheduler assumes to invoke `reescalate` (iam:PassRole). */
  | "schedule-role"
  /** The tenant's acknowledgement-link signing secret. */
  | "ack-secret"
  /** The national incident event bus. */
  | "event-bus"
  /** The tenant's KMS key (table, topics and secret are encrypted with it). */
  | "key"
  /**
   * SMS straight to a phone number (SNS Publish without a topic: a caller's location link). Such a
   * publish has no resource ARN, so the grant is on everything except SNS ARNs: no topic at all,
   * of this tenant or another.
   */
  | "sms-phone-numbers"
  /**
   * The national statistics table, limited to this kab/kota's own partitions (its day rows and hour
   * cells: `dynamodb:LeadingKeys`), for the city's own figures.
   */
  | "city-statistics"
  /** The national key (by its alias): the statistics table is encrypted with it. */
  | "national-key";

export interface FunctionGrant {
  readonly resource: ResourceKind;
  readonly actions: readonly string[];
}

export interface FunctionWiring {
  readonly trigger: FunctionTrigger;
  /** Environment variables the function reads (names from lambdas/shared/environment.ts). */
  readonly env: readonly EnvName[];
  /** Set only when running locally; never deployed. */
  readonly localOnlyEnv?: readonly EnvName[];
  readonly grants: readonly FunctionGrant[];
  /** Memory in MB. @default 256 */
  readonly memorySize?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /**
   * Reserved concurrency: at most this many executions at once, and always this many available
   * (taken from the account's Regional pool). For a public function URL it is the only throttle:
   * past it the URL answers HTTP 429, and past 10 x this many requests per second as well
   * (https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-throttling,
   * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
   * @default none (the function shares the account's unreserved pool)
   */
  readonly reservedConcurrency?: number;
  /** Metrics that alarm whenever they count (per tenant). @default none */
  readonly alarms?: readonly AlarmedMetric[];
}

const TABLE_READ = ["dynamodb:GetItem", "dynamodb:Query"];
const TABLE_WRITE = ["dynamodb:PutItem", "dynamodb:UpdateItem"];
const KEY_USE = { resource: "key", actions: ["kms:Decrypt", "kms:GenerateDataKey"] } as const;
const SENDER_GRANTS: readonly FunctionGrant[] = [
  {
    resource: "table",
    actions: [...TABLE_READ, "dynamodb:BatchGetItem", ...TABLE_WRITE, "dynamodb:DeleteItem"],
  },
  { resource: "agency-topics", actions: ["sns:Publish"] },
  { resource: "schedule-group", actions: ["scheduler:CreateSchedule", "scheduler:DeleteSchedule"] },
  { resource: "schedule-role", actions: ["iam:PassRole"] },
  { resource: "ack-secret", actions: ["secretsmanager:GetSecretValue"] },
  { resource: "event-bus", actions: ["events:PutEvents"] },
  KEY_USE,
];
/** An escalation given up on after every retry means an agency was never alerted. */
const SENDER_ALARMS: readonly AlarmedMetric[] = [
  { metricName: "EscalationDeadLettered", meaning: "could not be delivered to an agency" },
];
const SENDER_ENV: readonly EnvName[] = [
  ENV.tenantFile,
  ENV.tableName,
  ENV.agencyTopicArnPrefix,
  ENV.scheduleGroup,
  ENV.scheduleTargetArn,
  ENV.scheduleRoleArn,
  ENV.eventBus,
  ENV.ackSecretArn,
  ENV.ackBaseUrl,
  ENV.serviceName,
  ENV.metricsNamespace,
];

export const FUNCTIONS = [
  {
    name: "intake",
    home: "connect",
    description: "Records a 112 call as an incident (invoked by the contact flow)",
    wiring: {
      trigger: { kind: "connect-flow" },
      env: [ENV.tenantFile, ENV.tableName, ENV.tableRegion],
      grants: [
        { resource: "table", actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem"] },
        KEY_USE,
      ],
      // A quiet kabupaten meets a cold function on most calls: more memory is more CPU for the
      // cold start, inside the flow's few seconds for the intake.
      memorySize: 512,
      timeoutSeconds: 8,
    },
  },
  {
    name: "call-answer",
    home: "connect",
    description: "Records when a call-taker answered a 112 call, or that the caller hung up first",
    wiring: {
      trigger: {
        kind: "connect-contact-events",
        source: CONTACT_EVENT_SOURCE,
        detailType: CONTACT_EVENT_DETAIL_TYPE,
        eventTypes: CONTACT_EVENT_TYPES,
        retryAttempts: 8,
      },
      env: [ENV.tableName, ENV.tableRegion],
      grants: [{ resource: "table-items", actions: ["dynamodb:UpdateItem", "dynamodb:GetItem"] }, KEY_USE],
    },
  },
  {
    name: "calltaker-api",
    home: "data",
    description:
      "Call-taker HTTP API: lists with cursors, counts, classify, outcome, close, call-back, reassign, reopen, open alerts, ask the caller's location, the city's own figures",
    wiring: {
      trigger: { kind: "http-api" },
      env: [
        ENV.tenantFile,
        ENV.tableName,
        ENV.ackSecretArn,
        ENV.locationBaseUrl,
        ENV.statisticsTable,
        ENV.statisticsRegion,
        ENV.serviceName,
        ENV.metricsNamespace,
      ],
      localOnlyEnv: [ENV.localApiKey],
      // BatchGetItem: the incidents of the open alerts in one request.
      grants: [
        { resource: "table", actions: [...TABLE_READ, "dynamodb:BatchGetItem", ...TABLE_WRITE] },
        // Signs the caller's location link (the acknowledgement links' secret, its own purpose).
        { resource: "ack-secret", actions: ["secretsmanager:GetSecretValue"] },
        { resource: "sms-phone-numbers", actions: ["sns:Publish"] },
        // GET /city: the kab/kota's month from the national statistics, its own partitions only.
        { resource: "city-statistics", actions: ["dynamodb:Query"] },
        { resource: "national-key", actions: ["kms:Decrypt"] },
        KEY_USE,
      ],
    },
  },
  {
    name: "escalation-relay",
    home: "data",
    description: "Outbox relay: sends due escalations through SNS and schedules the next step",
    wiring: {
      trigger: { kind: "dynamodb-stream", batchSize: 25, retryAttempts: 10, maxRecordAgeHours: 1 },
      env: SENDER_ENV,
      grants: [
        ...SENDER_GRANTS,
        {
          resource: "table-stream",
          actions: [
            "dynamodb:DescribeStream",
            "dynamodb:GetRecords",
            "dynamodb:GetShardIterator",
            "dynamodb:ListStreams",
          ],
        },
      ],
      alarms: SENDER_ALARMS,
    },
  },
  {
    name: "reescalate",
    home: "data",
    description: "Fired by EventBridge Scheduler when a step is due; escalates if unacknowledged",
    wiring: {
      trigger: {
        kind: "scheduler",
        recurring: {
          description: "Re-drives escalations whose outbox entry is overdue",
          expression: "rate(1 minute)",
          input: { kind: "sweep" },
        },
        asyncRetryAttempts: 2,
      },
      env: SENDER_ENV,
      grants: SENDER_GRANTS,
      alarms: SENDER_ALARMS,
    },
  },
  {
    name: "ack",
    home: "data",
    description:
      "Acknowledgement and duty board links: GET shows a page, POST acknowledges or reports status",
    wiring: {
      trigger: { kind: "function-url", baseUrlEnv: ENV.ackBaseUrl },
      env: [
        ENV.tenantFile,
        ENV.tableName,
        ENV.scheduleGroup,
        ENV.ackSecretArn,
        ENV.serviceName,
        ENV.metricsNamespace,
      ],
      grants: [
        { resource: "table", actions: [...TABLE_READ, "dynamodb:BatchGetItem", ...TABLE_WRITE] },
        { resource: "schedule-group", actions: ["scheduler:DeleteSchedule"] },
        { resource: "ack-secret", actions: ["secretsmanager:GetSecretValue"] },
        KEY_USE,
      ],
      // A public URL: a flood of well-formed tokens (each costs a table query) must not take the
      // Region's Lambda concurrency from every tenant's relay. 3 executions = at most 30 requests
      // a second per tenant, ample for a city's duty officers (docs/deploy.md, "Lambda concurrency").
      reservedConcurrency: 3,
    },
  },
  {
    name: "location",
    home: "data",
    description: "Caller location link: GET shows a page, POST records what the caller's phone reports",
    wiring: {
      trigger: { kind: "function-url", baseUrlEnv: ENV.locationBaseUrl },
      env: [ENV.tenantFile, ENV.tableName, ENV.ackSecretArn, ENV.serviceName, ENV.metricsNamespace],
      grants: [
        { resource: "table", actions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"] },
        { resource: "ack-secret", actions: ["secretsmanager:GetSecretValue"] },
        KEY_USE,
      ],
    },
  },
  {
    name: "national-aggregator",
    home: "national",
    description: "Folds incident events into per-kab/kota statistics",
  },
  {
    name: "monitoring-api",
    home: "national",
    description: "Read-only national monitoring API for the dashboard",
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionName = (typeof FUNCTIONS)[number]["name"];

/** A function with its wiring (tenant functions; national ones wire themselves). */
export type WiredSpec = FunctionSpec & { readonly wiring: FunctionWiring };

/**
 * The wired functions that run in one home, in manifest order.
 *
 * @example
 * wiredFunctions("connect").map((f) => f.name) // ["intake", "call-answer"]
 */
export function wiredFunctions(home: FunctionHome): WiredSpec[] {
  return (FUNCTIONS as readonly FunctionSpec[]).filter(
    (f): f is WiredSpec => f.home === home && f.wiring !== undefined,
  );
}
