import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { siaga112 } from "../support/run-cli";
import { editFile, scratchTenants } from "../support/scratch-tenants";

/** A path as the CLI prints it: relative to the working directory. */
const shown = (path: string) => relative(process.cwd(), path);

const copyOfExamples = () => scratchTenants();

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
    expect(out).toContain("CONTOH placeholder(s) to replace before going live; a deployment refuses them");
  });

  it("accepts numbers typed the Indonesian way and says how it stored them", async () => {
    const dir = copyOfExamples();
    const file = join(dir, "71.71-kota-manado.yaml");
    editFile(file, (text) => text.replace('"+62431000112"', '"0813-4011-7002"'));
    const { out, code } = await siaga112("tenant", "validate", "--dir", dir, file);
    expect(code).toBe(0);
    expect(out).toContain(`notice: ${shown(file)}: phone.overflow "0813-4011-7002": read as +6281340117002`);
    expect(out).toContain("1 tenant(s) valid");
  });

  it("lists schema and routing problems of every file in one run", async () => {
    const dir = copyOfExamples();
    const manado = join(dir, "71.71-kota-manado.yaml");
    editFile(manado, (text) =>
      text
        .replace("staffedHours:", "stafedHours:")
        .replace("callHandling:", "routing: { fire: [pemadam], medical: [psc-119] }\ncallHandling:"),
    );
    const surabaya = join(dir, "35.78-kota-surabaya.yaml");
    editFile(surabaya, (text) => text.replace(/^hub: .*$/m, ""));
    const { err, code } = await siaga112("tenant", "validate", "--dir", dir);
    expect(code).toBe(1);
    expect(err.split("\n")).toEqual([
      `${shown(surabaya)}: hub: missing (hub id as text)`,
      `${shown(manado)}: callHandling.stafedHours: unknown key (did you mean "staffedHours"?); accepted keys: staffedHours, categoryMenu, promptSet, maxQueueWaitSeconds, queueCapacity`,
      `${shown(manado)}: routing.medical[0] "psc-119": unknown agency (did you mean "psc119"?); agencies of this tenant: polresta, damkar, psc119, bpbd, basarnas, pln, satpolpp`,
      `${shown(manado)}: routing.fire[0] "pemadam": unknown agency; agencies of this tenant: polresta, damkar, psc119, bpbd, basarnas, pln, satpolpp`,
      "4 problem(s) found",
    ]);
  });

  it("exits 1 listing every problem of the named file", async () => {
    const dir = copyOfExamples();
    const file = join(dir, "71.71-kota-manado.yaml");
    editFile(file, (text) =>
      text.replace("hub: timur-1", "hub: timur-9").replace('"+62431000112"', '"0431-000"'),
    );
    const { err, code } = await siaga112("tenant", "validate", "--dir", dir, file);
    expect(code).toBe(1);
    expect(err).toContain('phone.overflow "0431-000": not a phone number in use');
    expect(err).toContain(
      'hub "timur-9": unknown hub (did you mean "timur-1"?); hubs declared in platform.yaml: jawa-1, timur-1',
    );
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

  it("refuses up front a code that cannot be a tenant, saying why", async () => {
    const dir = copyOfExamples();
    expect(await siaga112("tenant", "add", "31.71", "--dir", dir)).toMatchObject({
      code: 1,
      err: '"31.71": Kota Administrasi Jakarta Pusat is an administrative city of DKI Jakarta, which runs one province-level tenant: use code "31"',
    });
    expect((await siaga112("tenant", "add", "71", "--dir", dir)).err).toBe(
      '"71": Sulawesi Utara is a province; 112 centres are run by each kab/kota (only provinces whose cities are administrative, like DKI Jakarta "31", run one)',
    );
    expect(readdirSync(dir).filter((f) => f.startsWith("31.71") || f.startsWith("71-"))).toEqual([]);
  });

  it("suggests the codes of the same province first", async () => {
    const { err } = await siaga112("tenant", "add", "71.99", "--dir", copyOfExamples());
    expect(err).toBe(
      '"71.99" is not a Kemendagri kab/kota or province code. Nearest:\n  71.09  Kabupaten Kepulauan Siau Tagulandang Biaro\n  71.01  Kabupaten Bolaang Mongondow\n  71.02  Kabupaten Minahasa',
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
      ["remove", true],
    ]);
    expect(tenant.commands.find((c) => c.name() === "list")!.helpInformation()).toContain("--json");
  });
});
