/**
 * Synthesizes the app for the example tenants (tenants/) with stand-in handlers, so infrastructure
 * tests do not depend on the state of the real functions. Each test file gets its own output folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { FUNCTIONS } from "../../lambdas/manifest";
import { buildSiaga112, type Siaga112Stacks, siaga112AppProps } from "../../lib/siaga112-app";
import { requireRegistry } from "../../registry/load-registry";

/** A folder with a trivial `handler.ts` for every function of the manifest. */
export function standInLambdas(root = mkdtempSync(join(tmpdir(), "siaga112-lambdas-"))): string {
  for (const { name } of FUNCTIONS) {
    mkdirSync(join(root, name), { recursive: true });
    writeFileSync(
      join(root, name, "handler.ts"),
      `export const handler = async () => ({ function: ${JSON.stringify(name)} });\n`,
    );
  }
  return root;
}

export interface ExampleApp {
  readonly app: App;
  readonly stacks: Siaga112Stacks;
  readonly assembly: CloudAssembly;
  readonly outdir: string;
}

/**
 * @example
 * const { assembly } = synthExampleApp();
 */
export function synthExampleApp(options: { nag?: boolean; tenantsDir?: string } = {}): ExampleApp {
  const work = mkdtempSync(join(tmpdir(), "siaga112-synth-"));
  const outdir = join(work, "cdk.out");
  const app = new App(siaga112AppProps({ outdir }));
  const { platform, tenants } = requireRegistry({
    dir: options.tenantsDir ?? "tenants",
    promptsDir: "prompts",
  });
  const stacks = buildSiaga112(app, {
    platform,
    tenants,
    nag: options.nag ?? false,
    lambdasDir: standInLambdas(join(work, "lambdas")),
    bundlesDir: join(work, "bundles"),
  });
  const assembly = app.synth();
  return { app, stacks, assembly, outdir };
}
