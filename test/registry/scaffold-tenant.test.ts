import { load } from "js-yaml";
import { generateRegistry } from "../../registry/generated-registry";
import { validateRegistry } from "../../registry/load-registry";
import { officialRegions } from "../../registry/official-regions";
import { formatProblem } from "../../registry/problem";
import { PLACEHOLDER_MARK, scaffoldTenant } from "../../registry/scaffold-tenant";

describe("scaffoldTenant", () => {
  it("writes the official name, province and zone, and placeholders marked as such", () => {
    const text = scaffoldTenant(officialRegions().byCode.get("71.72")!, "timur-1");
    expect(text).toContain("# Kota Bitung (KOTA BITUNG), Provinsi Sulawesi Utara");
    expect(text).toContain("# Time zone: WITA (Asia/Makassar, UTC+8), from the province.");
    const file = load(text) as { code: string; agencies: { contacts: { name: string }[] }[] };
    expect(file.code).toBe("71.72");
    for (const agency of file.agencies) {
      for (const contact of agency.contacts) expect(contact.name.startsWith(PLACEHOLDER_MARK)).toBe(true);
    }
  });

  it("gives every kab/kota of the official list a file that validates (all 514, one registry)", () => {
    const generated = generateRegistry(514);
    const registry = validateRegistry(generated.platform, generated.tenants, { promptSets: ["default"] });
    expect(registry.problems.map(formatProblem)).toEqual([]);
    // Jakarta's six administrative kab/kota are one province-level tenant.
    expect(registry.tenants).toHaveLength(509);
    expect(registry.tenants.map((t) => t.code)).toContain("31");
  });
});
