/**
 * A tenant's runtime configuration as a Lambda layer: `/opt/siaga112/tenant.json`, the JSON of
 * `toRuntimeConfig(tenant)` (no contact numbers or addresses). Not in an environment variable: a
 * realistic tenant's configuration alone is over Lambda's 4 KB limit for all variables together
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). Not in the function
 * bundle either: every tenant stack shares one bundle per function. Layers are extracted to /opt
 * before the function starts (https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html), so
 * the cold start reads a local file, as fast as an environment variable.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import { type Tenant, tenantId } from "../domain/tenant";
import { toRuntimeConfig } from "../domain/tenant-runtime";
import { FUNCTION_RUNTIME } from "./siaga-function";

/** Where the functions find the file (`SIAGA112_TENANT_FILE`). */
export const TENANT_CONFIG_FILE = "/opt/siaga112/tenant.json";

export interface TenantConfigLayerProps {
  readonly tenant: Tenant;
  /** Folder the layer's content is written to before packaging. @default "dist/tenant-config" */
  readonly dir?: string;
}

/**
 * @example
 * const config = new TenantConfigLayer(this, "Config", { tenant });
 * new lambda.Function(this, "F", { ..., layers: [config.layer], environment: { SIAGA112_TENANT_FILE: TENANT_CONFIG_FILE } });
 */
export class TenantConfigLayer extends Construct {
  readonly layer: lambda.LayerVersion;
  /** Bytes of the JSON file. */
  readonly bytes: number;

  constructor(scope: Construct, id: string, props: TenantConfigLayerProps) {
    super(scope, id);
    const root = join(props.dir ?? join("dist", "tenant-config"), tenantId(props.tenant));
    const folder = join(root, "siaga112");
    mkdirSync(folder, { recursive: true });
    const json = JSON.stringify(toRuntimeConfig(props.tenant));
    this.bytes = Buffer.byteLength(json);
    // Written then renamed: parallel synths of the same tenant never see half a file.
    const temporary = join(folder, `tenant.json.${process.pid}.tmp`);
    writeFileSync(temporary, json);
    renameSync(temporary, join(folder, "tenant.json"));
    this.layer = new lambda.LayerVersion(this, "Layer", {
      code: lambda.Code.fromAsset(root),
      compatibleRuntimes: [FUNCTION_RUNTIME],
      compatibleArchitectures: [lambda.Architecture.ARM_64],
      description: `siaga112 ${props.tenant.code}: runtime configuration (agencies, routing, zone; no contact details)`,
    });
  }
}
