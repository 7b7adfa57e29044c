/**
 * The whole app for the example tenants: stack names, environments, size, shared Lambda assets and
 * a synth that needs no AWS account.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CloudFormationStackArtifact } from "aws-cdk-lib/cx-api";
import { FUNCTIONS } from "../../lambdas/manifest";
import { deployLimitProblems } from "../../lib/deploy-limits";
import { stackOwners } from "../../lib/siaga112-app";
import { writeGeneratedRegistry } from "../../registry/generated-registry";
import { synthExampleApp } from "../support/example-app";

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

function lambdaCodeKeys(stacks: readonly CloudFormationStackArtifact[]): Map<string, Set<string>> {
  const keysByFunction = new Map<string, Set<string>>();
  for (const stack of stacks) {
    for (const resource of Object.values((stack.template as Template).Resources)) {
      if (resource.Type !== "AWS::Lambda::Function") continue;
      const name = String(resource.Properties?.FunctionName ?? "");
      const fn = FUNCTIONS.find((f) => name.endsWith(`-${f.name}`));
      if (!fn) continue; // aws-cdk-lib's own providers (custom resources, bucket deployment)
      const code = resource.Properties?.Code as { S3Key: string };
      const keys = keysByFunction.get(fn.name) ?? new Set<string>();
      keys.add(code.S3Key);
      keysByFunction.set(fn.name, keys);
    }
  }
  return keysByFunction;
}

describe("the siaga112 app for the example tenants", () => {
  const { assembly, stacks } = synthExampleApp();
  const byName = new Map(assembly.stacks.map((s) => [s.stackName, s]));

  it("names stacks so they can be guessed from the tenant code", () => {
    expect([...byName.keys()].sort()).toEqual(
      [
        "siaga112-hub-jawa-1",
        "siaga112-hub-timur-1",
        "siaga112-31-data",
        "siaga112-31-call",
        "siaga112-35-78-data",
        "siaga112-35-78-call",
        "siaga112-71-71-data",
        "siaga112-71-71-call",
        "siaga112-national",
        "siaga112-console",
      ].sort(),
    );
  });

  it("gives every stack an explicit account and Region: data in Jakarta, calls in the hub's Region", () => {
    for (const stack of assembly.stacks) {
      expect(stack.environment.account).toBe("111111111111");
      const expected =
        stack.stackName.endsWith("-call") || stack.stackName.includes("-hub-")
          ? "ap-southeast-1"
          : "ap-southeast-3";
      expect([stack.stackName, stack.environment.region]).toEqual([stack.stackName, expected]);
    }
  });

  it("needs no context lookups (synth works without credentials)", () => {
    expect(assembly.manifest.missing ?? []).toEqual([]);
  });

  it("keeps each stack well under the 500-resource CloudFormation limit", () => {
    for (const stack of assembly.stacks) {
      const count = Object.keys((stack.template as Template).Resources).length;
      expect([stack.stackName, count < 250]).toEqual([stack.stackName, true]);
    }
  });

  it("passes the deploy-limit check bin/app.ts runs after the synth (resources, template size)", () => {
    expect(deployLimitProblems(assembly.stacks, stackOwners(stacks))).toEqual([]);
    const owner = stackOwners(stacks);
    expect(owner("siaga112-71-71-call")).toBe("tenant 71.71 (tenants/71.71-kota-manado.yaml)");
    expect(owner("siaga112-hub-jawa-1")).toBe("hub jawa-1");
    expect(owner("siaga112-national")).toBe("national");
  });

  it("keeps every function's environment within Lambda's 4 KB limit", () => {
    for (const stack of assembly.stacks) {
      for (const resource of Object.values((stack.template as Template).Resources)) {
        if (resource.Type !== "AWS::Lambda::Function") continue;
        const variables =
          (resource.Properties?.Environment as { Variables?: object } | undefined)?.Variables ?? {};
        const size = JSON.stringify(variables).length;
        expect([resource.Properties?.FunctionName, size < 4096]).toEqual([
          resource.Properties?.FunctionName,
          true,
        ]);
      }
    }
  });

  it("deploys every function from one shared asset, whatever the number of tenants", () => {
    const keys = lambdaCodeKeys(assembly.stacks);
    expect([...keys.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const [name, set] of keys) expect([name, set.size]).toEqual([name, 1]);
  });

  it("still has one asset per function with ten generated tenants", () => {
    const dir = writeGeneratedRegistry(join(mkdtempSync(join(tmpdir(), "siaga112-reg-")), "tenants"), 10);
    const ten = synthExampleApp({ tenantsDir: dir });
    const keys = lambdaCodeKeys(ten.assembly.stacks);
    expect(ten.stacks.data.size).toBe(10);
    expect([...keys.values()].map((s) => s.size)).toEqual(FUNCTIONS.map(() => 1));
    const distinct = new Set([...keys.values()].flatMap((s) => [...s]));
    expect(distinct.size).toBe(FUNCTIONS.length);
  });

  it("leaves every other city's, hub's and the national templates unchanged when a city is added", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "siaga112-without-")), "tenants");
    mkdirSync(dir);
    for (const file of readdirSync("tenants")) {
      if (!file.startsWith("35.78-")) copyFileSync(join("tenants", file), join(dir, file));
    }
    const without = synthExampleApp({ tenantsDir: dir });
    const unchanged = [
      "siaga112-hub-jawa-1",
      "siaga112-hub-timur-1",
      "siaga112-31-data",
      "siaga112-31-call",
      "siaga112-71-71-data",
      "siaga112-71-71-call",
      "siaga112-national",
      "siaga112-console",
    ];
    for (const name of unchanged) {
      expect([name, without.assembly.getStackByName(name).template]).toEqual([
        name,
        byName.get(name)!.template,
      ]);
    }
  });

  it("makes each tenant's call stack depend only on its own hub, so one city deploys alone", () => {
    const deps = (name: string) =>
      byName
        .get(name)!
        .dependencies.map((d) => d.id)
        .filter((id) => id.startsWith("siaga112") && !id.endsWith(".assets"));
    expect(deps("siaga112-71-71-call")).toEqual(["siaga112-hub-timur-1"]);
    expect(deps("siaga112-35-78-call")).toEqual(["siaga112-hub-jawa-1"]);
    expect(deps("siaga112-71-71-data")).toEqual([]);
  });

  it("leaves hubs and cities out until platform.yaml names the console site they sign in to", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "siaga112-no-console-")), "tenants");
    mkdirSync(dir);
    for (const file of readdirSync("tenants")) copyFileSync(join("tenants", file), join(dir, file));
    const platform = join(dir, "platform.yaml");
    writeFileSync(platform, readFileSync(platform, "utf8").replace(/^console:\n.*\n/m, ""));
    const first = synthExampleApp({ tenantsDir: dir });
    expect(first.assembly.stacks.map((s) => s.stackName).sort()).toEqual([
      "siaga112-console",
      "siaga112-national",
    ]);
    expect(JSON.stringify(first.assembly.getStackByName("siaga112-console").messages)).toContain(
      "tenants/platform.yaml has no console.url",
    );
  });
});
