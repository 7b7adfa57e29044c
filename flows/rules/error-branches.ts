/**
 * Rule `error-branches`: every error an action can raise has a branch, and every outcome a
 * fixed-outcome action returns (hours True/False, loop continue/done) has a condition. Without a
 * branch Connect disconnects the caller.
 */
import { actionSpec, requiredErrors } from "../action-catalog";
import type { FlowRule, RuleProblem } from "./rule";

export const errorBranchesRule: FlowRule = {
  id: "error-branches",
  description: "every error and outcome an action can take is handled",
  check(flow) {
    const problems: RuleProblem[] = [];
    for (const action of flow.content.Actions ?? []) {
      const spec = actionSpec(action.Type);
      if (!spec) continue; // the structure rule reports it
      const handled = new Set((action.Transitions?.Errors ?? []).map((e) => e.ErrorType));
      const missing = requiredErrors(action).filter((e) => !handled.has(e));
      if (missing.length > 0) {
        problems.push({
          action: action.Identifier,
          message: `${action.Type} has no branch for ${missing.join(", ")}`,
        });
      }
      const interrupts =
        action.Type !== "MessageParticipantIteratively" ||
        "InterruptFrequencySeconds" in (action.Parameters ?? {});
      if (spec.conditions.kind === "exactly" && interrupts) {
        const operands = new Set(
          (action.Transitions?.Conditions ?? []).map((c) => c.Condition?.Operands?.[0]),
        );
        const absent = spec.conditions.operands.filter((o) => !operands.has(o));
        if (absent.length > 0) {
          problems.push({
            action: action.Identifier,
            message: `${action.Type} has no condition for ${absent.join(", ")}`,
          });
        }
      }
    }
    return problems;
  },
};
