import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toRuntimeConfig } from "../../../domain/tenant-runtime";
import { ENV } from "../../../lambdas/shared/environment";
import { readRuntimeConfig } from "../../../lambdas/shared/runtime-config";
import { requireRegistry } from "../../../registry/load-registry";

const tenant = requireRegistry({ dir: "tenants" }).tenants.find((t) => t.code === "71.71")!;
const json = JSON.stringify(toRuntimeConfig(tenant));

describe("readRuntimeConfig", () => {
  it("reads the tenant configuration layer's file when SIAGA112_TENANT_FILE names it (deployed)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "siaga112-config-")), "tenant.json");
    writeFileSync(file, json);
    expect(readRuntimeConfig({ [ENV.tenantFile]: file }).code).toBe("71.71");
  });

  it("reads the JSON from SIAGA112_TENANT when no file is named (local centre, tests)", () => {
    expect(readRuntimeConfig({ [ENV.tenant]: json }).name).toBe("Kota Manado");
  });

  it("names a file it cannot read", () => {
    expect(() => readRuntimeConfig({ [ENV.tenantFile]: "/opt/siaga112/missing.json" })).toThrow(
      /^SIAGA112_TENANT_FILE "\/opt\/siaga112\/missing.json": cannot read it/,
    );
  });
});
