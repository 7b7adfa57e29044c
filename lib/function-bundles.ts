/**
 * Bundles every Lambda function once per process with one esbuild run (one entry per function),
 * so that every tenant stack reuses the same asset folder and synth never runs esbuild per stack.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { buildSync, type Metafile } from "esbuild";

/** Packages a handler bundle must never contain: infrastructure code has no place at runtime. */
export const FORBIDDEN_IN_BUNDLES = ["aws-cdk-lib", "constructs", "cdk-nag", "aws-cdk"] as const;

export interface BundleOptions {
  /** Folder holding one sub-folder per function with a `handler.ts`. */
  readonly lambdasDir: string;
  /** Where the bundles go: `<outDir>/<name>/index.mjs`. */
  readonly outDir: string;
  /** Function names to bundle (folders under `lambdasDir`). */
  readonly names: readonly string[];
}

export interface FunctionBundles {
  /** Bundle folder per function that has a handler; use it with `Code.fromAsset`. */
  readonly dirs: ReadonlyMap<string, string>;
  /** Functions in `names` without `<lambdasDir>/<name>/handler.ts` (not bundled). */
  readonly missing: readonly string[];
}

const built = new Map<string, FunctionBundles>();

/**
 * Bundles the handlers (ESM for nodejs24.x, AWS SDK included and tree-shaken) and returns
 * their folders. A second call with the same options returns the first result without building.
 * Throws when a bundle would contain `aws-cdk-lib` or another infrastructure package.
 *
 * @example
 * const { dirs } = bundleFunctions({ lambdasDir: "lambdas", outDir: "dist/lambdas", names: ["intake"] });
 * lambda.Code.fromAsset(dirs.get("intake")!);
 */
export function bundleFunctions(options: BundleOptions): FunctionBundles {
  const lambdasDir = resolve(options.lambdasDir);
  const outDir = resolve(options.outDir);
  const key = JSON.stringify([lambdasDir, outDir, [...options.names].sort()]);
  const cached = built.get(key);
  if (cached) return cached;

  const entryPoints: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of options.names) {
    const entry = join(lambdasDir, name, "handler.ts");
    if (existsSync(entry)) entryPoints[`${name}/index`] = entry;
    else missing.push(name);
  }
  const dirs = new Map<string, string>();
  if (Object.keys(entryPoints).length > 0) {
    mkdirSync(outDir, { recursive: true });
    const result = buildSync({
      entryPoints,
      outdir: outDir,
      bundle: true,
      platform: "node",
      target: "node24",
      format: "esm",
      outExtension: { ".js": ".mjs" },
      // One file per function: no shared chunks, so each folder is a complete asset.
      splitting: false,
      minify: true,
      sourcemap: false,
      legalComments: "none",
      // The AWS SDK is bundled too: the versions tested here are the versions that run.
      // Bundled CommonJS dependencies may call require(): give ESM one.
      banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
      metafile: true,
      logLevel: "silent",
    });
    assertNoInfrastructureCode(result.metafile, lambdasDir);
    for (const entry of Object.keys(entryPoints)) {
      const name = entry.slice(0, -"/index".length);
      dirs.set(name, join(outDir, name));
    }
  }
  const bundles: FunctionBundles = { dirs, missing };
  built.set(key, bundles);
  return bundles;
}

function assertNoInfrastructureCode(metafile: Metafile, lambdasDir: string): void {
  for (const [output, info] of Object.entries(metafile.outputs)) {
    if (!info.entryPoint) continue;
    const offenders = Object.keys(info.inputs).filter((input) =>
      FORBIDDEN_IN_BUNDLES.some((pkg) => input.includes(`node_modules/${pkg}/`)),
    );
    if (offenders.length > 0) {
      const handler = relative(process.cwd(), resolve(info.entryPoint));
      throw new Error(
        `${handler}: the bundle ${relative(lambdasDir, output)} pulls in infrastructure code (${offenders[0]}); ` +
          `handlers may import domain/ and runtime libraries only, never ${FORBIDDEN_IN_BUNDLES.join(", ")}`,
      );
    }
  }
}
