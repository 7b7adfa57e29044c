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
 * - Exits 1 when a stack is over CloudFormation's resource or template-size limits.
 */
import { App } from "aws-cdk-lib";
import { deployLimitProblems } from "../lib/deploy-limits";
import { buildSiaga112, siaga112AppProps, stackOwners } from "../lib/siaga112-app";
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
  const stacks = buildSiaga112(app, {
    platform: registry.platform,
    tenants: registry.tenants,
    nag: process.env.SIAGA112_NAG !== "0",
  });
  // Stacks over CloudFormation's limits fail here, not halfway through a deploy (lib/deploy-limits.ts).
  const problems = deployLimitProblems(app.synth().stacks, stackOwners(stacks));
  if (problems.length > 0) {
    console.error(
      `The synthesized stacks are over AWS limits:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    process.exitCode = 1;
  }
} else {
  for (const line of registry.report) console.error(line);
  process.exitCode = 1;
}
