import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { editFile, scratchTenants } from "../support/scratch-tenants";

/** Runs the CDK app the way `npx cdk synth` does (a child process), with another tenants folder. */
function synthApp(tenantsDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "bin/app.ts"], {
    encoding: "utf8",
    env: {
      ...process.env,
      SIAGA112_TENANTS: tenantsDir,
      CDK_OUTDIR: mkdtempSync(join(tmpdir(), "siaga112-app-")),
      ...env,
    },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("bin/app.ts (npx cdk synth)", () => {
  it("prints a bad tenant file's problems as tenant validate does, and exits 1 without a stack trace", () => {
    const dir = scratchTenants(["71.71-kota-manado.yaml"]);
    const file = join(dir, "71.71-kota-manado.yaml");
    editFile(file, (text) =>
      text.replace("hub: timur-1", "hub: timur-9").replace('"+62431000112"', '"0431-000"'),
    );
    const { code, err } = synthApp(dir);
    expect(code).toBe(1);
    const shown = relative(process.cwd(), file);
    expect(err.trim().split("\n")).toEqual([
      `${shown}: phone.overflow "0431-000": not a phone number in use: wrong number of digits or an unknown area/operator code (e.g. 0812-3456-7890 or +6281234567890)`,
      `${shown}: hub "timur-9": unknown hub (did you mean "timur-1"?); hubs declared in platform.yaml: jawa-1, timur-1`,
      "2 problem(s) found",
    ]);
    expect(err).not.toMatch(/RegistryError|\n\s+at /);
  });

  it("refuses to synthesize tenants that still have CONTOH placeholders, listing them", () => {
    const { code, err } = synthApp(scratchTenants(["71.71-kota-manado.yaml"]));
    expect(code).toBe(1);
    const lines = err.trim().split("\n");
    expect(lines[0]).toMatch(
      /71\.71-kota-manado\.yaml: agencies\[0\]\.contacts\[0\]\.name "CONTOH Piket SPKT": placeholder contact: give the agency's real duty contact/,
    );
    expect(lines.at(-2)).toMatch(
      /^\d+ placeholder\(s\) from `siaga112 tenant add` still in the tenant files/,
    );
    expect(lines.at(-1)).toBe(
      "To synthesize anyway for a look at the templates (never to deploy): SIAGA112_ALLOW_PLACEHOLDERS=1 npx cdk synth",
    );
    expect(err).not.toMatch(/\n\s+at /);
  });
});
