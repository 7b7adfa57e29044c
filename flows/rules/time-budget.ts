/**
 * Rule `time-budget`: how long an inbound caller waits before being handed to a human (the start
 * of a queue transfer or of a transfer to an external number).
 *
 * - Worst case: the longest path from the start to a hand-off, counting every prompt's recorded
 *   duration, a menu's prompt plus its full input time limit, and a Lambda's full time limit.
 *   Must stay under 15 s (NENA's answer target).
 * - Expected: the path where nothing fails (each action's first condition, or its success branch),
 *   counting prompts, a caller reaction after a menu and a typical Lambda latency. Must stay under 5 s.
 * A Loop before the first hand-off would make the wait depend on retries, so it is a problem too.
 */
import { actionsById, edgesOf, HANDOFF_TYPES } from "../flow-graph";
import type { FlowAction } from "../flow-language";
import type { FlowRule, FlowUnderTest, RuleContext, RuleProblem } from "./rule";

export const WORST_CASE_LIMIT_SECONDS = 15;
export const EXPECTED_LIMIT_SECONDS = 5;
/** A caller who knows the digit presses it this long after the menu prompt ends. */
export const CALLER_REACTION_SECONDS = 0.5;
/** Typical latency of a warm intake Lambda writing one DynamoDB item. */
export const EXPECTED_LAMBDA_SECONDS = 0.3;
/** Text-to-speech estimate when a prompt is text, not a recording. */
export const TEXT_CHARACTERS_PER_SECOND = 15;

export interface TimeBudget {
  readonly worstCaseSeconds: number;
  readonly expectedSeconds: number;
  /** The actions on the worst-case path, in order. */
  readonly worstCasePath: readonly string[];
  readonly problems: readonly RuleProblem[];
}

function promptSeconds(action: FlowAction, context: RuleContext, problems: RuleProblem[]): number {
  const p = action.Parameters ?? {};
  if (typeof p.PromptId === "string") {
    const seconds = context.promptSeconds(p.PromptId);
    if (seconds === undefined) {
      problems.push({
        action: action.Identifier,
        message: `prompt "${p.PromptId}" is not in the prompt set: duration unknown`,
      });
      return 0;
    }
    return seconds;
  }
  const text =
    typeof p.Text === "string" ? p.Text : typeof p.SSML === "string" ? p.SSML.replace(/<[^>]*>/g, "") : "";
  return text.length / TEXT_CHARACTERS_PER_SECOND;
}

/** Seconds an action can take at worst, and when nothing fails. */
function actionSeconds(action: FlowAction, context: RuleContext, problems: RuleProblem[]): [number, number] {
  switch (action.Type) {
    case "MessageParticipant": {
      const s = promptSeconds(action, context, problems);
      return [s, s];
    }
    case "GetParticipantInput": {
      const s = promptSeconds(action, context, problems);
      return [s + Number(action.Parameters?.InputTimeLimitSeconds ?? 0), s + CALLER_REACTION_SECONDS];
    }
    case "InvokeLambdaFunction":
      return [Number(action.Parameters?.InvocationTimeLimitSeconds ?? 8), EXPECTED_LAMBDA_SECONDS];
    default:
      return [0, 0];
  }
}

/**
 * Worst-case and expected seconds before an inbound caller is handed to a human.
 *
 * @example
 * timeBudget(flow, context).worstCaseSeconds // e.g. 5.8
 */
export function timeBudget(flow: FlowUnderTest, context: RuleContext): TimeBudget {
  const problems: RuleProblem[] = [];
  const byId = actionsById(flow.content);
  const cost = new Map<string, [number, number]>();
  for (const [id, action] of byId) cost.set(id, actionSeconds(action, context, problems));

  // Longest path to a hand-off; memoised depth-first search (cycles are the bounded-loops rule's
  // business: a cycle met here counts once).
  const longest = new Map<string, { seconds: number; path: string[] }>();
  const onStack = new Set<string>();
  const worst = (id: string): { seconds: number; path: string[] } => {
    const known = longest.get(id);
    if (known) return known;
    const action = byId.get(id);
    if (!action || onStack.has(id)) return { seconds: Number.NEGATIVE_INFINITY, path: [] };
    if (HANDOFF_TYPES.includes(action.Type)) return { seconds: 0, path: [id] };
    if (action.Type === "Loop") {
      problems.push({
        action: id,
        message: "a Loop before the first hand-off makes the caller's wait depend on retries",
      });
    }
    onStack.add(id);
    let best = { seconds: Number.NEGATIVE_INFINITY, path: [] as string[] };
    for (const edge of edgesOf(action)) {
      const rest = worst(edge.to);
      if (rest.seconds > best.seconds) best = rest;
    }
    onStack.delete(id);
    const result = { seconds: best.seconds + (cost.get(id)?.[0] ?? 0), path: [id, ...best.path] };
    longest.set(id, result);
    return result;
  };
  const w = worst(flow.content.StartAction);

  let expected = 0;
  const seen = new Set<string>();
  for (let id: string | undefined = flow.content.StartAction; id !== undefined; ) {
    const action = byId.get(id);
    if (!action || seen.has(id) || HANDOFF_TYPES.includes(action.Type)) break;
    seen.add(id);
    expected += cost.get(id)?.[1] ?? 0;
    const t = action.Transitions ?? {};
    // A branching action's first condition is its success; its NextAction is the default exit.
    id = t.Conditions?.[0]?.NextAction ?? t.NextAction;
  }

  if (!Number.isFinite(w.seconds))
    problems.push({ message: "no path from the start reaches a hand-off to a human" });
  const round = (s: number) => Math.round(s * 100) / 100;
  return {
    worstCaseSeconds: Number.isFinite(w.seconds) ? round(w.seconds) : Number.POSITIVE_INFINITY,
    expectedSeconds: round(expected),
    worstCasePath: w.path,
    problems,
  };
}

export const timeBudgetRule: FlowRule = {
  id: "time-budget",
  description: `worst case under ${WORST_CASE_LIMIT_SECONDS} s and nothing-failing under ${EXPECTED_LIMIT_SECONDS} s before a human`,
  check(flow, context) {
    if (flow.kind !== "inbound") return [];
    const budget = timeBudget(flow, context);
    const problems = [...budget.problems];
    if (budget.worstCaseSeconds >= WORST_CASE_LIMIT_SECONDS) {
      problems.push({
        message: `worst case ${budget.worstCaseSeconds} s before a human (limit ${WORST_CASE_LIMIT_SECONDS} s) via ${budget.worstCasePath.join(" -> ")}`,
      });
    }
    if (budget.expectedSeconds >= EXPECTED_LIMIT_SECONDS) {
      problems.push({
        message: `expected ${budget.expectedSeconds} s before a human when nothing fails (limit ${EXPECTED_LIMIT_SECONDS} s)`,
      });
    }
    return problems;
  },
};
