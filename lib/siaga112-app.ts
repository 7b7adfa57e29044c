/**
 * Builds every siaga112 stack into an app from a registry: one hub stack per hub in use, a data
 * and a call stack per tenant, and the national stack. Lambda code is bundled once for all of them
 * and each prompt set is read once.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type App, type AppProps, Validations } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { AwsSolutionsChecks } from "cdk-nag";
import { hubCapacity } from "../domain/connect-quotas";
import { stackNames } from "../domain/naming";
import type { Platform, Tenant } from "../domain/tenant";
import { loadPromptSet, type PromptSet } from "../flows/prompt-set";
import { FUNCTIONS } from "../lambdas/manifest";
import { bundleFunctions, type FunctionBundles } from "./function-bundles";
import { ConsoleStack } from "./stacks/console-stack";
import { HubStack } from "./stacks/hub-stack";
import { NationalStack } from "./stacks/national-stack";
import { TenantCallStack } from "./stacks/tenant-call-stack";
import { TenantDataStack } from "./stacks/tenant-data-stack";

export interface Siaga112AppOptions {
  readonly platform: Platform;
  readonly tenants: readonly Tenant[];
  /** Folder with one sub-folder per function. @default "lambdas" */
  readonly lambdasDir?: string;
  /** Where the bundles go. @default "dist/lambdas" */
  readonly bundlesDir?: string;
  /** Folder of prompt sets. @default "prompts" */
  readonly promptsDir?: string;
  /** The pages (`console/`, `dashboard/`, `shared/`), deployed when the folder exists. @default "web" */
  readonly webDir?: string;
  /** Run cdk-nag AwsSolutions at synth (violations fail the synth). @default true */
  readonly nag?: boolean;
}

/**
 * App settings that keep a 1,000-stack synth fast: no construct stack traces, no logical-id
 * metadata, no tree.json (nothing in deployment needs them). `builtinCloudFormationValidation`
 * stays on unless asked: the tests keep it on so schema mistakes still surface.
 *
 * @example
 * const app = new App(siaga112AppProps({ builtinCloudFormationValidation: false }));
 */
export function siaga112AppProps(overrides: AppProps = {}): AppProps {
  return {
    treeMetadata: false,
    analyticsReporting: false,
    ...overrides,
    context: {
      "aws:cdk:disable-stack-trace": true,
      "aws:cdk:disable-creation-stack-traces": true,
      "aws:cdk:disable-logicalId-metadata": true,
      "@aws-cdk/core:defaultCrossStackReferences": "strong",
      "@aws-cdk/aws-iam:minimizePolicies": true,
      ...overrides.context,
    },
  };
}

export interface Siaga112Stacks {
  readonly hubs: ReadonlyMap<string, HubStack>;
  readonly data: ReadonlyMap<string, TenantDataStack>;
  readonly call: ReadonlyMap<string, TenantCallStack>;
  readonly national: NationalStack;
  readonly console: ConsoleStack;
  readonly bundles: FunctionBundles;
}

/**
 * Who each stack belongs to, for limit errors: `tenant 71.71 (tenants/71.71-kota-manado.yaml)`,
 * `hub jawa-1`, `national`.
 *
 * @example
 * deployLimitProblems(app.synth().stacks, stackOwners(stacks))
 */
export function stackOwners(stacks: Siaga112Stacks): (stackName: string) => string {
  const owners = new Map<string, string>();
  for (const [id, hub] of stacks.hubs) owners.set(hub.stackName, `hub ${id}`);
  for (const stack of [...stacks.data.values(), ...stacks.call.values()]) {
    owners.set(stack.stackName, `tenant ${stack.tenant.code} (${stack.tenant.file})`);
  }
  owners.set(stacks.national.stackName, "national");
  return (stackName) => owners.get(stackName) ?? stackName;
}

/**
 * @example
 * const { platform, tenants } = requireRegistry({ dir: "tenants" });
 * buildSiaga112(new App(), { platform, tenants });
 */
export function buildSiaga112(app: App, options: Siaga112AppOptions): Siaga112Stacks {
  const { platform, tenants } = options;
  // The registry checks this too; a hub over its quotas would fail mid-deployment, so check again.
  for (const hub of platform.hubs) {
    const members = tenants.filter((t) => t.hub.id === hub.id).length;
    if (members > hubCapacity(hub.quotas)) {
      throw new Error(
        `hub "${hub.id}": ${members} tenants, but its Connect quotas hold ${hubCapacity(hub.quotas)} (PER_TENANT_USE in domain/connect-quotas.ts); move tenants to another hub or raise the quotas`,
      );
    }
  }
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const bundles = bundleFunctions({
    lambdasDir: options.lambdasDir ?? "lambdas",
    outDir: options.bundlesDir ?? join("dist", "lambdas"),
    names: FUNCTIONS.map((f) => f.name),
  });
  if (bundles.missing.length > 0) {
    const lambdasDir = options.lambdasDir ?? "lambdas";
    throw new Error(
      `lambdas/manifest.ts lists ${bundles.missing.join(", ")}, but ${bundles.missing.map((n) => join(lambdasDir, n, "handler.ts")).join(", ")} does not exist: every function in the manifest needs its handler`,
    );
  }
  const promptSets = new Map<string, PromptSet>();
  const promptSet = (name: string) => {
    let set = promptSets.get(name);
    if (!set) {
      set = loadPromptSet(name, options.promptsDir ?? "prompts");
      promptSets.set(name, set);
    }
    return set;
  };

  const webDir = options.webDir ?? "web";
  const pages = existsSync(webDir) ? webDir : undefined;
  const consoleStack = new ConsoleStack(app, stackNames.console(), { platform, webDir: pages });
  // Until the console site's address is known (its first deploy prints it), hubs and cities wait:
  // their sign-in returns there and their Connect instance lets it embed the phone panel.
  const consoleOrigin = platform.console?.origin;
  const hubs = new Map<string, HubStack>();
  for (const hub of platform.hubs) {
    if (!consoleOrigin || !tenants.some((t) => t.hub.id === hub.id)) continue;
    hubs.set(hub.id, new HubStack(app, stackNames.hub(hub), { hub, consoleOrigin }));
  }
  const data = new Map<string, TenantDataStack>();
  const call = new Map<string, TenantCallStack>();
  for (const tenant of consoleOrigin ? tenants : []) {
    data.set(tenant.code, new TenantDataStack(app, stackNames.data(tenant), { tenant, platform, bundles }));
    call.set(
      tenant.code,
      new TenantCallStack(app, stackNames.call(tenant), {
        tenant,
        hub: hubs.get(tenant.hub.id)!,
        bundles,
        promptSet: promptSet(tenant.callHandling.promptSet),
      }),
    );
  }
  const national = new NationalStack(app, stackNames.national(), {
    platform,
    bundles,
    dashboardDir: pages && join(pages, "dashboard"),
    sharedDir: pages && join(pages, "shared"),
  });
  dropRuntimeCopies();
  return { hubs, data, call, national, console: consoleStack, bundles };
}

/**
 * Keeps `lambda.Runtime.ALL` to one entry per runtime. aws-cdk-lib's custom-resource providers
 * (`AwsCustomResource`, the provider framework) each make a new `Runtime` through
 * `determineLatestNodeRuntime`, and every `Runtime` joins the static `Runtime.ALL`; cdk-nag's
 * AwsSolutions-L1 rule (LambdaLatestVersion) sorts the whole of `Runtime.ALL` for every function.
 * With about two providers per tenant that made the nag pass quadratic: 19 of the 82 s of a
 * 514-tenant synth (bench/RESULTS.md). The copies only repeat a name already listed, so no rule's
 * answer changes; the functions keep their runtime objects.
 *
 * @example
 * dropRuntimeCopies(); // after the app's constructs are made, before app.synth()
 */
export function dropRuntimeCopies(): void {
  const seen = new Set<string>();
  const kept = lambda.Runtime.ALL.filter((runtime) => {
    const key = `${runtime.name}|${runtime.family}|${runtime.isVariable}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  lambda.Runtime.ALL.splice(0, lambda.Runtime.ALL.length, ...kept);
}
