/**
 * What the platform expects of one AWS account, derived from the tenant registry: the Regions its
 * stacks live in, the Connect hubs, each tenant's 112 number and the agency topics. Checks read
 * only this, never the registry.
 */

import { tenantNames } from "../domain/naming";
import type { Platform, Tenant } from "../domain/tenant";

export interface HubTarget {
  readonly id: string;
  readonly connectRegion: string;
  readonly instanceAlias: string;
}

/** Where a tenant's 112 number must be, and which flow it must point at. */
export interface PhoneNumberExpectation {
  readonly tenantCode: string;
  readonly hub: HubTarget;
  /** ARN of a number already claimed in the hub's instance. */
  readonly numberArn?: string;
  /** The number itself (E.164), when no ARN is recorded. */
  readonly e164?: string;
  /** Name of the tenant's inbound flow: a number may be free or associated with this flow only. */
  readonly inboundFlowName: string;
}

export interface AgencyTopicTarget {
  readonly tenantCode: string;
  readonly agencyId: string;
  readonly region: string;
  readonly topicArn: string;
  /** E-mail addresses the tenant file subscribes to the topic, with the contact each belongs to. */
  readonly emails: readonly { readonly address: string; readonly contactId: string }[];
}

export interface PreflightTarget {
  readonly account: string;
  /** Every Region a stack of this account lives in. */
  readonly regions: readonly string[];
  /** Regions whose SNS sends the agencies' SMS (the tenants' data Regions). */
  readonly smsRegions: readonly string[];
  readonly hubs: readonly HubTarget[];
  readonly phoneNumbers: readonly PhoneNumberExpectation[];
  readonly agencyTopics: readonly AgencyTopicTarget[];
  /** The SNS monthly SMS spend limit must be at least this (USD). */
  readonly minSmsSpendUsd: number;
}

export interface TargetOptions {
  /** @default 1.01: above the 1.00 USD every account starts with */
  readonly minSmsSpendUsd?: number;
}

/**
 * The part of the platform that lives in `account`, and a line for each part that lives elsewhere.
 *
 * @example
 * const { target, elsewhere } = preflightTarget(platform, tenants, "123456789012");
 */
export function preflightTarget(
  platform: Platform,
  tenants: readonly Tenant[],
  account: string,
  options: TargetOptions = {},
): { target: PreflightTarget; elsewhere: string[] } {
  const hubs = platform.hubs.filter((h) => h.account === account);
  const mine = tenants.filter((t) => t.hub.account === account);
  const nationalHere = platform.national.account === account;
  const elsewhere = [
    ...(nationalHere ? [] : [`national stack (account ${platform.national.account})`]),
    ...platform.hubs.filter((h) => h.account !== account).map((h) => `hub ${h.id} (account ${h.account})`),
  ];
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const target: PreflightTarget = {
    account,
    regions: sorted([
      ...(nationalHere ? [platform.national.region] : []),
      ...hubs.map((h) => h.connectRegion),
      ...mine.map((t) => t.dataRegion),
    ]),
    smsRegions: sorted(mine.map((t) => t.dataRegion)),
    hubs: hubs.map(({ id, connectRegion, instanceAlias }) => ({ id, connectRegion, instanceAlias })),
    phoneNumbers: phoneNumberExpectations(mine),
    agencyTopics: mine.flatMap((t) =>
      t.agencies.map((agency) => ({
        tenantCode: t.code,
        agencyId: agency.id,
        region: t.dataRegion,
        topicArn: `arn:aws:sns:${t.dataRegion}:${account}:${tenantNames(t).agencyTopic(agency.id)}`,
        emails: agency.contacts.flatMap((c) => c.email.map((address) => ({ address, contactId: c.id }))),
      })),
    ),
    minSmsSpendUsd: options.minSmsSpendUsd ?? 1.01,
  };
  return { target, elsewhere };
}

/**
 * The only reader of the tenant file's phone model (`phone.numberArn` / `phone.did`): when that
 * model changes, this function changes and the number check does not. A tenant that asks Connect
 * to claim a number (`phone.claim`) and has not recorded the claimed `did` yet has nothing to check.
 *
 * @example
 * phoneNumberExpectations(tenants)[0] // { tenantCode: "31", e164: "+6221…", inboundFlowName: "siaga112-31-inbound", … }
 */
export function phoneNumberExpectations(tenants: readonly Tenant[]): PhoneNumberExpectation[] {
  // An offboarding tenant names no number: there is nothing of it to check in the hub.
  return tenants
    .filter((t) => t.phone.did !== undefined || t.phone.numberArn !== undefined)
    .map((t) => ({
      tenantCode: t.code,
      hub: { id: t.hub.id, connectRegion: t.hub.connectRegion, instanceAlias: t.hub.instanceAlias },
      numberArn: t.phone.numberArn,
      e164: t.phone.did,
      inboundFlowName: tenantNames(t).inboundFlow,
    }));
}
