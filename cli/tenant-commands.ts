/**
 * `siaga112 tenant add|validate|list|remove`: the platform team's tools for the tenant registry.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { hubCapacity } from "../domain/connect-quotas";
import type { Hub, Tenant } from "../domain/tenant";
import { zoneOfProvince } from "../domain/time-zones";
import { problemLines } from "../registry/deployable-registry";
import { loadRegistry, type Registry } from "../registry/load-registry";
import { displayName, nearestRegions, officialRegions, slugOf } from "../registry/official-regions";
import { placeholders } from "../registry/placeholders";
import { formatProblem } from "../registry/problem";
import { PLACEHOLDER_MARK, scaffoldTenant } from "../registry/scaffold-tenant";
import { tenantCodeRefusal } from "../registry/tenant-identity";
import { CommandError } from "./command-error";
import { withExamples } from "./help";
import { registerTenantRemove } from "./tenant-remove";

/**
 * Registers the `tenant` command group.
 *
 * @example
 * registerTenantCommands(new Command("siaga112"));
 */
export function registerTenantCommands(program: Command): void {
  const tenant = withExamples(
    program
      .command("tenant")
      .description("manage the tenant registry (one file per kabupaten/kota in tenants/)"),
    "siaga112 tenant add 71.72",
    "siaga112 tenant validate",
  );

  withExamples(
    tenant
      .command("add")
      .description("scaffold a tenant file from the official Kemendagri data")
      .argument("<code>", 'Kemendagri code of the kab/kota, e.g. "71.71" (or "31" for DKI Jakarta)')
      .option("--hub <id>", "Connect hub to join (default: the first hub with room)")
      .option("--dir <dir>", "tenants folder", "tenants"),
    "siaga112 tenant add 71.72    # writes tenants/71.72-kota-bitung.yaml",
    "siaga112 tenant add 71.72 --hub timur-1",
  ).action((code: string, options: { hub?: string; dir: string }) => addTenant(code, options));

  withExamples(
    tenant
      .command("validate")
      .description("check tenant files (all of them by default); exits 1 listing every problem")
      .argument(
        "[files...]",
        "tenant files to check (the rest of the folder is still read for cross-file rules)",
      )
      .option("--dir <dir>", "tenants folder", "tenants"),
    "siaga112 tenant validate",
    "siaga112 tenant validate tenants/71.72-kota-bitung.yaml",
  ).action((files: string[], options: { dir: string }) => validateTenants(files, options));

  withExamples(
    tenant
      .command("list")
      .description("list tenants: code, name, province, hub, zone, agencies")
      .option("--dir <dir>", "tenants folder", "tenants")
      .option("--json", "print JSON instead of a table"),
    "siaga112 tenant list",
    "siaga112 tenant list --json",
  ).action((options: { dir: string; json?: boolean }) => listTenants(options));

  registerTenantRemove(tenant);
}

function addTenant(code: string, options: { hub?: string; dir: string }): void {
  const region = officialRegions().byCode.get(code);
  if (!region) {
    const near = nearestRegions(code)
      .map((r) => `  ${r.code}  ${displayName(r.officialName)}`)
      .join("\n");
    throw new CommandError(`"${code}" is not a Kemendagri kab/kota or province code. Nearest:\n${near}`);
  }
  const refusal = tenantCodeRefusal(region);
  if (refusal) throw new CommandError(`"${code}": ${refusal}`);
  const registry = loadRegistry({ dir: options.dir });
  if (!registry.platform) throw new CommandError(registry.problems.map(formatProblem).join("\n"));
  const existing = readdirSync(options.dir).find((f) => f.startsWith(`${code}-`));
  if (existing) throw new CommandError(`${code} is already a tenant: ${join(options.dir, existing)}`);

  const hubs = registry.platform.hubs;
  const hub = options.hub
    ? hubs.find((h) => h.id === options.hub)
    : suggestHub(registry, region.province.code);
  if (!hub) {
    throw new CommandError(
      options.hub
        ? `--hub "${options.hub}": unknown hub; hubs in platform.yaml: ${hubs.map((h) => h.id).join(", ")}`
        : "every hub is full: declare a new hub in platform.yaml or raise a hub's quotas",
    );
  }
  const file = join(options.dir, `${code}-${slugOf(region.officialName)}.yaml`);
  if (existsSync(file)) throw new CommandError(`${file} exists already`);
  writeFileSync(file, scaffoldTenant(region, hub.id));
  console.log(`created ${file} (${displayName(region.officialName)}, hub ${hub.id})`);
  console.log(`replace the ${PLACEHOLDER_MARK} placeholders, then run: siaga112 tenant validate ${file}`);
}

/** A hub with room, preferring one that already serves the province, then the same time zone. */
function suggestHub(registry: Registry, provinceCode: string): Hub | undefined {
  const zone = zoneOfProvince(provinceCode).name;
  const withRoom = (registry.platform?.hubs ?? []).filter(
    (h) => registry.tenants.filter((t) => t.hub.id === h.id).length < hubCapacity(h.quotas),
  );
  const serves = (h: Hub, match: (t: Tenant) => boolean) =>
    registry.tenants.some((t) => t.hub.id === h.id && match(t));
  return (
    withRoom.find((h) => serves(h, (t) => t.province.code === provinceCode)) ??
    withRoom.find((h) => serves(h, (t) => t.zone.name === zone)) ??
    withRoom[0]
  );
}

function validateTenants(files: string[], options: { dir: string }): void {
  const registry = loadRegistry({ dir: options.dir, only: files.length > 0 ? files : undefined });
  for (const notice of registry.notices) console.log(`notice: ${formatProblem(notice)}`);
  if (registry.problems.length > 0) {
    for (const line of problemLines(registry.problems)) console.error(line);
    process.exitCode = 1;
    return;
  }
  console.log(`${registry.tenants.length} tenant(s) valid`);
  const left = placeholders(registry.tenants);
  if (left.length > 0) {
    console.log(
      `warning: ${left.length} ${PLACEHOLDER_MARK} placeholder(s) to replace before going live; a deployment refuses them (${[...new Set(left.map((p) => p.file))].join(", ")})`,
    );
  }
}

function listTenants(options: { dir: string; json?: boolean }): void {
  const registry = loadRegistry({ dir: options.dir });
  if (registry.problems.length > 0) {
    for (const problem of registry.problems) console.error(formatProblem(problem));
    process.exitCode = 1;
  }
  const rows = registry.tenants.map((t) => ({
    code: t.code,
    name: t.name,
    province: displayName(t.province.name),
    hub: t.hub.id,
    zone: t.zone.name,
    agencies: t.agencies.map((a) => a.id),
    file: t.file,
  }));
  if (options.json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  const table = [
    ["CODE", "NAME", "PROVINCE", "HUB", "ZONE", "AGENCIES"],
    ...rows.map((r) => [r.code, r.name, r.province, r.hub, r.zone, String(r.agencies.length)]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    );
}
