/**
 * Every Lambda function of siaga112, one entry per folder under `lambdas/`.
 * The build bundles each entry exactly once (esbuild) and every tenant stack reuses the asset.
 * Pure data: imported by the CDK app and by tests, never by handlers.
 */
import { ENV, type EnvName } from "./shared/environment";

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

/** How a function is invoked. */
export type FunctionTrigger =
  /** A contact flow's InvokeLambdaFunction (STRING_MAP answer). */
  | "connect"
  /** HTTP (API Gateway HTTP API payload v2, or a function URL). */
  | "http"
  /** The incident table's stream, with ReportBatchItemFailures and an on-failure dead-letter queue. */
  | "dynamodb-stream"
  /** EventBridge Scheduler: one-time re-escalation schedules plus a recurring outbox sweep. */
  | "scheduler"
  /**
   * An EventBridge rule on Amazon Connect contact events of the tenant's queue (CONNECTED_TO_AGENT,
   * DISCONNECTED); not a flow integration, so it takes none of the instance's Lambda slots.
   */
  | "connect-contact-events";

/** The resources a tenant stack owns that a function may be granted actions on. */
export type ResourceKind =
  /** The tenant's incident table and its indexes. */
  | "table"
  /** The incident table's stream. */
  | "table-stream"
  /** Every agency topic of the tenant (`agencyTopicName`). */
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
  | "key";

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
}

const TABLE_READ = ["dynamodb:GetItem", "dynamodb:Query"];
const TABLE_WRITE = ["dynamodb:PutItem", "dynamodb:UpdateItem"];
const KEY_USE = { resource: "key", actions: ["kms:Decrypt", "kms:GenerateDataKey"] } as const;
const SENDER_GRANTS: readonly FunctionGrant[] = [
  { resource: "table", actions: [...TABLE_READ, "dynamodb:BatchGetItem", ...TABLE_WRITE] },
  { resource: "agency-topics", actions: ["sns:Publish"] },
  { resource: "schedule-group", actions: ["scheduler:CreateSchedule", "scheduler:DeleteSchedule"] },
  { resource: "schedule-role", actions: ["iam:PassRole"] },
  { resource: "ack-secret", actions: ["secretsmanager:GetSecretValue"] },
  { resource: "event-bus", actions: ["events:PutEvents"] },
  KEY_USE,
];
const SENDER_ENV: readonly EnvName[] = [
  ENV.tenant,
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
      trigger: "connect",
      env: [ENV.tenant, ENV.tableName, ENV.tableRegion],
      grants: [
        { resource: "table", actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem"] },
        KEY_USE,
      ],
    },
  },
  {
    name: "call-answer",
    home: "connect",
    description: "Records when a call-taker answered a 112 call, or that the caller hung up first",
    wiring: {
      trigger: "connect-contact-events",
      env: [ENV.tableName, ENV.tableRegion],
      grants: [{ resource: "table", actions: ["dynamodb:UpdateItem", "dynamodb:GetItem"] }, KEY_USE],
    },
  },
  {
    name: "calltaker-api",
    home: "data",
    description: "Call-taker HTTP API: list, read, classify, set outcome, close",
    wiring: {
      trigger: "http",
      env: [ENV.tenant, ENV.tableName, ENV.serviceName, ENV.metricsNamespace],
      localOnlyEnv: [ENV.localApiKey],
      grants: [{ resource: "table", actions: [...TABLE_READ, ...TABLE_WRITE] }, KEY_USE],
    },
  },
  {
    name: "escalation-relay",
    home: "data",
    description: "Outbox relay: sends due escalations through SNS and schedules the next step",
    wiring: {
      trigger: "dynamodb-stream",
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
    },
  },
  {
    name: "reescalate",
    home: "data",
    description: "Fired by EventBridge Scheduler when a step is due; escalates if unacknowledged",
    wiring: { trigger: "scheduler", env: SENDER_ENV, grants: SENDER_GRANTS },
  },
  {
    name: "ack",
    home: "data",
    description: "Acknowledgement link: GET shows a page, POST acknowledges or reports status",
    wiring: {
      trigger: "http",
      env: [
        ENV.tenant,
        ENV.tableName,
        ENV.scheduleGroup,
        ENV.ackSecretArn,
        ENV.serviceName,
        ENV.metricsNamespace,
      ],
      grants: [
        { resource: "table", actions: [...TABLE_READ, ...TABLE_WRITE] },
        { resource: "schedule-group", actions: ["scheduler:DeleteSchedule"] },
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
