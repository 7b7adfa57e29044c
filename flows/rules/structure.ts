/**
 * Rule `structure`: the flow is something Connect accepts. Version, identifiers valid and unique,
 * at most 250 actions and 256,000 characters, every transition target exists, only known action
 * types, parameters and error types, values written as strings, Lambda time limits 1-8 s.
 */
import { actionSpec, CHECK_METRIC_TYPES, countsAgents, requiredErrors } from "../action-catalog";
import { edgesOf } from "../flow-graph";
import {
  FLOW_LANGUAGE_VERSION,
  type FlowAction,
  identifierProblem,
  MAX_ACTIONS,
  MAX_CONTENT_CHARACTERS,
} from "../flow-language";
import type { FlowKind, FlowRule, RuleProblem } from "./rule";

function checkAction(action: FlowAction, ids: ReadonlySet<string>, kind: FlowKind): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const at = (message: string) => problems.push({ action: action.Identifier, message });
  const spec = actionSpec(action.Type);
  if (!spec) {
    at(`type "${action.Type}" is not a supported action type`);
    return problems;
  }
  if (spec.flowKinds && !spec.flowKinds.includes(kind)) {
    at(
      `${action.Type} is not allowed in ${kind === "inbound" ? "an" : "a"} ${kind} flow (only in: ${spec.flowKinds.join(", ")})`,
    );
  }
  const params = action.Parameters ?? {};
  for (const [name, value] of Object.entries(params)) {
    if (!spec.parameters.includes(name)) {
      at(`${action.Type} has no parameter "${name}"; accepted: ${spec.parameters.join(", ") || "none"}`);
    }
    if (typeof value === "number" || typeof value === "boolean") {
      at(
        `parameter ${name} is ${typeof value} ${String(value)}; the flow language writes it as a string ("${value}")`,
      );
    }
  }
  for (const name of spec.required) if (!(name in params)) at(`${action.Type} needs parameter ${name}`);
  if (spec.oneOf) {
    const given = spec.oneOf.filter((p) => p in params);
    if (given.length !== 1)
      at(`${action.Type} needs exactly one of ${spec.oneOf.join(", ")} (found ${given.length})`);
  }
  if (action.Type === "InvokeLambdaFunction") {
    const limit = Number(params.InvocationTimeLimitSeconds);
    if (!Number.isInteger(limit) || limit < 1 || limit > 8) {
      at(
        `InvocationTimeLimitSeconds "${String(params.InvocationTimeLimitSeconds)}": must be a whole number from 1 to 8`,
      );
    }
  }
  if (action.Type === "Loop") {
    const count = Number(params.LoopCount);
    if (!Number.isInteger(count) || count < 0 || count > 100) {
      at(`LoopCount "${String(params.LoopCount)}": must be a whole number from 0 to 100`);
    }
  }
  if (action.Type === "CheckMetricData") problems.push(...checkMetric(action));
  const t = action.Transitions ?? {};
  if (spec.terminal && (t.NextAction || t.Errors?.length || t.Conditions?.length)) {
    at(`${action.Type} ends the flow and takes no transitions`);
  }
  if (spec.hasNext && !t.NextAction) at(`${action.Type} needs a NextAction`);
  const raised = action.Type === "CheckMetricData" ? requiredErrors(action) : spec.errors;
  for (const e of t.Errors ?? []) {
    if (!raised.includes(e.ErrorType)) {
      at(`${action.Type} cannot raise "${e.ErrorType}"; it raises ${raised.join(", ") || "no errors"}`);
    }
  }
  const rule = spec.conditions;
  for (const c of t.Conditions ?? []) {
    const operator = c.Condition?.Operator;
    if (rule.kind === "none") at(`${action.Type} takes no conditions`);
    else if (rule.kind === "exactly") {
      if (operator !== "Equals" || !rule.operands.includes(c.Condition.Operands?.[0] ?? "")) {
        at(
          `condition ${operator} ${JSON.stringify(c.Condition?.Operands)}: ${action.Type} takes Equals ${rule.operands.join(" or ")}`,
        );
      }
    } else if (!rule.operators.includes(operator)) {
      at(`condition operator "${operator}": ${action.Type} accepts ${rule.operators.join(", ")}`);
    }
  }
  for (const edge of edgesOf(action)) {
    if (!ids.has(edge.to)) at(`${edge.label} leads to "${edge.to}", which is not an action of this flow`);
  }
  return problems;
}

/**
 * CheckMetricData: a metric Connect knows; an agent count takes only `NumberGreaterThan 0`.
 * https://docs.aws.amazon.com/connect/latest/APIReference/flow-control-actions-checkmetricdata.html
 */
function checkMetric(action: FlowAction): RuleProblem[] {
  const metric = action.Parameters?.MetricType;
  const at = (message: string) => ({ action: action.Identifier, message });
  if (!(CHECK_METRIC_TYPES as readonly unknown[]).includes(metric)) {
    return [at(`MetricType ${JSON.stringify(metric)}: expected one of ${CHECK_METRIC_TYPES.join(", ")}`)];
  }
  if (!countsAgents(metric)) return [];
  return (action.Transitions?.Conditions ?? [])
    .filter((c) => c.Condition?.Operator !== "NumberGreaterThan" || c.Condition.Operands?.[0] !== "0")
    .map((c) =>
      at(
        `condition ${c.Condition?.Operator} ${JSON.stringify(c.Condition?.Operands)}: ${String(metric)} takes only NumberGreaterThan ["0"]`,
      ),
    );
}

export const structureRule: FlowRule = {
  id: "structure",
  description: "valid identifiers, known types and parameters, limits, transition targets exist",
  check(flow) {
    const problems: RuleProblem[] = [];
    const content = flow.content;
    if (content.Version !== FLOW_LANGUAGE_VERSION) {
      problems.push({ message: `Version "${content.Version}": must be "${FLOW_LANGUAGE_VERSION}"` });
    }
    const actions = content.Actions ?? [];
    if (actions.length > MAX_ACTIONS)
      problems.push({ message: `${actions.length} actions (at most ${MAX_ACTIONS})` });
    const characters = JSON.stringify(content).length;
    if (characters > MAX_CONTENT_CHARACTERS) {
      problems.push({ message: `content is ${characters} characters (at most ${MAX_CONTENT_CHARACTERS})` });
    }
    const ids = new Set<string>();
    for (const action of actions) {
      const problem = identifierProblem(action.Identifier);
      if (problem) problems.push({ action: action.Identifier, message: `identifier ${problem}` });
      if (ids.has(action.Identifier))
        problems.push({ action: action.Identifier, message: "identifier used twice" });
      ids.add(action.Identifier);
    }
    if (!ids.has(content.StartAction)) {
      problems.push({ message: `StartAction "${content.StartAction}" is not an action of this flow` });
    }
    for (const action of actions) problems.push(...checkAction(action, ids, flow.kind));
    return problems;
  },
};
