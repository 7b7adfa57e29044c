/**
 * The flow as a graph: actions by identifier and the labelled edges between them. Shared by the
 * verification rules, the simulator's report and the Mermaid graph.
 */
import type { FlowAction, FlowContent } from "./flow-language";

export type EdgeKind = "next" | "error" | "condition";

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** `next`, the error type, or the condition's first operand. */
  readonly label: string;
}

/** Actions that hand the caller to a human: the queue, or an external number. */
export const HANDOFF_TYPES: readonly string[] = ["TransferContactToQueue", "TransferParticipantToThirdParty"];

/**
 * Whether an edge runs only once the caller has been with a human: the success branch of a
 * transfer (never run for a queue transfer, run after the third party hangs up for a number).
 *
 * @example
 * isAfterHandoff({ from: "queue", to: "done", kind: "next", label: "next" }, "TransferContactToQueue") // true
 */
export function isAfterHandoff(edge: FlowEdge, fromType: string | undefined): boolean {
  return edge.kind === "next" && HANDOFF_TYPES.includes(fromType ?? "");
}

/**
 * Every outgoing edge of an action, in the order they are written.
 *
 * @example
 * edgesOf(action).map((e) => e.label) // ["next", "NoMatchingError"]
 */
export function edgesOf(action: FlowAction): FlowEdge[] {
  const t = action.Transitions ?? {};
  const edges: FlowEdge[] = [];
  if (t.NextAction) edges.push({ from: action.Identifier, to: t.NextAction, kind: "next", label: "next" });
  for (const c of t.Conditions ?? []) {
    edges.push({
      from: action.Identifier,
      to: c.NextAction,
      kind: "condition",
      label: c.Condition?.Operands?.[0] ?? "?",
    });
  }
  for (const e of t.Errors ?? [])
    edges.push({ from: action.Identifier, to: e.NextAction, kind: "error", label: e.ErrorType });
  return edges;
}

/** Actions by identifier (the first one wins when an identifier repeats; the structure rule reports it). */
export function actionsById(content: FlowContent): Map<string, FlowAction> {
  const byId = new Map<string, FlowAction>();
  for (const action of content.Actions ?? [])
    if (!byId.has(action.Identifier)) byId.set(action.Identifier, action);
  return byId;
}

/**
 * Identifiers reachable from the start, following the edges `follow` accepts (all by default).
 *
 * @example
 * reachableFrom(content).has("greeting") // true
 */
export function reachableFrom(
  content: FlowContent,
  follow: (edge: FlowEdge) => boolean = () => true,
  start: string = content.StartAction,
): Set<string> {
  const byId = actionsById(content);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    const action = byId.get(id);
    if (!action) continue;
    seen.add(id);
    for (const edge of edgesOf(action)) if (follow(edge) && !seen.has(edge.to)) stack.push(edge.to);
  }
  return seen;
}
