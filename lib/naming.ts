/**
 * Deterministic physical names and ARNs. Stacks in different Regions never reference each other's
 * tokens: they rebuild the other side's ARN from account, Region and one of these names.
 */
import { type Hub, type Platform, type Tenant, tenantId } from "../domain/tenant";

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
  hub: (hub: Pick<Hub, "id">): string => `${PREFIX}-hub-${hub.id}`,
  data: (tenant: Pick<Tenant, "code">): string => `${PREFIX}-${tenantId(tenant)}-data`,
  call: (tenant: Pick<Tenant, "code">): string => `${PREFIX}-${tenantId(tenant)}-call`,
  national: (): string => `${PREFIX}-national`,
};

/**
 * Physical names of one tenant's resources.
 *
 * @example
 * tenantNames({ code: "71.71" }).incidentTable // "siaga112-71-71-incidents"
 */
export function tenantNames(tenant: Pick<Tenant, "code">) {
  const id = `${PREFIX}-${tenantId(tenant)}`;
  return {
    /** Prefix shared by every name below: IAM resources of the tenant start with it. */
    prefix: id,
    incidentTable: `${id}-incidents`,
    keyAlias: `alias/${id}`,
    callKeyAlias: `alias/${id}-call`,
    agencyTopic: (agencyId: string) => `${id}-agency-${agencyId}`,
    operationsTopic: `${id}-operations`,
    scheduleGroup: id,
    signingSecret: `${id}/ack-signing`,
    deadLetterQueue: `${id}-dead-letters`,
    functionName: (name: string) => `${id}-${name}`,
    queue: id,
    hours: `${id}-hours`,
    routingProfile: id,
    /** The tenant's inbound 112 flow, the one its number is associated with. */
    inboundFlow: `${id}-inbound`,
    /** The customer-queue (hold) flow. */
    customerQueueFlow: `${id}-queue`,
    dashboard: id,
  };
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
