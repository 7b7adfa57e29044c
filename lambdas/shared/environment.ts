/**
 * Names of the environment variables the functions read. Pure constants: the CDK stack and the
 * local centre set them, `lambdas/manifest.ts` lists which function needs which.
 */
import { STATISTICS_ENV } from "../../domain/statistics-table";
import { TENANT_RUNTIME_ENV } from "../../domain/tenant-runtime";

export const ENV = {
  /** JSON of `toRuntimeConfig(tenant)` (see domain/tenant-runtime.ts): local centre and tests. */
  tenant: TENANT_RUNTIME_ENV,
  /** Path of the same JSON in the tenant's configuration layer (deployed functions; shared/runtime-config.ts). */
  tenantFile: "SIAGA112_TENANT_FILE",
  /** Name of the tenant's incident table (`tenantNames(tenant).incidentTable`, domain/naming.ts). */
  tableName: "INCIDENT_TABLE_NAME",
  /** Region of the incident table; intake runs in the hub's Connect Region and writes across. */
  tableRegion: "INCIDENT_TABLE_REGION",
  /** Topic ARN of agency `x` is this prefix followed by `x` (`tenantNames(tenant).agencyTopicPrefix`). */
  agencyTopicArnPrefix: "AGENCY_TOPIC_ARN_PREFIX",
  /** EventBridge Scheduler group holding the one-time re-escalation schedules. */
  scheduleGroup: "ESCALATION_SCHEDULE_GROUP",
  /** ARN of the `reescalate` function that the schedules invoke. */
  scheduleTargetArn: "ESCALATION_SCHEDULE_TARGET_ARN",
  /** Role EventBridge Scheduler assumes to invoke the target (needs iam:PassRole). */
  scheduleRoleArn: "ESCALATION_SCHEDULE_ROLE_ARN",
  /** Name or ARN of the national monitoring event bus. */
  eventBus: "INCIDENT_EVENT_BUS",
  /** Secrets Manager ARN of the tenant's acknowledgement-link signing secret (SecretString). */
  ackSecretArn: "ACK_SECRET_ARN",
  /** Public base URL of the ack function, e.g. `https://abc.lambda-url.ap-southeast-3.on.aws`. */
  ackBaseUrl: "ACK_BASE_URL",
  /** Public base URL of the location function (caller location links are `<base>/l/<token>`). */
  locationBaseUrl: "LOCATION_BASE_URL",
  /** The national statistics table (`statisticsTableName()`): the kab/kota's own figures are read from it. */
  statisticsTable: STATISTICS_ENV.tableName,
  /** Region of the national statistics table (the national stack's). */
  statisticsRegion: "STATISTICS_TABLE_REGION",
  /** Local mode only: the key call-takers send in `x-siaga112-key` (cloud: an authorizer). */
  localApiKey: "LOCAL_API_KEY",
  /** Powertools service name and metrics namespace. */
  serviceName: "POWERTOOLS_SERVICE_NAME",
  metricsNamespace: "POWERTOOLS_METRICS_NAMESPACE",
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

/** Header carrying the local call-taker key in local mode. */
export const LOCAL_API_KEY_HEADER = "x-siaga112-key";
