/**
 * The compact projection of a tenant that the Lambdas need at run time, as JSON: deployed, in the
 * tenant's configuration layer (`/opt/siaga112/tenant.json`, lib/tenant-config-layer.ts: a
 * realistic tenant's configuration is over Lambda's 4 KB for all environment variables);
 * locally, in one environment variable (`TENANT_RUNTIME_ENV`). Contact numbers and addresses are
 * NOT in it: they live in the SNS subscriptions of each agency topic (filtered by contact id).
 * Pure: no AWS imports, no zod (intake parses it on every cold start).
 */
import { type AgencyKind, INCIDENT_CATEGORIES, type IncidentCategory } from "./categories";
import type { Tenant } from "./tenant";
import type { ZoneName } from "./time-zones";

/** Environment variable holding `JSON.stringify(toRuntimeConfig(tenant))` (local centre, tests). */
export const TENANT_RUNTIME_ENV = "SIAGA112_TENANT";

export interface RuntimeStep {
  /** Minutes after the previous step went out. */
  readonly afterMinutes: number;
  /** Contact ids alerted at this step (SNS filter attribute `contact`). */
  readonly contacts: readonly string[];
}

export interface RuntimeAgency {
  readonly id: string;
  readonly kind: AgencyKind;
  readonly name: string;
  /** Every contact id of the agency. */
  readonly contacts: readonly string[];
  readonly steps: readonly RuntimeStep[];
  /** How many more times the whole policy runs when nobody acknowledges. */
  readonly repeat: number;
}

export interface TenantRuntimeConfig {
  /** Kemendagri code, e.g. `71.71`. */
  readonly code: string;
  readonly name: string;
  readonly province: { readonly code: string; readonly name: string };
  readonly zone: { readonly iana: string; readonly name: ZoneName; readonly utcOffsetHours: 7 | 8 | 9 };
  readonly agencies: readonly RuntimeAgency[];
  /** Category to the ids of the agencies alerted for it. */
  readonly routing: Readonly<Record<IncidentCategory, readonly string[]>>;
  /** Days a caller's number (and what identifies the caller) is kept. */
  readonly retentionDays: number;
  /** Minutes the link in a caller's location SMS stays valid. */
  readonly locationLinkMinutes: number;
  /** Registered sender ID of SMS to callers; absent: the account's default. */
  readonly smsSenderId?: string;
}

/**
 * Projects a resolved tenant onto what the functions need.
 *
 * @example
 * const env = { [TENANT_RUNTIME_ENV]: JSON.stringify(toRuntimeConfig(tenant)) };
 */
export function toRuntimeConfig(tenant: Tenant): TenantRuntimeConfig {
  return {
    code: tenant.code,
    name: tenant.name,
    province: { code: tenant.province.code, name: tenant.province.name },
    zone: { iana: tenant.zone.iana, name: tenant.zone.name, utcOffsetHours: tenant.zone.utcOffsetHours },
    agencies: tenant.agencies.map((agency) => ({
      id: agency.id,
      kind: agency.kind,
      name: agency.name,
      contacts: agency.contacts.map((contact) => contact.id),
      steps: agency.escalation.steps.map((step) => ({
        afterMinutes: step.afterMinutes,
        contacts: [...step.contacts],
      })),
      repeat: agency.escalation.repeat,
    })),
    routing: Object.fromEntries(
      INCIDENT_CATEGORIES.map((category) => [category, [...tenant.routing[category]]]),
    ) as Record<IncidentCategory, string[]>,
    retentionDays: tenant.retention.callerNumberDays,
    locationLinkMinutes: tenant.location.linkMinutes,
    ...(tenant.sms.senderId ? { smsSenderId: tenant.sms.senderId } : {}),
  };
}

/** Thrown when the runtime configuration is missing or malformed (a deployment bug). */
export class RuntimeConfigError extends Error {
  override readonly name = "RuntimeConfigError";
}

/**
 * Parses the JSON from `TENANT_RUNTIME_ENV`, checking the shape the functions rely on.
 *
 * @example
 * const tenant = parseRuntimeConfig(process.env[TENANT_RUNTIME_ENV]);
 */
export function parseRuntimeConfig(json: string | undefined): TenantRuntimeConfig {
  if (json === undefined || json === "") {
    throw new RuntimeConfigError(`${TENANT_RUNTIME_ENV} is not set: expected the tenant's runtime JSON`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new RuntimeConfigError(`${TENANT_RUNTIME_ENV}: not JSON (${(error as Error).message})`);
  }
  const fail = (path: string, found: unknown, expected: string): never => {
    throw new RuntimeConfigError(
      `${TENANT_RUNTIME_ENV}: ${path} ${JSON.stringify(found) ?? "undefined"}: expected ${expected}`,
    );
  };
  const record = (v: unknown, path: string): Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(path, v, "an object");
  const text = (v: unknown, path: string): string =>
    typeof v === "string" && v !== "" ? v : fail(path, v, "a non-empty string");
  const count = (v: unknown, path: string): number =>
    typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : fail(path, v, "a whole number >= 0");
  const texts = (v: unknown, path: string): string[] =>
    Array.isArray(v) ? v.map((item, i) => text(item, `${path}[${i}]`)) : fail(path, v, "a list of strings");

  const root = record(value, "(root)");
  text(root.code, "code");
  text(root.name, "name");
  const province = record(root.province, "province");
  text(province.code, "province.code");
  const zone = record(root.zone, "zone");
  text(zone.iana, "zone.iana");
  if (![7, 8, 9].includes(zone.utcOffsetHours as number))
    fail("zone.utcOffsetHours", zone.utcOffsetHours, "7, 8 or 9");
  count(root.retentionDays, "retentionDays");
  if (count(root.locationLinkMinutes, "locationLinkMinutes") === 0) {
    fail("locationLinkMinutes", root.locationLinkMinutes, "a whole number of minutes >= 1");
  }
  if (root.smsSenderId !== undefined) text(root.smsSenderId, "smsSenderId");
  if (!Array.isArray(root.agencies)) fail("agencies", root.agencies, "a list of agencies");
  const agencyIds = new Set<string>();
  (root.agencies as unknown[]).forEach((item, i) => {
    const agency = record(item, `agencies[${i}]`);
    agencyIds.add(text(agency.id, `agencies[${i}].id`));
    text(agency.kind, `agencies[${i}].kind`);
    text(agency.name, `agencies[${i}].name`);
    const contacts = new Set(texts(agency.contacts, `agencies[${i}].contacts`));
    count(agency.repeat, `agencies[${i}].repeat`);
    if (!Array.isArray(agency.steps) || agency.steps.length === 0) {
      fail(`agencies[${i}].steps`, agency.steps, "at least one step");
    }
    (agency.steps as unknown[]).forEach((s, j) => {
      const step = record(s, `agencies[${i}].steps[${j}]`);
      count(step.afterMinutes, `agencies[${i}].steps[${j}].afterMinutes`);
      for (const id of texts(step.contacts, `agencies[${i}].steps[${j}].contacts`)) {
        if (!contacts.has(id))
          fail(`agencies[${i}].steps[${j}].contacts`, id, `one of ${[...contacts].join(", ")}`);
      }
    });
  });
  const routing = record(root.routing, "routing");
  for (const category of INCIDENT_CATEGORIES) {
    for (const id of texts(routing[category], `routing.${category}`)) {
      if (!agencyIds.has(id)) fail(`routing.${category}`, id, `one of ${[...agencyIds].join(", ")}`);
    }
  }
  return value as TenantRuntimeConfig;
}

/**
 * The agency with this id, or undefined.
 *
 * @example
 * findAgency(config, "damkar")?.name // "Dinas Pemadam Kebakaran Kota Manado"
 */
export function findAgency(config: TenantRuntimeConfig, agencyId: string): RuntimeAgency | undefined {
  return config.agencies.find((agency) => agency.id === agencyId);
}
