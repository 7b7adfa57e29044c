import fc from "fast-check";
import { dump } from "js-yaml";
import { validateRegistry } from "../../registry/load-registry";
import { MANADO_FILE, manado, PLATFORM_FILE, platformText } from "./fixtures";

/** A path into the Manado example: keys and indexes that exist in it. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

const base = manado();
const allPaths = paths(base).filter((p) => p.length > 0);

type Mutation =
  | { kind: "replace"; path: (string | number)[]; value: unknown }
  | { kind: "delete"; path: (string | number)[] }
  | { kind: "add"; path: (string | number)[]; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("replace" as const),
    path: fc.constantFrom(...allPaths),
    value: fc.jsonValue(),
  }),
  fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...allPaths) }),
  fc.record({
    kind: fc.constant("add" as const),
    path: fc.constantFrom(...allPaths),
    key: fc.string({ maxLength: 12 }),
    value: fc.jsonValue(),
  }),
);

function apply(target: Record<string, unknown>, m: Mutation): void {
  let parent: unknown = target;
  for (const key of m.path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === null || typeof parent !== "object") return;
  const holder = parent as Record<string | number, unknown>;
  const last = m.path[m.path.length - 1];
  if (m.kind === "replace") holder[last] = m.value;
  else if (m.kind === "delete") delete holder[last];
  else {
    const child = holder[last];
    if (child !== null && typeof child === "object" && !Array.isArray(child)) {
      (child as Record<string, unknown>)[m.key] = m.value;
    }
  }
}

function check(text: string): void {
  const registry = validateRegistry(
    { file: PLATFORM_FILE, text: platformText() },
    [{ file: MANADO_FILE, text }],
    { promptSets: ["default"] },
  );
  if (registry.problems.length === 0) {
    expect(registry.tenants.map((t) => t.code)).toEqual(["71.71"]);
    return;
  }
  expect(registry.tenants).toEqual([]);
  for (const problem of registry.problems) {
    expect(problem.file.startsWith(MANADO_FILE)).toBe(true);
    expect(problem.message.length).toBeGreaterThan(0);
  }
  // A problem inside the document names where; only whole-file problems have no path.
  const located = registry.problems.filter((p) => p.path !== "");
  const wholeFile = registry.problems.filter((p) => p.path === "");
  for (const p of wholeFile) expect(p.message).toMatch(/YAML|JSON|mapping|missing|file name/);
  expect(located.length + wholeFile.length).toBe(registry.problems.length);
}

describe("the validator on mutated tenant files", () => {
  it("yields a tenant or path-named problems for any structural mutation, never a crash", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const tenant = manado();
        for (const m of mutations) apply(tenant, m);
        check(dump(tenant, { skipInvalid: true }));
      }),
      { numRuns: 400 },
    );
  });

  it("never crashes on arbitrary text, including broken YAML", () => {
    const text = dump(base);
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ maxLength: 20 }), (at, inserted) => {
        check(text.slice(0, at) + inserted + text.slice(at));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (anything) => check(anything)),
      { numRuns: 200 },
    );
  });
});
