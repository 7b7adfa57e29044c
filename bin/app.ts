#!/usr/bin/env node
/**
 * The CDK app: reads the tenant registry and builds every stack. No credentials, no lookups.
 * Tenants folder: `SIAGA112_TENANTS` or context `siaga112:tenants` (default `tenants`).
 * `SIAGA112_NAG=0` skips cdk-nag (benchmarks only).
 */
import { App } from "aws-cdk-lib";
import { buildSiaga112 } from "../lib/siaga112-app";
import { requireRegistry } from "../registry/load-registry";

const app = new App();
const dir = process.env.SIAGA112_TENANTS ?? app.node.tryGetContext("siaga112:tenants") ?? "tenants";
const { platform, tenants } = requireRegistry({ dir, promptsDir: "prompts" });
buildSiaga112(app, { platform, tenants, nag: process.env.SIAGA112_NAG !== "0" });
app.synth();
