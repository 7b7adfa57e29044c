#!/usr/bin/env node
/**
 * The CDK app: reads the tenant registry and builds every stack. No credentials, no lookups.
 * - Tenants folder: `SIAGA112_TENANTS` or context `siaga112:tenants` (default `tenants`).
 * - `SIAGA112_NAG=0` skips the cdk-nag AwsSolutions pass (on by default: findings fail the synth).
 * - `SIAGA112_CFN_VALIDATION=1` adds aws-cdk-lib's built-in template validation (the tests run it;
 *   it roughly doubles the synth time of a national-size registry).
 * - A registry with problems, or with `CONTOH` placeholders left from `siaga112 tenant add`, prints
 *   them as `siaga112 tenant validate` does and exits 1 without synthesizing;
 *   `SIAGA112_ALLOW_PLACEHOLDERS=1` (or context `siaga112:allowPlaceholders=true`) keeps placeholders,
 *   to look at the templates of the examples, never to deploy them.
 */
import { App } from "aws-cdk-lib";
import { buildSiaga112, siaga112AppProps } from "../lib/siaga112-app";
import { ALLOW_PLACEHOLDERS_ENV, deployableRegistry } from "../registry/deployable-registry";

const app = new App(
  siaga112AppProps({ builtinCloudFormationValidation: process.env.SIAGA112_CFN_VALIDATION === "1" }),
);
const dir = process.env.SIAGA112_TENANTS ?? app.node.tryGetContext("siaga112:tenants") ?? "tenants";
const allowPlaceholders =
  process.env[ALLOW_PLACEHOLDERS_ENV] === "1" ||
  String(app.node.tryGetContext("siaga112:allowPlaceholders")) === "true";
const registry = deployableRegistry({ dir, promptsDir: "prompts", allowPlaceholders });
if (registry.ok) {
  buildSiaga112(app, {
    platform: registry.platform,
    tenants: registry.tenants,
    nag: process.env.SIAGA112_NAG !== "0",
  });
  app.synth();
} else {
  for (const line of registry.report) console.error(line);
  process.exitCode = 1;
}
