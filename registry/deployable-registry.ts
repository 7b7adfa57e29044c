/**
 * The registry a synth or deployment builds from: every problem, then every placeholder, stops it,
 * reported the way `siaga112 tenant validate` reports them (bin/app.ts prints these lines).
 */
import type { Platform, Tenant } from "../domain/tenant";
import { type LoadOptions, loadRegistry } from "./load-registry";
import { placeholders } from "./placeholders";
import { formatProblem, type Problem } from "./problem";

/** Environment variable that lets a synth keep `CONTOH` placeholders (trying the examples; tests). */
export const ALLOW_PLACEHOLDERS_ENV = "SIAGA112_ALLOW_PLACEHOLDERS";

export type DeployableRegistry =
  | { readonly ok: true; readonly platform: Platform; readonly tenants: readonly Tenant[] }
  | { readonly ok: false; readonly report: readonly string[] };

/**
 * The lines `tenant validate` prints for problems: one per problem, then the count.
 *
 * @example
 * problemLines([{ file: "tenants/x.yaml", path: "hub", value: "x", message: "unknown hub" }])
 * // ['tenants/x.yaml: hub "x": unknown hub', "1 problem(s) found"]
 */
export function problemLines(problems: readonly Problem[]): string[] {
  return [...problems.map(formatProblem), `${problems.length} problem(s) found`];
}

/**
 * Loads the registry for a synth: refuses any problem, and placeholders unless allowed.
 *
 * @example
 * const checked = deployableRegistry({ dir: "tenants", allowPlaceholders: false });
 * if (!checked.ok) for (const line of checked.report) console.error(line);
 */
export function deployableRegistry(
  options: LoadOptions & { readonly allowPlaceholders: boolean },
): DeployableRegistry {
  const registry = loadRegistry(options);
  if (registry.problems.length > 0 || !registry.platform)
    return { ok: false, report: problemLines(registry.problems) };
  const left = options.allowPlaceholders ? [] : placeholders(registry.tenants);
  if (left.length > 0) {
    return {
      ok: false,
      report: [
        ...left.map(formatProblem),
        `${left.length} placeholder(s) from \`siaga112 tenant add\` still in the tenant files: replace them before deploying.`,
        `To synthesize anyway for a look at the templates (never to deploy): ${ALLOW_PLACEHOLDERS_ENV}=1 npx cdk synth`,
      ],
    };
  }
  return { ok: true, platform: registry.platform, tenants: registry.tenants };
}
