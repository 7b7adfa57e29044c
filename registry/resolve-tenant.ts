/**
 * Turns one parsed tenant file into a resolved `Tenant`: official name, province and zone from the
 * Kemendagri list, routing resolved to agency ids, and every rule that one file can break on its own.
 */
import { DEFAULT_ROUTING, INCIDENT_CATEGORIES, type IncidentCategory } from "../domain/categories";
import type { Agency, Platform, Tenant } from "../domain/tenant";
import { zoneOfProvince } from "../domain/time-zones";
import { displayName, nearestRegions, officialRegions } from "./official-regions";
import type { Problem } from "./problem";
import type { TenantFile } from "./tenant-file-schema";

export interface TenantFileName {
  readonly code: string;
  readonly slug: string;
}

/** Tenant files are named `<code>-<slug>.yaml|.yml|.json`, e.g. `71.71-kota-manado.yaml`. */
export const TENANT_FILE_NAME = /^(\d{2}(?:\.\d{2})?)-([a-z0-9]+(?:-[a-z0-9]+)*)\.(ya?ml|json)$/;

export interface ResolveContext {
  readonly platform: Platform;
  /** Prompt sets found under `prompts/`. */
  readonly promptSets: readonly string[];
}

/**
 * Resolves one tenant file, or reports every problem it has on its own.
 *
 * @example
 * resolveTenant("tenants/71.71-kota-manado.yaml", { code: "71.71", slug: "kota-manado" }, parsed, context)
 */
export function resolveTenant(
  file: string,
  name: TenantFileName,
  parsed: TenantFile,
  context: ResolveContext,
): { tenant?: Tenant; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (path: string, value: unknown, message: string) =>
    problems.push({ file, path, value, message });

  problems.push(...checkIdentity(file, name.code, parsed, context.platform));
  const region = officialRegions().byCode.get(parsed.code);
  const hub = context.platform.hubs.find((h) => h.id === parsed.hub);

  if (parsed.phone.did !== undefined && parsed.phone.did === parsed.phone.overflow) {
    problem(
      "phone.overflow",
      parsed.phone.overflow,
      "equals the tenant's own number; give the number of a backup centre",
    );
  }

  if (!context.promptSets.includes(parsed.callHandling.promptSet)) {
    problem(
      "callHandling.promptSet",
      parsed.callHandling.promptSet,
      `no such prompt set under prompts/; available: ${context.promptSets.join(", ") || "none"}`,
    );
  }

  checkStaffedHours(parsed, problem);
  checkAgencies(parsed, problem);
  const routing = resolveRouting(parsed, problem);

  if (problems.length > 0 || !region || !hub) return { problems };
  return {
    problems,
    tenant: {
      code: parsed.code,
      slug: name.slug,
      file,
      officialName: region.officialName,
      name: displayName(region.officialName),
      level: region.level,
      province: region.province,
      zone: zoneOfProvince(region.province.code),
      hub,
      dataRegion: parsed.dataRegion,
      phone: parsed.phone,
      agencies: parsed.agencies as Agency[],
      routing,
      callHandling: parsed.callHandling,
      retention: parsed.retention,
      location: parsed.location,
      sms: parsed.sms,
    },
  };
}

/**
 * The code against the official list and the file name, and the hub against platform.yaml. Runs on
 * the raw document too when other fields are malformed, so those problems show in the same run.
 *
 * @example
 * checkIdentity("tenants/71.71-kota-manado.yaml", "71.71", { code: "71.71", hub: "timur-1" }, platform) // []
 */
export function checkIdentity(file: string, fileCode: string, raw: unknown, platform: Platform): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, value: unknown, message: string) =>
    problems.push({ file, path, value, message });
  const { code, hub } = (raw ?? {}) as { code?: unknown; hub?: unknown };
  if (typeof code === "string") {
    const region = officialRegions().byCode.get(code);
    if (!region) {
      const near = nearestRegions(code)
        .map((r) => `${r.code} ${displayName(r.officialName)}`)
        .join(", ");
      problem("code", code, `not a Kemendagri province or kab/kota code; nearest: ${near}`);
    } else if (region.administrative) {
      problem(
        "code",
        code,
        `${displayName(region.officialName)} is an administrative city of ${displayName(region.province.name)}, which runs one province-level tenant: use code "${region.province.code}"`,
      );
    } else if (region.level === "province" && !provinceRunsCentre(region.code)) {
      problem(
        "code",
        code,
        `${displayName(region.officialName)} is a province; 112 centres are run by each kab/kota (only provinces whose cities are administrative, like DKI Jakarta "31", run one)`,
      );
    }
    if (code !== fileCode) {
      problem(
        "code",
        code,
        `does not match the file name's code "${fileCode}"; rename the file or fix the code`,
      );
    }
  }
  if (typeof hub === "string" && !platform.hubs.some((h) => h.id === hub)) {
    problem(
      "hub",
      hub,
      `unknown hub; hubs declared in platform.yaml: ${platform.hubs.map((h) => h.id).join(", ")}`,
    );
  }
  return problems;
}

/** A province runs its own centre only when all its kab/kota are administrative (DKI Jakarta). */
function provinceRunsCentre(provinceCode: string): boolean {
  const own = officialRegions().regencies.filter((r) => r.province.code === provinceCode);
  return own.length > 0 && own.filter((r) => r.level === "kota").every((r) => r.administrative);
}

type Report = (path: string, value: unknown, message: string) => void;

function checkStaffedHours(parsed: TenantFile, problem: Report): void {
  const hours = parsed.callHandling.staffedHours;
  if (hours === "24/7") return;
  hours.forEach((window, i) => {
    if (window.from >= window.to) {
      problem(
        `callHandling.staffedHours[${i}].to`,
        window.to,
        `must be later than from "${window.from}"; split a window that crosses midnight in two`,
      );
    }
  });
}

function checkAgencies(parsed: TenantFile, problem: Report): void {
  const agencyIds = new Set<string>();
  parsed.agencies.forEach((agency, a) => {
    const at = `agencies[${a}]`;
    if (agencyIds.has(agency.id))
      problem(`${at}.id`, agency.id, "duplicate agency id; each agency needs its own id");
    agencyIds.add(agency.id);

    const contactIds = new Set<string>();
    agency.contacts.forEach((contact, c) => {
      if (contactIds.has(contact.id)) {
        problem(`${at}.contacts[${c}].id`, contact.id, "duplicate contact id within the agency");
      }
      contactIds.add(contact.id);
      if (contact.sms.length === 0 && contact.email.length === 0) {
        problem(
          `${at}.contacts[${c}]`,
          contact.id,
          "contact has no sms number and no email; give at least one",
        );
      }
    });
    if (agency.contacts.length === 0) {
      problem(
        `${at}.contacts`,
        [],
        "agency has no contact; alerts would reach nobody: add at least one contact",
      );
    }

    agency.escalation.steps.forEach((step, s) => {
      const stepAt = `${at}.escalation.steps[${s}]`;
      if (s === 0 && step.afterMinutes !== 0) {
        problem(`${stepAt}.afterMinutes`, step.afterMinutes, "the first step goes out at once: must be 0");
      }
      if (s > 0 && step.afterMinutes < 1) {
        problem(
          `${stepAt}.afterMinutes`,
          step.afterMinutes,
          "later steps wait at least 1 minute for an acknowledgement",
        );
      }
      step.contacts.forEach((id, k) => {
        if (!contactIds.has(id)) {
          problem(
            `${stepAt}.contacts[${k}]`,
            id,
            `unknown contact of agency "${agency.id}"; its contacts: ${[...contactIds].join(", ") || "none"}`,
          );
        }
      });
    });
  });
}

function resolveRouting(parsed: TenantFile, problem: Report): Record<IncidentCategory, string[]> {
  const ids = new Set(parsed.agencies.map((a) => a.id));
  const routing = {} as Record<IncidentCategory, string[]>;
  for (const category of INCIDENT_CATEGORIES) {
    const override = parsed.routing[category];
    if (override) {
      override.forEach((id, i) => {
        if (!ids.has(id))
          problem(
            `routing.${category}[${i}]`,
            id,
            `unknown agency; agencies of this tenant: ${[...ids].join(", ")}`,
          );
      });
      if (override.length === 0) {
        problem(`routing.${category}`, override, "category routed to nobody; list at least one agency id");
      }
      routing[category] = [...new Set(override)];
      continue;
    }
    const kinds = DEFAULT_ROUTING[category];
    routing[category] = kinds.flatMap((kind) =>
      parsed.agencies.filter((a) => a.kind === kind).map((a) => a.id),
    );
    if (routing[category].length === 0) {
      problem(
        `routing.${category}`,
        undefined,
        `category routed to nobody: the default route needs an agency of kind ${kinds.join(" or ")}; add one or set routing.${category}`,
      );
    }
  }
  return routing;
}
