/** A small preflight target for check tests: one account, one hub in Singapore, data in Jakarta. */
import type { HubTarget, PreflightTarget } from "../../preflight/target";

export const ACCOUNT = "111111111111";
export const CONNECT_REGION = "ap-southeast-1";
export const DATA_REGION = "ap-southeast-3";
export const HUB: HubTarget = {
  id: "timur-1",
  connectRegion: CONNECT_REGION,
  instanceAlias: "siaga112-timur-1",
};

/**
 * @example
 * const t = preflightTargetFixture({ hubs: [] });
 */
export function preflightTargetFixture(overrides: Partial<PreflightTarget> = {}): PreflightTarget {
  return {
    account: ACCOUNT,
    regions: [CONNECT_REGION, DATA_REGION],
    smsRegions: [DATA_REGION],
    hubs: [HUB],
    phoneNumbers: [],
    agencyTopics: [],
    minSmsSpendUsd: 1.01,
    ...overrides,
  };
}
