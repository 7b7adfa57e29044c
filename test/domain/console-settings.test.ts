import { consoleDirectory, consolePageSettings } from "../../domain/console-settings";
import { requireRegistry } from "../../registry/load-registry";

const { tenants } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });
const manado = tenants.find((t) => t.code === "71.71")!;

describe("the console's settings of a tenant", () => {
  it("names the tenant, its zone, its menu and its agencies without their contacts", () => {
    const { tenant } = consolePageSettings(manado);
    expect({ ...tenant, agencies: tenant.agencies.slice(0, 1) }).toEqual({
      code: "71.71",
      name: "Kota Manado",
      province: { code: "71", name: manado.province.name },
      zone: "WITA",
      timeZone: "Asia/Makassar",
      categoryMenu: manado.callHandling.categoryMenu,
      agencies: [
        { id: manado.agencies[0]!.id, kind: manado.agencies[0]!.kind, name: manado.agencies[0]!.name },
      ],
    });
    expect(tenant.agencies.map((a) => a.id)).toEqual(manado.agencies.map((a) => a.id));
    // Contacts (numbers, e-mail addresses) stay in the data Region: never in a file any browser reads.
    const text = JSON.stringify(consolePageSettings(manado));
    for (const agency of manado.agencies)
      for (const contact of agency.contacts)
        for (const number of contact.sms) expect(text).not.toContain(number);
  });

  it("carries the Indonesian labels of every code the API answers with, and what each role may do", () => {
    const { labels, roleActs } = consolePageSettings(manado);
    expect(labels.states.acknowledged).toBe("dikonfirmasi instansi");
    expect(labels.locationOutcomes.denied).toBe("izin lokasi ditolak penelepon");
    expect(roleActs["read-only"]).not.toContain("handle");
  });

  it("lists several tenants for the local centre, each exactly as its own settings file would", () => {
    const directory = consoleDirectory(tenants);
    expect(directory.tenants).toEqual(tenants.map((t) => consolePageSettings(t).tenant));
    expect(directory.labels).toEqual(consolePageSettings(manado).labels);
    expect(directory.roleActs).toEqual(consolePageSettings(manado).roleActs);
  });
});
