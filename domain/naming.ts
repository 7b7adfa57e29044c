/**
 * Deterministic physical names and ARNs: the one place each name is built. The stacks name their
 * resources with these, the functions and the local centre find them with these, and stacks in
 * different Regions never reference each other's tokens: they rebuild the other side's ARN from
 * account, Region and one of these names. Pure: no CDK, no SDK.
 */
import { statisticsTableName } from "./statistics-table";
import { type Hub, type Platform, type Tenant, tenantId } from "./tenant";

/** Prefix of every physical name, so IAM conditions and humans can tell siaga112 apart. */
export const PREFIX = "siaga112";

/** The national event bus every tenant's incident events reach. */
export const NATIONAL_BUS_NAME = `${PREFIX}-national`;

/**
 * Stack names a platform engineer can guess from the tenant code.
 *
 * @example
 * stackNames.data({ code: "71.71" }) // "siaga112-71-71-data"
 */
export const stackNames = {
  hub: (hub: Pick<Hub, "id">): string => hubNames(hub).prefix,
  data: (tenant: Pick<Tenant, "code">): string => `${PREFIX}-${tenantId(tenant)}-data`,
  call: (tenant: Pick<Tenant, "code">): string => `${PREFIX}-${tenantId(tenant)}-call`,
  national: (): string => `${PREFIX}-national`,
  /** The call-takers' console site, shared by every tenant (deployed once). */
  console: (): string => `${PREFIX}-console`,
};

/**
 * Physical names of one tenant's resources.
 *
 * @example
 * tenantNames({ code: "71.71" }).incidentTable // "siaga112-71-71-incidents"
 */
export function tenantNames(tenant: Pick<Tenant, "code">) {
  const id = `${PREFIX}-${tenantId(tenant)}`;
  const agencyTopicPrefix = `${id}-agency-`;
  return {
    /** Prefix shared by every name below: IAM resources of the tenant start with it. */
    prefix: id,
    incidentTable: `${id}-incidents`,
    keyAlias: `alias/${id}`,
    callKeyAlias: `alias/${id}-call`,
    /** Every agency topic's name starts with this; the agency id follows. */
    agencyTopicPrefix,
    /** SNS topic of one agency; subscriptions filter per contact (domain/agency-topic-filter.ts). */
    agencyTopic: (agencyId: string) => `${agencyTopicPrefix}${agencyId}`,
    operationsTopic: `${id}-operations`,
    /** The call stack's own operations topic (in the Connect Region). */
    callOperationsTopic: `${id}-operations-call`,
    /** EventBridge Scheduler group of the re-escalation and digest schedules. */
    scheduleGroup: id,
    /** Prefix of the one-time schedules' names inside the group (each adds a hash). */
    schedulePrefix: tenantId(tenant),
    /** The recurring schedule that re-drives overdue outbox entries. */
    sweepSchedule: `${id}-outbox-sweep`,
    signingSecret: `${id}/ack-signing`,
    deadLetterQueue: `${id}-dead-letters`,
    functionName: (name: string) => `${id}-${name}`,
    /** EventBridge rule feeding the queue's Connect contact events to call-answer. */
    contactEventRule: `${id}-call-answer`,
    /** A recorded prompt of a prompt set. */
    prompt: (promptSet: string, name: string) => `${id}-${promptSet}-${name}`,
    queue: id,
    hours: `${id}-hours`,
    routingProfile: id,
    /** The tenant's inbound 112 flow, the one its number is associated with. */
    inboundFlow: `${id}-inbound`,
    /** The customer-queue (hold) flow. */
    customerQueueFlow: `${id}-queue`,
    dashboard: id,
    /** Prefix of the tenant pool's hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
    signInDomain: (account: string) => `${id}-${account}`,
    /** The tenant's console settings in the console site's bucket (read by the page as `/config/<code>.json`). */
    consoleConfig: `${CONSOLE_CONFIG_PREFIX}${tenant.code}.json`,
  };
}

/** Folder of the console site holding one settings file per tenant. */
export const CONSOLE_CONFIG_PREFIX = "config/";

/**
 * Physical names of the call-takers' console site (stack `siaga112-console`, in the national
 * account and the data Region).
 *
 * @example
 * consoleNames(platform).bucket // "siaga112-console-111111111111-ap-southeast-3"
 */
export function consoleNames(platform: Pick<Platform, "national">) {
  const id = `${PREFIX}-console`;
  const { account, region } = platform.national;
  const bucket = `${id}-${account}-${region}`;
  return {
    prefix: id,
    bucket,
    bucketArn: `arn:aws:s3:::${bucket}`,
    /** Every tenant settings file's key starts with this. */
    configPrefix: CONSOLE_CONFIG_PREFIX,
  };
}

/**
 * The Amazon Connect contact control panel of a hub's instance, which the console embeds with
 * amazon-connect-streams (`connect.core.initCCP`). Instances created since 2020 answer on
 * `<alias>.my.connect.aws` (https://docs.aws.amazon.com/connect/latest/adminguide/upgrade-ccp-streams-api.html).
 *
 * @example
 * ccpUrl({ instanceAlias: "siaga112-timur-1" }) // "https://siaga112-timur-1.my.connect.aws/ccp-v2/"
 */
export function ccpUrl(hub: Pick<Hub, "instanceAlias">): string {
  return `https://${hub.instanceAlias}.my.connect.aws/ccp-v2/`;
}

/**
 * Physical names of the national stack's resources.
 *
 * @example
 * nationalNames().operationsTopic // "siaga112-national-operations"
 */
export function nationalNames() {
  const id = `${PREFIX}-national`;
  return {
    /** Prefix shared by every name below. */
    prefix: id,
    bus: NATIONAL_BUS_NAME,
    keyAlias: `alias/${id}`,
    operationsTopic: `${id}-operations`,
    deadLetterQueue: `${id}-dead-letters`,
    dashboard: id,
    functionName: (name: "aggregator" | "monitoring-api") => `${id}-${name}`,
    /** Prefix of the officers' hosted sign-in domain. */
    signInDomain: (account: string) => `${id}-${account}`,
  };
}

/**
 * Physical names of a hub's resources.
 *
 * @example
 * hubNames({ id: "timur-1" }).operationsTopic // "siaga112-hub-timur-1-operations"
 */
export function hubNames(hub: Pick<Hub, "id">) {
  const id = `${PREFIX}-hub-${hub.id}`;
  return { prefix: id, keyAlias: `alias/${id}`, operationsTopic: `${id}-operations` };
}

/**
 * ARNs of a tenant's data-Region resources, built without tokens from the other Region.
 *
 * @example
 * dataArns(tenant).incidentTable // "arn:aws:dynamodb:ap-southeast-3:111111111111:table/siaga112-71-71-incidents"
 */
export function dataArns(tenant: Tenant) {
  const names = tenantNames(tenant);
  const account = tenant.hub.account;
  const region = tenant.dataRegion;
  return {
    incidentTable: `arn:aws:dynamodb:${region}:${account}:table/${names.incidentTable}`,
    incidentTableIndexes: `arn:aws:dynamodb:${region}:${account}:table/${names.incidentTable}/index/*`,
    /** Key ARNs are random: grant by alias with the `kms:ResourceAliases` condition instead. */
    keyArnPattern: `arn:aws:kms:${region}:${account}:key/*`,
  };
}

/**
 * ARN of the national event bus.
 *
 * @example
 * nationalBusArn(platform) // "arn:aws:events:ap-southeast-3:111111111111:event-bus/siaga112-national"
 */
export function nationalBusArn(platform: Platform): string {
  return `arn:aws:events:${platform.national.region}:${platform.national.account}:event-bus/${NATIONAL_BUS_NAME}`;
}

/**
 * Where the national statistics live, for a tenant's function that reads its own kab/kota's figures:
 * the table's ARN, and the national key granted by its alias (its id is random).
 *
 * @example
 * nationalStatisticsArns(platform).table // "arn:aws:dynamodb:ap-southeast-3:111111111111:table/siaga112-national-statistics"
 */
export function nationalStatisticsArns(platform: Platform): {
  readonly table: string;
  readonly region: string;
  readonly keyArnPattern: string;
  readonly keyAlias: string;
} {
  const { region, account } = platform.national;
  return {
    table: `arn:aws:dynamodb:${region}:${account}:table/${statisticsTableName()}`,
    region,
    keyArnPattern: `arn:aws:kms:${region}:${account}:key/*`,
    keyAlias: nationalNames().keyAlias,
  };
}
