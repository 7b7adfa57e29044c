/**
 * Every handler is bundled as the build bundles it; its inputs must not hold aws-cdk-lib,
 * constructs or classic zod, and intake must stay on its small import graph.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { FUNCTIONS } from "../../lambdas/manifest";

/** Every function of the manifest: a new one is checked the moment it is listed. */
const ALL = FUNCTIONS.map((f) => f.name);

async function inputsOf(name: string): Promise<{ inputs: string[]; bytes: number }> {
  const result = await build({
    entryPoints: [join(__dirname, "../../lambdas", name, "handler.ts")],
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    minify: true,
    write: false,
    metafile: true,
    outfile: "out.js",
    logLevel: "silent",
  });
  return { inputs: Object.keys(result.metafile.inputs), bytes: result.outputFiles[0]!.contents.length };
}

describe("handler bundles", () => {
  it.each(ALL)("%s pulls in neither aws-cdk-lib, constructs nor classic zod", async (name) => {
    const { inputs } = await inputsOf(name);
    expect(inputs.some((i) => i.includes("lambdas/") && i.endsWith("handler.ts"))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(aws-cdk-lib|constructs|cdk-nag)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => /node_modules\/zod\/(v4\/classic|v3)\//.test(i))).toEqual([]);
  });

  it("intake holds only the DynamoDB client: no document client, no zod, no Powertools, no middy", async () => {
    const { inputs } = await inputsOf("intake");
    expect(
      inputs.filter((i) =>
        /node_modules\/(@aws-sdk\/lib-dynamodb|zod|@aws-lambda-powertools|@middy)\//.test(i),
      ),
    ).toEqual([]);
    expect(
      inputs.filter((i) =>
        /node_modules\/@aws-sdk\/client-(sns|scheduler|eventbridge|secrets-manager)\//.test(i),
      ),
    ).toEqual([]);
  });

  it.each([
    ['import { App } from "aws-cdk-lib"; console.log(App);', /node_modules\/aws-cdk-lib\//],
    ['import { Construct } from "constructs"; console.log(Construct);', /node_modules\/constructs\//],
    ['import { z } from "zod"; console.log(z.string());', /node_modules\/zod\/(v4\/classic|v3)\//],
  ])("a bundle doing %s would be caught (the checks are not vacuous)", async (contents, pattern) => {
    const result = await build({
      stdin: { contents, resolveDir: join(__dirname, "../..") },
      bundle: true,
      platform: "node",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(Object.keys(result.metafile.inputs).some((i) => pattern.test(i))).toBe(true);
  });
});
