/**
 * Compares the CloudFormation templates of two cloud assemblies (two `cdk synth -o` folders) after
 * replacing asset hashes, which change whenever a bundled function's code moves. A refactor that
 * must not change the infrastructure shows "identical" for every stack.
 *
 *   npx tsx scripts/compare-templates.ts <before/cdk.out> <after/cdk.out>
 *
 * Exit code 1 when a stack differs or exists on one side only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

const ASSET_HASH = /[0-9a-f]{64}/g;

/** A template with every 64-hex asset hash replaced by a placeholder. */
export function normalizedTemplate(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8").replace(ASSET_HASH, "<asset-hash>"));
}

function templates(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith(".template.json"))
      .map((f) => [f.replace(".template.json", ""), join(dir, f)] as const),
  );
}

/** Paths (a.b[2].c) where two JSON values differ, at most `limit`. */
export function differences(a: unknown, b: unknown, path = "", limit = 20, out: string[] = []): string[] {
  if (out.length >= limit || isDeepStrictEqual(a, b)) return out;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}${Array.isArray(a) ? `[${key}]` : `.${key}`}`,
        limit,
        out,
      );
    }
    return out;
  }
  out.push(`${path || "(root)"}: ${JSON.stringify(a)?.slice(0, 120)} -> ${JSON.stringify(b)?.slice(0, 120)}`);
  return out;
}

function main(): number {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    console.error("usage: npx tsx scripts/compare-templates.ts <before/cdk.out> <after/cdk.out>");
    return 2;
  }
  const left = templates(before);
  const right = templates(after);
  let failed = false;
  for (const stack of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const a = left.get(stack);
    const b = right.get(stack);
    if (!a || !b) {
      console.log(`${stack}: only in ${a ? before : after}`);
      failed = true;
      continue;
    }
    const diff = differences(normalizedTemplate(a), normalizedTemplate(b));
    if (diff.length === 0) console.log(`${stack}: identical (asset hashes aside)`);
    else {
      failed = true;
      console.log(`${stack}: differs\n  ${diff.join("\n  ")}`);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exit(main());
