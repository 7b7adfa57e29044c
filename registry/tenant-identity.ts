/**
 * Who a tenant file says it is: its Kemendagri code against the official list and the file name,
 * and its hub against platform.yaml. `tenant add` asks the same question before writing a file.
 */
import type { Platform } from "../domain/tenant";
import { didYouMean } from "./did-you-mean";
import { displayName, nearestRegions, type OfficialRegion, officialRegions } from "./official-regions";
import type { Problem } from "./problem";

/**
 * Why an official region cannot be a tenant, or `undefined` when it can: Jakarta's administrative
 * cities are covered by the province-level tenant "31", and other provinces run no centre.
 *
 * @example
 * tenantCodeRefusal(officialRegions().byCode.get("31.71")!)
 * // 'Kota Administrasi Jakarta Pusat is an administrative city of DKI Jakarta, which runs one province-level tenant: use code "31"'
 */
export function tenantCodeRefusal(region: OfficialRegion): string | undefined {
  if (region.administrative)
    return `${displayName(region.officialName)} is an administrative city of ${displayName(region.province.name)}, which runs one province-level tenant: use code "${region.province.code}"`;
  if (region.level === "province" && !provinceRunsCentre(region.code))
    return `${displayName(region.officialName)} is a province; 112 centres are run by each kab/kota (only provinces whose cities are administrative, like DKI Jakarta "31", run one)`;
  return undefined;
}

/**
 * The code against the official list and the file name, and the hub against platform.yaml.
 *
 * @example
 * checkIdentity("tenants/71.71-kota-manado.yaml", "71.71", { code: "71.71", hub: "timur-1" }, platform) // []
 */
export function checkIdentity(
  file: string,
  fileCode: string,
  identity: { readonly code?: string; readonly hub?: string },
  platform: Platform,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, value: unknown, message: string) =>
    problems.push({ file, path, value, message });
  const { code, hub } = identity;
  if (code !== undefined) {
    const region = officialRegions().byCode.get(code);
    const refusal = region && tenantCodeRefusal(region);
    if (!region) {
      const near = nearestRegions(code)
        .map((r) => `${r.code} ${displayName(r.officialName)}`)
        .join(", ");
      problem("code", code, `not a Kemendagri province or kab/kota code; nearest: ${near}`);
    } else if (refusal) problem("code", code, refusal);
    if (code !== fileCode) {
      problem(
        "code",
        code,
        `does not match the file name's code "${fileCode}"; rename the file or fix the code`,
      );
    }
  }
  if (hub !== undefined && !platform.hubs.some((h) => h.id === hub)) {
    const ids = platform.hubs.map((h) => h.id);
    problem(
      "hub",
      hub,
      `unknown hub${didYouMean(hub, ids)}; hubs declared in platform.yaml: ${ids.join(", ")}`,
    );
  }
  return problems;
}

/** A province runs its own centre only when all its kab/kota are administrative (DKI Jakarta). */
function provinceRunsCentre(provinceCode: string): boolean {
  const own = officialRegions().regencies.filter((r) => r.province.code === provinceCode);
  return own.length > 0 && own.filter((r) => r.level === "kota").every((r) => r.administrative);
}
