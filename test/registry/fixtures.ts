/** Builds registries in memory from the example tenants, mutated per test. */
import { readFileSync } from "node:fs";
import { dump, load } from "js-yaml";
import { type SourceFile, validateRegistry } from "../../registry/load-registry";
import { formatProblem } from "../../registry/problem";

export const PLATFORM_FILE = "tenants/platform.yaml";
export const MANADO_FILE = "tenants/71.71-kota-manado.yaml";

export function platformText(): string {
  return readFileSync(PLATFORM_FILE, "utf8");
}

/** The Manado example as a plain object, safe to mutate. */
export function manado(): Record<string, unknown> & { agencies: Record<string, unknown>[] } {
  return load(readFileSync(MANADO_FILE, "utf8")) as ReturnType<typeof manado>;
}

export function source(file: string, value: unknown): SourceFile {
  return { file, text: typeof value === "string" ? value : dump(value) };
}

/** Validates tenants against the example platform (or a given one) and renders the problems. */
export function problemsOf(
  tenants: SourceFile[],
  platform: SourceFile = source(PLATFORM_FILE, platformText()),
) {
  const registry = validateRegistry(platform, tenants, { promptSets: ["default"] });
  return { registry, messages: registry.problems.map(formatProblem) };
}
