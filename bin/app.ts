#!/usr/bin/env node
/**
 * The CDK app: reads the tenant registry and builds every stack. No credentials, no lookups.
 * - Tenants folder: `SIAGA112_TENANTS` or context `siaga112:tenants` (default `tenants`).
 * - `SIAGA112_NAG=0` skips the cdk-nag AwsSolutions pass (on by default: findings fail the synth).
 * - `SIAGA112_CFN_VALIDATION=1` adds aws-cdk-lib's built-in template validation (the tests run it;
 *   it roughly doubles the synth time of a national-size registry).
 */
import { App } from "aws-cdk-lib";
import { buildSiaga112, siaga112AppProps } from "../lib/siaga112-app";
import { requireRegistry } from "../registry/load-registry";

const app = new App(
  siaga112AppProps({ builtinCloudFormationValidation: process.env.SIAGA112_CFN_VALIDATION === "1" }),
);
const dir = process.env.SIAGA112_TENANTS ?? app.node.tryGetContext("siaga112:tenants") ?? "tenants";
const { platform, tenants } = requireRegistry({ dir, promptsDir: "prompts" });
buildSiaga112(app, { platform, tenants, nag: process.env.SIAGA112_NAG !== "0" });
app.synth();
