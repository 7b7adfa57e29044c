import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { Tenant } from "../../domain/tenant";
import { toRuntimeConfig } from "../../domain/tenant-runtime";
import { FUNCTIONS } from "../../lambdas/manifest";
import { ENV } from "../../lambdas/shared/environment";
import {
  checkEnvironmentSize,
  deployLimitProblems,
  environmentBytes,
  LAMBDA_ENVIRONMENT_LIMIT_BYTES,
} from "../../lib/deploy-limits";
import { TenantDataStack } from "../../lib/stacks/tenant-data-stack";
import { requireRegistry } from "../../registry/load-registry";

const { platform, tenants } = requireRegistry({ dir: "tenants" });
const manado = tenants.find((t) => t.code === "71.71") as Tenant;

/** Manado with 13 agencies under their full official names (Bontang links 13 agencies). */
function longNamedTenant(): Tenant {
  const names = [
    "Dinas Pemadam Kebakaran dan Penyelamatan Kota Manado Provinsi Sulawesi Utara",
    "Kepolisian Resor Kota Manado Satuan Samapta Bhayangkara Sentra Pelayanan Kepolisian Terpadu",
    "Pusat Pelayanan Keselamatan Terpadu Public Safety Center 119 Dinas Kesehatan Kota Manado",
    "Badan Penanggulangan Bencana Daerah Kota Manado Pusat Pengendalian Operasi",
  ];
  const base = manado.agencies[0];
  const agencies = Array.from({ length: 13 }, (_, i) => ({
    ...base,
    id: `instansi-${i + 1}`,
    name: `${names[i % names.length]} (${i + 1})`,
    contacts: [...base.contacts, { id: "cadangan", name: "CONTOH Cadangan", sms: [], email: [] }],
  }));
  const ids = agencies.map((a) => a.id);
  const routing = Object.fromEntries(Object.keys(manado.routing).map((c) => [c, ids.slice(0, 5)]));
  return { ...manado, agencies, routing } as unknown as Tenant;
}

describe("Lambda's 4 KB environment", () => {
  it("counts names and values in UTF-8, and an unresolved token as 128 bytes", () => {
    expect(environmentBytes({ TABLE: "siaga112-71-71-incidents" })).toBe(29);
    const stack = new Stack(new App(), "S");
    expect(
      environmentBytes({ ARN: stack.formatArn({ service: "sns", resource: "t" }) }),
    ).toBeGreaterThanOrEqual(3 + 128);
  });

  it("a realistic long-name tenant's configuration alone is over 4 KB (why it is not in the environment)", () => {
    const json = JSON.stringify(toRuntimeConfig(longNamedTenant()));
    expect(Buffer.byteLength(json)).toBeGreaterThan(LAMBDA_ENVIRONMENT_LIMIT_BYTES);
    expect(() =>
      checkEnvironmentSize(
        "siaga112-71-71-escalation-relay",
        { [ENV.tenant]: json, [ENV.tableName]: "siaga112-71-71-incidents" },
        "tenant 71.71 (tenants/71.71-kota-manado.yaml)",
      ),
    ).toThrow(
      /^tenant 71\.71 \(tenants\/71\.71-kota-manado\.yaml\): function siaga112-71-71-escalation-relay: environment is \d+ bytes, over Lambda's 4096-byte limit for all variables together \(largest: SIAGA112_TENANT \d+ bytes/,
    );
  });

  it("the long-name tenant's data stack synthesizes: the configuration travels in a layer, every environment stays small", () => {
    const bundleRoot = mkdtempSync(join(tmpdir(), "siaga112-bundles-"));
    const dirs = new Map(
      FUNCTIONS.map((f) => {
        const dir = join(bundleRoot, f.name);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "index.mjs"), "export const handler = async () => ({});\n");
        return [f.name, dir] as const;
      }),
    );
    const tenant = longNamedTenant();
    const stack = new TenantDataStack(new App(), "data", {
      tenant,
      platform,
      bundles: { dirs, missing: [] },
    });
    const functions = Object.values(Template.fromStack(stack).findResources("AWS::Lambda::Function")).filter(
      (f) => String(f.Properties.FunctionName).startsWith("siaga112-71-71-"),
    );
    expect(functions.map((f) => f.Properties.FunctionName)).toContain("siaga112-71-71-escalation-relay");
    for (const fn of functions) {
      const variables: Record<string, unknown> = fn.Properties.Environment.Variables;
      // An intrinsic (Ref, GetAtt, Join) is counted as 128 bytes, as at synth.
      const plain = Object.fromEntries(
        Object.entries(variables).map(([k, v]) => [k, typeof v === "string" ? v : "x".repeat(128)]),
      );
      expect(environmentBytes(plain)).toBeLessThan(LAMBDA_ENVIRONMENT_LIMIT_BYTES / 2);
      expect(plain[ENV.tenant]).toBeUndefined();
      expect(plain[ENV.tenantFile]).toBe("/opt/siaga112/tenant.json");
      expect(fn.Properties.Layers).toHaveLength(1);
    }
  });
});

describe("CloudFormation's stack limits", () => {
  const dir = mkdtempSync(join(tmpdir(), "siaga112-templates-"));
  const synthesized = (stackName: string, resources: number, bytes: number) => {
    const templateFullPath = join(dir, `${stackName}.template.json`);
    writeFileSync(templateFullPath, " ".repeat(bytes));
    const Resources = Object.fromEntries(Array.from({ length: resources }, (_, i) => [`R${i}`, {}]));
    return { stackName, template: { Resources }, templateFullPath };
  };
  const owners = (name: string) =>
    name.includes("71-71") ? "tenant 71.71 (tenants/71.71-kota-manado.yaml)" : name;

  it("passes stacks within the limits", () => {
    expect(deployLimitProblems([synthesized("siaga112-71-71-data", 120, 200_000)], owners)).toEqual([]);
  });

  it("fails a stack near 500 resources, naming the tenant, the stack and the count", () => {
    expect(deployLimitProblems([synthesized("siaga112-71-71-data", 451, 1000)], owners)).toEqual([
      "tenant 71.71 (tenants/71.71-kota-manado.yaml): stack siaga112-71-71-data has 451 resources, over the budget of 450 (CloudFormation refuses more than 500 per stack)",
    ]);
  });

  it("fails a template over 1 MB (the limit for a template uploaded to S3)", () => {
    expect(deployLimitProblems([synthesized("siaga112-71-71-call", 10, 1_048_577)], owners)).toEqual([
      "tenant 71.71 (tenants/71.71-kota-manado.yaml): stack siaga112-71-71-call template is 1048577 bytes, over CloudFormation's 1048576-byte limit for a template in S3",
    ]);
  });
});
