/**
 * The shape of a flow verification rule: one concern per file under `flows/rules/`, each with a
 * passing and a failing example flow in `test/flows/rules/`.
 */
import type { FlowKind } from "../action-catalog";
import type { FlowContent } from "../flow-language";

export type { FlowKind } from "../action-catalog";

export interface FlowUnderTest {
  readonly name: string;
  readonly kind: FlowKind;
  readonly content: FlowContent;
}

export interface RuleContext {
  /** Seconds a prompt (id or ARN) plays, or `undefined` when it is not in the prompt set. */
  readonly promptSeconds: (promptId: string) => number | undefined;
  /** The tenant's `callHandling.maxQueueWaitSeconds`, when the flows belong to a tenant. */
  readonly maxQueueWaitSeconds?: number;
}

export interface RuleProblem {
  /** The action at fault, when there is one. */
  readonly action?: string;
  readonly message: string;
}

export interface FlowRule {
  /** Short kebab-case name shown in problems: `[error-branches]`. */
  readonly id: string;
  readonly description: string;
  check(flow: FlowUnderTest, context: RuleContext): RuleProblem[];
}
