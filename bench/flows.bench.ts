/**
 * Flows benchmark: simulated calls per second through the default inbound flow with an in-memory
 * intake Lambda (target >= 20,000/s), and the time to build and verify the flows of all 514
 * kab/kota (tenants generated from the official region list; target < 2 s).
 */
import type { Tenant } from "../domain/tenant";
import { fakeIntakeInvoker } from "../flows/lambda-invokers";
import { loadPromptSet, PROMPT_NAMES } from "../flows/prompt-set";
import { simulateFlow } from "../flows/simulator";
import { buildInboundFlow, placeholderRefs, verifyTenantFlows } from "../flows/tenant-flows";
import { requireRegistry } from "../registry/load-registry";
import { displayName, officialRegions, slugOf } from "../registry/official-regions";

async function main(): Promise<void> {
  const { tenants } = requireRegistry({ dir: "tenants" });
  const base = tenants.find((t) => t.code === "71.71") ?? tenants[0];
  const promptSet = loadPromptSet("default");
  const refs = placeholderRefs(base);
  const seconds = new Map(PROMPT_NAMES.map((p) => [refs.prompts[p], promptSet.prompts[p].durationSeconds]));
  const content = buildInboundFlow(base, refs);
  const lambda = fakeIntakeInvoker();
  const options = {
    lambda,
    promptSeconds: (id: string) => seconds.get(id),
    customerNumber: "+6281234567890",
  };

  for (let i = 0; i < 2_000; i++) await simulateFlow(content, options); // warm-up
  const calls = 100_000;
  let humans = 0;
  const started = performance.now();
  for (let i = 0; i < calls; i++) if ((await simulateFlow(content, options)).humanReached) humans++;
  const simSeconds = (performance.now() - started) / 1000;
  console.log(
    `simulated calls through the default flow (71.71, in-memory intake): ${Math.round(calls / simSeconds)} calls/s (${calls} calls in ${simSeconds.toFixed(2)} s, ${humans} reached a human)`,
  );

  const generated: Tenant[] = officialRegions().regencies.map((region, i) => ({
    ...base,
    code: region.code,
    slug: slugOf(region.officialName),
    officialName: region.officialName,
    name: displayName(region.officialName),
    level: region.level,
    province: region.province,
    callHandling: { ...base.callHandling, categoryMenu: i % 2 === 0 },
  }));
  const verifyStarted = performance.now();
  let problems = 0;
  let worst = 0;
  for (const tenant of generated) {
    const report = verifyTenantFlows(tenant, promptSet);
    problems += report.problems.length;
    for (const f of report.flows) worst = Math.max(worst, f.worstCaseSeconds ?? 0);
  }
  const verifyMs = performance.now() - verifyStarted;
  console.log(
    `verify flows of ${generated.length} kab/kota (build + all rules, 2 flows each): ${verifyMs.toFixed(0)} ms, ${problems} problems, worst case before a human ${worst} s`,
  );
  console.log(`memory: ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MiB heap used`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
