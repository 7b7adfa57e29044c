/**
 * The layer rules in biome.json (noRestrictedImports per folder), each with a file that breaks it
 * and one that keeps it, linted by Biome itself in a scratch folder with the repository's overrides.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const BIOME = join(__dirname, "..", "node_modules", ".bin", "biome");

/** Files (path -> source) linted with the repository's layer rules only; the paths Biome flags. */
function flagged(files: Record<string, string>): string[] {
  const root = mkdtempSync(join(tmpdir(), "siaga112-layers-"));
  try {
    const config = JSON.parse(readFileSync(join(__dirname, "..", "biome.json"), "utf8"));
    const scratch = {
      files: { includes: ["**"] },
      linter: { enabled: true },
      overrides: config.overrides,
    };
    writeFileSync(join(root, "biome.json"), JSON.stringify(scratch));
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), source);
    }
    let output: string;
    try {
      output = execFileSync(BIOME, ["lint", "--reporter=json", "."], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as { diagnostics: { category: string; location: { path: string } }[] };
    return report.diagnostics
      .filter((d) => d.category === "lint/style/noRestrictedImports")
      .map((d) => d.location.path)
      .sort();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const source = (from: string) => `import { x } from "${from}";\nexport { x };\n`;

describe("layer rules (biome.json)", () => {
  it.each([
    ["domain imports nothing above it", "domain/incident.ts", "../lambdas/shared/ports", "./categories"],
    ["domain imports no AWS SDK", "domain/incident.ts", "@aws-sdk/lib-dynamodb", "node:crypto"],
    ["flows has no CDK", "flows/tenant-flows.ts", "aws-cdk-lib", "../domain/tenant"],
    ["a handler imports no CDK", "lambdas/ack/handler.ts", "aws-cdk-lib/aws-iam", "../shared/ports"],
    [
      "a function folder imports no sibling function",
      "lambdas/reescalate/run-scheduled-task.ts",
      "../escalation-relay/relay",
      "../escalation/deliver-outbox",
    ],
    [
      "a shared module imports no function",
      "lambdas/items/incidents.ts",
      "../ack/acknowledge",
      "../shared/ports",
    ],
    [
      "a function imports no stack code",
      "lambdas/intake/record-call.ts",
      "../../lib/naming",
      "../../domain/naming",
    ],
    ["the manifest has no CDK", "lambdas/manifest.ts", "aws-cdk-lib", "./shared/environment"],
    ["lib has no AWS SDK", "lib/incident-store.ts", "@aws-sdk/client-dynamodb", "aws-cdk-lib"],
    [
      "lib reaches lambdas through the manifest only",
      "lib/stacks/tenant-data-stack.ts",
      "../../lambdas/items/incidents",
      "../../lambdas/manifest",
    ],
    [
      "the local centre has no stacks",
      "local/centre.ts",
      "../lib/siaga112-app",
      "../lambdas/intake/record-call",
    ],
    [
      "the registry depends on domain only",
      "registry/load-registry.ts",
      "../lambdas/manifest",
      "../domain/tenant",
    ],
  ])("%s", (_rule, path, forbidden, allowed) => {
    expect(flagged({ [path]: source(forbidden) })).toEqual([path]);
    expect(flagged({ [path]: source(allowed) })).toEqual([]);
  });
});
