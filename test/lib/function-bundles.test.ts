import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FUNCTIONS } from "../../lambdas/manifest";
import { bundleFunctions } from "../../lib/function-bundles";

/** Inside the repository (test-output/ is git-ignored) so that handlers resolve node_modules. */
function lambdasWith(handlers: Record<string, string>): string {
  mkdirSync("test-output", { recursive: true });
  const root = mkdtempSync(join("test-output", "bundle-"));
  for (const [name, source] of Object.entries(handlers)) {
    mkdirSync(join(root, name), { recursive: true });
    writeFileSync(join(root, name, "handler.ts"), source);
  }
  return root;
}

describe("bundleFunctions", () => {
  it("bundles each handler into its own folder as index.mjs and reports the missing ones", () => {
    const lambdasDir = lambdasWith({ alpha: "export const handler = async () => 'alpha';\n" });
    const outDir = join(lambdasDir, "out");
    const bundles = bundleFunctions({ lambdasDir, outDir, names: ["alpha", "beta"] });
    expect([...bundles.dirs.keys()]).toEqual(["alpha"]);
    expect(bundles.missing).toEqual(["beta"]);
    expect(readFileSync(join(outDir, "alpha", "index.mjs"), "utf8")).toContain("alpha");
  });

  it("produces an ES module Node runs as is, CommonJS dependencies included", () => {
    const lambdasDir = lambdasWith({
      near: 'import { distance } from "fastest-levenshtein";\nexport const handler = async () => ({ d: distance("manado", "menado") });\n',
    });
    const outDir = join(lambdasDir, "out");
    bundleFunctions({ lambdasDir, outDir, names: ["near"] });
    const run = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(resolve(outDir, "near", "index.mjs"))}); console.log(JSON.stringify(await m.handler()));`,
      ],
      { encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ d: 1 });
  });

  it("builds once per process: a second call reuses the first build", () => {
    const lambdasDir = lambdasWith({ alpha: "export const handler = async () => 1;\n" });
    const outDir = join(lambdasDir, "out");
    const first = bundleFunctions({ lambdasDir, outDir, names: ["alpha"] });
    const built = statSync(join(outDir, "alpha", "index.mjs")).mtimeMs;
    const second = bundleFunctions({ lambdasDir, outDir, names: ["alpha"] });
    expect(second).toBe(first);
    expect(statSync(join(outDir, "alpha", "index.mjs")).mtimeMs).toBe(built);
  });

  it("refuses a handler that pulls in aws-cdk-lib", () => {
    const lambdasDir = lambdasWith({
      leaky:
        'import { Duration } from "aws-cdk-lib";\nexport const handler = async () => Duration.seconds(1).toSeconds();\n',
    });
    expect(() => bundleFunctions({ lambdasDir, outDir: join(lambdasDir, "out"), names: ["leaky"] })).toThrow(
      /leaky\/handler\.ts: the bundle .* pulls in infrastructure code .*aws-cdk-lib/,
    );
  });

  it("bundles the real handlers without infrastructure code", () => {
    const outDir = mkdtempSync(join(tmpdir(), "siaga112-real-"));
    const bundles = bundleFunctions({ lambdasDir: "lambdas", outDir, names: FUNCTIONS.map((f) => f.name) });
    for (const dir of bundles.dirs.values()) expect(existsSync(join(dir, "index.mjs"))).toBe(true);
    expect(bundles.dirs.size + bundles.missing.length).toBe(FUNCTIONS.length);
  });
});
