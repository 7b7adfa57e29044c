/**
 * What the call-taker console page reads about a tenant, built in one place so the local centre
 * and the cloud never drift apart: the local centre's `GET /local/tenants` lists it for every
 * tenant it runs (`consoleDirectory`), and each tenant's data stack writes it into the tenant's
 * own settings file `config/<code>.json` on the console site (lib/tenant-console-settings.ts),
 * beside the sign-in settings, the API's URL and the phone panel. Pure.
 */
import { CALLBACK_RESULT_LABELS_ID } from "./call-back";
import { LOCATION_OUTCOME_LABELS_ID } from "./caller-location";
import { AGENCY_KIND_LABELS_ID, CATEGORY_LABELS_ID } from "./categories";
import {
  AGENCY_STATUS_LABELS_ID,
  CALL_OUTCOME_LABELS_ID,
  CALL_RESULT_LABELS_ID,
  INCIDENT_STATE_LABELS_ID,
  SEVERITY_LABELS_ID,
} from "./incident";
import { ROLE_ACTS, ROLE_LABELS_ID } from "./roles";
import type { Tenant } from "./tenant";

/** A tenant as the console shows it. */
export interface ConsoleTenant {
  readonly code: string;
  /** Name for people, e.g. `Kota Manado`. */
  readonly name: string;
  readonly province: { readonly code: string; readonly name: string };
  /** WIB, WITA or WIT. */
  readonly zone: string;
  /** IANA zone, e.g. `Asia/Makassar`. */
  readonly timeZone: string;
  /** Whether callers choose a category in the flow's menu. */
  readonly categoryMenu: boolean;
  /** The agencies an incident may be escalated to (no contacts: those stay in the data Region). */
  readonly agencies: readonly { readonly id: string; readonly kind: string; readonly name: string }[];
}

/** The Indonesian words the console shows for the API's codes (docs/glossary.md). */
export const CONSOLE_LABELS_ID = {
  categories: CATEGORY_LABELS_ID,
  severities: SEVERITY_LABELS_ID,
  agencyKinds: AGENCY_KIND_LABELS_ID,
  agencyStatuses: AGENCY_STATUS_LABELS_ID,
  states: INCIDENT_STATE_LABELS_ID,
  outcomes: CALL_OUTCOME_LABELS_ID,
  callResults: CALL_RESULT_LABELS_ID,
  callBackResults: CALLBACK_RESULT_LABELS_ID,
  locationOutcomes: LOCATION_OUTCOME_LABELS_ID,
  roles: ROLE_LABELS_ID,
} as const;

/** What the console page needs of one tenant, beyond where to sign in and which API to call. */
export interface ConsolePageSettings {
  readonly tenant: ConsoleTenant;
  readonly labels: typeof CONSOLE_LABELS_ID;
  /** What each role may do (the page hides what the API would refuse anyway). */
  readonly roleActs: typeof ROLE_ACTS;
}

/**
 * The console's view of one tenant: the one builder of what the page reads, for the local centre
 * and for the tenant's settings file in the cloud.
 *
 * @example
 * consolePageSettings(manado).tenant // { code: "71.71", name: "Kota Manado", zone: "WITA", timeZone: "Asia/Makassar", ... }
 */
export function consolePageSettings(tenant: Tenant): ConsolePageSettings {
  return {
    tenant: {
      code: tenant.code,
      name: tenant.name,
      province: { code: tenant.province.code, name: tenant.province.name },
      zone: tenant.zone.name,
      timeZone: tenant.zone.iana,
      categoryMenu: tenant.callHandling.categoryMenu,
      agencies: tenant.agencies.map((a) => ({ id: a.id, kind: a.kind, name: a.name })),
    },
    labels: CONSOLE_LABELS_ID,
    roleActs: ROLE_ACTS,
  };
}

/** Several tenants' console settings in one answer: labels and role acts once, the tenants in order. */
export interface ConsoleDirectory {
  readonly tenants: readonly ConsoleTenant[];
  readonly labels: typeof CONSOLE_LABELS_ID;
  readonly roleActs: typeof ROLE_ACTS;
}

/**
 * The console settings of every tenant of the local centre (`GET /local/tenants`), each built by
 * `consolePageSettings`.
 *
 * @example
 * consoleDirectory([manado, bitung]).tenants.map((t) => t.code) // ["71.71", "71.72"]
 */
export function consoleDirectory(tenants: readonly Tenant[]): ConsoleDirectory {
  return {
    tenants: tenants.map((tenant) => consolePageSettings(tenant).tenant),
    labels: CONSOLE_LABELS_ID,
    roleActs: ROLE_ACTS,
  };
}
