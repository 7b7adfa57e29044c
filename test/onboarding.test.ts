/**
 * README's "Onboarding a city", walked in a scratch copy of the registry: `tenant add`, the edit a
 * platform engineer makes, `tenant validate`, `flow verify`, `flow simulate`, and a clean synth
 * (cdk-nag on) of the new city's two stacks, through the same registry check as `npx cdk synth`.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { buildSiaga112, siaga112AppProps } from "../lib/siaga112-app";
import { deployableRegistry } from "../registry/deployable-registry";
import { standInLambdas } from "./support/example-app";
import { siaga112 } from "./support/run-cli";
import { editFile, scratchTenants } from "./support/scratch-tenants";

/** What the platform engineer types in place of the scaffold's placeholders. */
function replacePlaceholders(text: string): string {
  return text
    .replace(/name: CONTOH /g, "name: ")
    .replace(
      /numberArn: .*/,
      "numberArn: arn:aws:connect:ap-southeast-1:111111111111:phone-number/0a1b2c3d-7172-4000-8000-000000000001",
    )
    .replace("did: '+628110071720'", "did: '(0438) 860-112'")
    .replace("overflow: '+628110071721'", "overflow: '0431 860 113'")
    .replace(/'\+628120007172(\d)'/g, "'0812-1717-200$1'");
}

describe("README: onboarding a city, from tenant add to a clean synth", () => {
  // A live platform: the other city's placeholders were replaced long ago.
  const dir = scratchTenants(["71.71-kota-manado.yaml"]);
  editFile(join(dir, "71.71-kota-manado.yaml"), (text) => text.replace(/name: CONTOH /g, "name: "));
  const file = join(dir, "71.72-kota-bitung.yaml");
  const shown = relative(process.cwd(), file);

  it("1. tenant add 71.72 writes the scaffold in the hub serving the province", async () => {
    const { out, code } = await siaga112("tenant", "add", "71.72", "--dir", dir);
    expect(code).toBe(0);
    expect(out).toContain(`created ${file} (Kota Bitung, hub timur-1)`);
  });

  it("the synth refuses the scaffold's placeholders, listing them", () => {
    const checked = deployableRegistry({ dir, promptsDir: "prompts", allowPlaceholders: false });
    expect(checked.ok).toBe(false);
    const report = checked.ok ? [] : checked.report;
    expect(report.filter((l) => l.startsWith(`${shown}: phone.`))).toHaveLength(3);
    expect(report.filter((l) => l.includes("placeholder contact"))).toHaveLength(7);
  });

  it("2-3. after the edit, tenant validate passes and says how it read the typed numbers", async () => {
    editFile(file, replacePlaceholders);
    expect(readFileSync(file, "utf8")).not.toContain("CONTOH Piket");
    const { out, err, code } = await siaga112("tenant", "validate", file, "--dir", dir);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(`notice: ${shown}: phone.did "(0438) 860-112": read as +62438860112`);
    expect(out).toContain(`notice: ${shown}: phone.overflow "0431 860 113": read as +62431860113`);
    expect(out).toContain("1 tenant(s) valid");
    expect(out).not.toContain("warning:");
  });

  it("3. flow verify and flow simulate: the caller always reaches a human", async () => {
    const verify = await siaga112("flow", "verify", "--dir", dir);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/^71\.72 +Kota Bitung +worst [\d.]+ s/m);
    const simulate = await siaga112(
      "flow",
      "simulate",
      "71.72",
      "--fail",
      "intake=timeout",
      "--queue",
      "full",
      "--dir",
      dir,
    );
    expect(simulate.code).toBe(0);
    expect(simulate.out).toMatch(
      /^71\.72 Kota Bitung: answered-by-number after [\d.]+ s \(answered at \+62431860113\)/,
    );
  });

  it("4. the city's two stacks synthesize clean with cdk-nag on", () => {
    const checked = deployableRegistry({ dir, promptsDir: "prompts", allowPlaceholders: false });
    if (!checked.ok) throw new Error(checked.report.join("\n"));
    const work = mkdtempSync(join(tmpdir(), "siaga112-onboarding-"));
    const app = new App(siaga112AppProps({ outdir: join(work, "cdk.out") }));
    buildSiaga112(app, {
      platform: checked.platform,
      tenants: checked.tenants.filter((t) => t.code === "71.72"),
      nag: true,
      lambdasDir: standInLambdas(join(work, "lambdas")),
      bundlesDir: join(work, "bundles"),
    });
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual([
      "siaga112-71-72-call",
      "siaga112-71-72-data",
      "siaga112-console",
      "siaga112-hub-timur-1",
      "siaga112-national",
    ]);
    const call = Template.fromJSON(assembly.getStackByName("siaga112-71-72-call").template);
    // The number AWS Support added to the hub's instance is associated with the city's inbound flow.
    call.resourceCountIs("AWS::Connect::PhoneNumber", 0);
    const [association] = Object.values(call.findResources("Custom::PhoneNumberContactFlow"));
    expect(JSON.stringify(association)).toContain(
      String.raw`\"PhoneNumberId\":\"0a1b2c3d-7172-4000-8000-000000000001\"`,
    );
  });
});
