/**
 * Turns one tenant file into a resolved `Tenant`: official name, province and zone from the
 * Kemendagri list, routing resolved to agency ids, and every rule that one file can break on its own.
 */
import type { Agency, Platform, Tenant } from "../domain/tenant";
import { zoneOfProvince } from "../domain/time-zones";
import { displayName, officialRegions } from "./official-regions";
import type { Problem } from "./problem";
import type { TenantFile } from "./tenant-file-schema";
import { checkIdentity } from "./tenant-identity";
import { checkTenantRules, collector, resolveRouting } from "./tenant-rules";
import type { TenantView } from "./tenant-view";

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
 * Checks one tenant file's rules on its view and, when the file also passed the schema
 * (`parsed`) and broke no rule, resolves it.
 *
 * @example
 * resolveTenant("tenants/71.71-kota-manado.yaml", { code: "71.71", slug: "kota-manado" }, view, parsed, context)
 */
export function resolveTenant(
  file: string,
  name: TenantFileName,
  view: TenantView,
  parsed: TenantFile | undefined,
  context: ResolveContext,
): { tenant?: Tenant; problems: Problem[] } {
  const { problems, report } = collector(file);
  problems.push(...checkIdentity(file, name.code, view, context.platform));
  checkTenantRules(view, context.promptSets, report);

  const region = parsed && officialRegions().byCode.get(parsed.code);
  const hub = parsed && context.platform.hubs.find((h) => h.id === parsed.hub);
  if (!parsed || problems.length > 0 || !region || !hub) return { problems };
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
      routing: resolveRouting(view, () => {}),
      callHandling: parsed.callHandling,
      retention: parsed.retention,
      location: parsed.location,
      sms: parsed.sms,
    },
  };
}
