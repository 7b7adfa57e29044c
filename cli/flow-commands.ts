/**
 * `siaga112 flow simulate|graph|verify <tenant>`: run a simulated call through a tenant's inbound
 * flow, draw it as Mermaid, or verify every tenant's flows (what the synth checks).
 */
import { type Command, Option } from "commander";
import type { Tenant } from "../domain/tenant";
import { fakeIntakeInvoker, faultInvoker, LAMBDA_FAULTS, type LambdaFault } from "../flows/lambda-invokers";
import { flowToMermaid } from "../flows/mermaid";
import { loadPromptSet, PROMPT_NAMES } from "../flows/prompt-set";
import { type CallerInput, QUEUE_STATES, type QueueState, simulateFlow } from "../flows/simulator";
import {
  buildCustomerQueueFlow,
  buildInboundFlow,
  placeholderRefs,
  verifyTenantFlows,
} from "../flows/tenant-flows";
import { formatFlowProblem } from "../flows/verify";
import { requireRegistry } from "../registry/load-registry";
import { withExamples } from "./help";
import { pressedKeys } from "./options";

/** A tenant by code (`71.71`) or slug (`kota-manado`), as `siaga112 call` finds one. */
function findTenant(code: string, dir: string): Tenant {
  const { tenants } = requireRegistry({ dir });
  const tenant = tenants.find((t) => t.code === code || t.slug === code);
  if (!tenant) {
    throw new Error(
      `tenant "${code}": not in ${dir}/; known codes: ${tenants.map((t) => t.code).join(", ")}`,
    );
  }
  return tenant;
}

function parseFault(value: string): LambdaFault {
  const [target, fault] = value.split("=");
  if (target !== "intake" || !(LAMBDA_FAULTS as readonly string[]).includes(fault)) {
    throw new Error(`--fail "${value}": expected intake=<${LAMBDA_FAULTS.join("|")}>`);
  }
  return fault as LambdaFault;
}

function parseQueue(value: string): QueueState {
  if (!(QUEUE_STATES as readonly string[]).includes(value)) {
    throw new Error(`--queue "${value}": expected one of ${QUEUE_STATES.join(", ")}`);
  }
  return value as QueueState;
}

export function registerFlowCommands(program: Command): void {
  const flow = withExamples(
    program.command("flow").description("contact flows: simulate a call, draw a flow, verify all flows"),
    "siaga112 flow verify",
    "siaga112 flow simulate 71.71 --press 2",
  );

  withExamples(
    flow
      .command("simulate <tenant>")
      .description("run one simulated call through the tenant's inbound 112 flow (code like 71.71, or slug)")
      .option(
        "--press <keys>",
        'keys pressed at each menu in turn, e.g. "2" (a dot = silence at that menu; none = silence)',
        pressedKeys,
      )
      .option("--fail <fault>", `inject an intake fault: intake=<${LAMBDA_FAULTS.join("|")}>`, parseFault)
      .option("--queue <state>", `queue state: ${QUEUE_STATES.join("|")}`, parseQueue, "open")
      .option("--overflow <behaviour>", "overflow number: answers|no-answer|fails", "answers")
      .option("--hang-up-after <seconds>", "the caller hangs up this many seconds into the call", Number)
      .addOption(
        new Option("--hang-up <seconds>", "old name of --hang-up-after").argParser(Number).hideHelp(),
      )
      .option("--dir <dir>", "tenants folder", "tenants")
      .option("--json", "print the result as JSON"),
    "siaga112 flow simulate 71.71 --fail intake=timeout --queue full",
    "siaga112 flow simulate 31 --press 2 --hang-up-after 20",
  ).action(async (code: string, options) => {
    const tenant = findTenant(code, options.dir);
    const promptSet = loadPromptSet(tenant.callHandling.promptSet);
    const refs = placeholderRefs(tenant);
    const seconds = new Map(PROMPT_NAMES.map((p) => [refs.prompts[p], promptSet.prompts[p].durationSeconds]));
    const inputs: CallerInput[] = ((options.press as string[] | undefined) ?? []).map((key) =>
      key === "" ? { silent: true } : { press: key },
    );
    const result = await simulateFlow(buildInboundFlow(tenant, refs), {
      customerQueueFlow: buildCustomerQueueFlow(tenant, refs),
      caller: { inputs, hangUpAfterSeconds: options.hangUpAfter ?? options.hangUp },
      lambda: options.fail ? faultInvoker(options.fail) : fakeIntakeInvoker(),
      queue: options.queue,
      overflow: options.overflow,
      promptSeconds: (id) => seconds.get(id),
      customerNumber: "+6281234567890",
    });
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(
      `${tenant.code} ${tenant.name}: ${result.outcome} after ${result.elapsedSeconds} s (${result.detail})`,
    );
    for (const step of result.path) {
      console.log(
        `  ${step.atSeconds.toFixed(2).padStart(6)} s  ${step.action.padEnd(20)} ${step.type} -> ${step.branch}`,
      );
    }
    console.log(`  attributes: ${JSON.stringify(result.attributes)}`);
    if (!result.humanReached && result.outcome !== "caller-hung-up") process.exitCode = 1;
  });

  withExamples(
    flow
      .command("graph <tenant>")
      .description("print the tenant's inbound (or customer-queue) flow as a Mermaid flowchart")
      .option("--queue-flow", "draw the customer-queue flow instead")
      .option("--dir <dir>", "tenants folder", "tenants"),
    "siaga112 flow graph 71.71 > manado.mmd",
  ).action((code: string, options) => {
    const tenant = findTenant(code, options.dir);
    const refs = placeholderRefs(tenant);
    const content = options.queueFlow ? buildCustomerQueueFlow(tenant, refs) : buildInboundFlow(tenant, refs);
    console.log(flowToMermaid(content));
  });

  withExamples(
    flow
      .command("verify")
      .description("verify every tenant's flows with every rule and print the per-tenant time budget")
      .option("--dir <dir>", "tenants folder", "tenants"),
    "siaga112 flow verify",
  ).action((options) => {
    const { tenants } = requireRegistry({ dir: options.dir });
    let problems = 0;
    for (const tenant of tenants) {
      const report = verifyTenantFlows(tenant, loadPromptSet(tenant.callHandling.promptSet));
      const inbound = report.flows.find((f) => f.kind === "inbound");
      console.log(
        `${tenant.code.padEnd(6)} ${tenant.name.padEnd(28)} worst ${inbound?.worstCaseSeconds} s, expected ${inbound?.expectedSeconds} s, ${inbound?.actions} actions`,
      );
      for (const p of report.problems) console.error(`  ${formatFlowProblem(p)}`);
      problems += report.problems.length;
    }
    if (problems > 0) process.exitCode = 1;
  });
}
