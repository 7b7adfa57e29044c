/** Shared fixtures for the flow tests: the example tenants and the default prompt set. */

import type { Tenant } from "../../domain/tenant";
import { loadPromptSet, PROMPT_NAMES, type PromptSet } from "../../flows/prompt-set";
import { placeholderRefs } from "../../flows/tenant-flows";
import { requireRegistry } from "../../registry/load-registry";

let cache: { tenants: readonly Tenant[]; promptSet: PromptSet } | undefined;

export function exampleTenants(): readonly Tenant[] {
  cache ??= { tenants: requireRegistry({ dir: "tenants" }).tenants, promptSet: loadPromptSet("default") };
  return cache.tenants;
}

export function defaultPromptSet(): PromptSet {
  exampleTenants();
  return (cache as { promptSet: PromptSet }).promptSet;
}

export function tenant(code: string): Tenant {
  const found = exampleTenants().find((t) => t.code === code);
  if (!found) throw new Error(`no example tenant ${code}`);
  return found;
}

/** Recorded durations keyed by the tenant's placeholder prompt ARNs. */
export function promptSecondsFor(t: Tenant): (id: string) => number | undefined {
  const refs = placeholderRefs(t);
  const set = defaultPromptSet();
  const map = new Map(PROMPT_NAMES.map((p) => [refs.prompts[p], set.prompts[p].durationSeconds]));
  return (id) => map.get(id);
}
