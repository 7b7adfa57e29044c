#!/usr/bin/env node
/**
 * The CDK app: reads the tenant registry and builds every stack. No credentials, no lookups.
 * - Tenants folder: `SIAGA112_TENANTS` or context `siaga112:tenants` (default `tenants`).
 * - `SIAGA112_NAG=0` skips the cdk-nag AwsSolutions pass (on by default: findings fail the synth).
 * - `SIAGA112_CFN_VALIDATION=1` adds aws-cdk-lib's built-in template validation (the tests run it;
 *   it roughly doubles the synth time of a national-size registry).
 * - Exits 1 when a stack is over CloudFormation's resource or template-size limits.
 */
import { App } from "aws-cdk-lib";
import { deployLimitProblems } from "../lib/deploy-limits";
import { buildSiaga112, siaga112AppProps, stackOwners } from "../lib/siaga112-app";
import { requireRegistry } from "../registry/load-registry";

const app = new App(
  siaga112AppProps({ builtinCloudFormationValidation: process.env.SIAGA112_CFN_VALIDATION === "1" }),
);
const dir = process.env.SIAGA112_TENANTS ?? app.node.tryGetContext("siaga112:tenants") ?? "tenants";
const { platform, tenants } = requireRegistry({ dir, promptsDir: "prompts" });
const stacks = buildSiaga112(app, { platform, tenants, nag: process.env.SIAGA112_NAG !== "0" });
// Stacks over CloudFormation's limits fail here, not halfway through a deploy (lib/deploy-limits.ts).
const problems = deployLimitProblems(app.synth().stacks, stackOwners(stacks));
if (problems.length > 0) {
  console.error(`The synthesized stacks are over AWS limits:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
