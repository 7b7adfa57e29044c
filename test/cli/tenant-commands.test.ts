import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { siaga112 } from "../support/run-cli";

function copyOfExamples(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "siaga112-cli-")), "tenants");
  cpSync("tenants", dir, { recursive: true });
  return dir;
}

describe("siaga112 tenant list", () => {
  it("prints code, name, province, hub, zone and agencies", async () => {
    const { out, code } = await siaga112("tenant", "list");
    expect(code).toBe(0);
    expect(out.split("\n")).toEqual([
      "CODE   NAME           PROVINCE        HUB      ZONE  AGENCIES",
      "31     DKI Jakarta    DKI Jakarta     jawa-1   WIB   8",
      "35.78  Kota Surabaya  Jawa Timur      jawa-1   WIB   8",
      "71.71  Kota Manado    Sulawesi Utara  timur-1  WITA  7",
    ]);
  });

  it("prints JSON with --json", async () => {
    const { out } = await siaga112("tenant", "list", "--json");
    const rows = JSON.parse(out);
    expect(rows[2]).toMatchObject({
      code: "71.71",
      hub: "timur-1",
      zone: "WITA",
      province: "Sulawesi Utara",
    });
    expect(rows[2].agencies).toContain("damkar");
  });
});

describe("siaga112 tenant validate", () => {
  it("passes the examples, warning about placeholder contacts", async () => {
    const { out, code } = await siaga112("tenant", "validate");
    expect(code).toBe(0);
    expect(out).toContain("3 tenant(s) valid");
    expect(out).toContain("CONTOH placeholder contact(s) to replace before going live");
  });

  it("exits 1 listing every problem of the named file", async () => {
    const dir = copyOfExamples();
    const file = join(dir, "71.71-kota-manado.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("hub: timur-1", "hub: timur-9")
        .replace('"+62431000112"', '"0431-000"'),
    );
    const { err, code } = await siaga112("tenant", "validate", "--dir", dir, file);
    expect(code).toBe(1);
    expect(err).toContain('phone.overflow "0431-000": not an E.164 number (e.g. +6281234567890)');
    expect(err).toContain('hub "timur-9": unknown hub; hubs declared in platform.yaml: jawa-1, timur-1');
    expect(err).toContain("2 problem(s) found");
  });
});

describe("siaga112 tenant add", () => {
  it("scaffolds a file that validates, in a hub already serving the province", async () => {
    const dir = copyOfExamples();
    const { out, code } = await siaga112("tenant", "add", "71.72", "--dir", dir);
    expect(code).toBe(0);
    expect(out).toContain("(Kota Bitung, hub timur-1)");
    expect(existsSync(join(dir, "71.72-kota-bitung.yaml"))).toBe(true);
    const validated = await siaga112("tenant", "validate", "--dir", dir);
    expect(validated.out).toContain("4 tenant(s) valid");
  });

  it("suggests the nearest codes for an unknown code", async () => {
    const { err, code } = await siaga112("tenant", "add", "71.7l", "--dir", copyOfExamples());
    expect(code).toBe(1);
    expect(err).toBe(
      '"71.7l" is not a Kemendagri kab/kota or province code. Nearest:\n  71.71  Kota Manado\n  71.72  Kota Bitung\n  71.73  Kota Tomohon',
    );
  });

  it("refuses a code that is already a tenant, and an unknown hub", async () => {
    const dir = copyOfExamples();
    expect((await siaga112("tenant", "add", "71.71", "--dir", dir)).err).toContain(
      "71.71 is already a tenant",
    );
    expect((await siaga112("tenant", "add", "71.72", "--hub", "bali", "--dir", dir)).err).toBe(
      '--hub "bali": unknown hub; hubs in platform.yaml: jawa-1, timur-1',
    );
  });
});

describe("--help", () => {
  it("describes every tenant command", async () => {
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const { buildProgram } = await import("../../cli/main");
    const tenant = buildProgram().commands.find((c) => c.name() === "tenant")!;
    write.mockRestore();
    expect(tenant.commands.map((c) => [c.name(), c.description().length > 10])).toEqual([
      ["add", true],
      ["validate", true],
      ["list", true],
    ]);
    expect(tenant.commands.find((c) => c.name() === "list")!.helpInformation()).toContain("--json");
  });
});
