/**
 * Runs every flow verification rule and gathers per-flow figures: what the call stack checks at
 * synth time and what `siaga112 flow verify` prints.
 */
import { boundedLoopsRule } from "./rules/bounded-loops";
import { endsWithHumanRule, lastResortEnds, retryLoops } from "./rules/ends-with-human";
import { errorBranchesRule } from "./rules/error-branches";
import { reachabilityRule } from "./rules/reachability";
import type { FlowKind, FlowRule, FlowUnderTest, RuleContext } from "./rules/rule";
import { staffedQueueRule } from "./rules/staffed-queue";
import { structureRule } from "./rules/structure";
import { timeBudget, timeBudgetRule } from "./rules/time-budget";

export const FLOW_RULES: readonly FlowRule[] = [
  structureRule,
  reachabilityRule,
  errorBranchesRule,
  endsWithHumanRule,
  boundedLoopsRule,
  timeBudgetRule,
  staffedQueueRule,
];

export interface FlowProblem {
  readonly tenant: string;
  readonly flow: string;
  readonly rule: string;
  readonly action?: string;
  readonly message: string;
}

export interface FlowFigures {
  readonly name: string;
  readonly kind: FlowKind;
  readonly actions: number;
  readonly characters: number;
  /** Inbound flows: seconds before a human at worst, and when nothing fails. */
  readonly worstCaseSeconds?: number;
  readonly expectedSeconds?: number;
  /** Retry rounds before the announced last-resort disconnect, when the flow has one. */
  readonly lastResortAfterRounds?: number;
}

export interface FlowReport {
  readonly tenant: string;
  readonly flows: readonly FlowFigures[];
  readonly problems: readonly FlowProblem[];
}

/**
 * One line per problem: `71.71 inbound [error-branches] action "intake": ...`.
 *
 * @example
 * formatFlowProblem({ tenant: "71.71", flow: "inbound", rule: "structure", message: "..." })
 */
export function formatFlowProblem(p: FlowProblem): string {
  return `${p.tenant} ${p.flow} [${p.rule}]${p.action ? ` action "${p.action}"` : ""}: ${p.message}`;
}

/**
 * Verifies a tenant's flows with every rule.
 *
 * @example
 * verifyFlows("71.71", [{ name: "inbound", kind: "inbound", content }], { promptSeconds: () => 2 }).problems // []
 */
export function verifyFlows(
  tenant: string,
  flows: readonly FlowUnderTest[],
  context: RuleContext,
): FlowReport {
  const problems: FlowProblem[] = [];
  const figures: FlowFigures[] = [];
  for (const flow of flows) {
    for (const rule of FLOW_RULES) {
      for (const p of rule.check(flow, context))
        problems.push({ tenant, flow: flow.name, rule: rule.id, ...p });
    }
    const budget = flow.kind === "inbound" ? timeBudget(flow, context) : undefined;
    const lastResort = lastResortEnds(flow);
    const loops = retryLoops(flow.content);
    figures.push({
      name: flow.name,
      kind: flow.kind,
      actions: flow.content.Actions?.length ?? 0,
      characters: JSON.stringify(flow.content).length,
      worstCaseSeconds: budget?.worstCaseSeconds,
      expectedSeconds: budget?.expectedSeconds,
      lastResortAfterRounds: lastResort.length > 0 ? Math.max(...loops.values()) : undefined,
    });
  }
  return { tenant, flows: figures, problems };
}
