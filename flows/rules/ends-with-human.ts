/**
 * Rule `ends-with-human`: in an inbound flow, every path from the start ends with the caller handed
 * to a human (the queue, or an external number that answered), unless the caller hangs up. A
 * disconnect or end reachable before any hand-off is a problem.
 *
 * One exception, reported as a figure rather than a problem: a disconnect reachable only when a
 * bounded retry loop is exhausted, where each round tries the queue or a number again. Loops must
 * be bounded, so after the last round something has to happen; the flow must say so (a prompt)
 * and it must have retried first.
 *
 * In a customer-queue flow the caller is already queued: a disconnect is a problem, ending the
 * flow keeps the caller in queue.
 */
import { edgesOf, type FlowEdge, HANDOFF_TYPES, isAfterHandoff, reachableFrom } from "../flow-graph";
import type { FlowContent } from "../flow-language";
import type { FlowRule, FlowUnderTest, RuleProblem } from "./rule";

/** Loops whose continue branch reaches a hand-off attempt before coming back to the loop. */
export function retryLoops(content: FlowContent): Map<string, number> {
  const types = new Map((content.Actions ?? []).map((a) => [a.Identifier, a.Type]));
  const loops = new Map<string, number>();
  for (const action of content.Actions ?? []) {
    if (action.Type !== "Loop") continue;
    const cont = edgesOf(action).find((e) => e.label === "ContinueLooping");
    if (!cont) continue;
    const body = reachableFrom(
      content,
      (e) => e.to !== action.Identifier && !isAfterHandoff(e, types.get(e.from)),
      cont.to,
    );
    if ([...body].some((id) => HANDOFF_TYPES.includes(types.get(id) ?? ""))) {
      loops.set(action.Identifier, Number(action.Parameters?.LoopCount));
    }
  }
  return loops;
}

/** Whether an edge leaves a retry loop once it is exhausted: DoneLooping, or the Loop's default exit. */
function exhausts(edge: FlowEdge, loops: ReadonlyMap<string, number>): boolean {
  return loops.has(edge.from) && (edge.label === "DoneLooping" || edge.kind === "next");
}

/** Terminal actions a caller can reach before any human, following `follow`. */
function endsBeforeHuman(flow: FlowUnderTest, follow: (edge: FlowEdge) => boolean): string[] {
  const types = new Map((flow.content.Actions ?? []).map((a) => [a.Identifier, a.Type]));
  const reachable = reachableFrom(flow.content, (e) => !isAfterHandoff(e, types.get(e.from)) && follow(e));
  const bad =
    flow.kind === "inbound" ? ["DisconnectParticipant", "EndFlowExecution"] : ["DisconnectParticipant"];
  return [...reachable].filter((id) => bad.includes(types.get(id) ?? ""));
}

/**
 * Disconnects reachable only once a retry loop is exhausted (the figure the report shows).
 *
 * @example
 * lastResortEnds(flow) // ["last-resort-end"]
 */
export function lastResortEnds(flow: FlowUnderTest): string[] {
  const loops = retryLoops(flow.content);
  const all = endsBeforeHuman(flow, () => true);
  const withoutExhaustion = new Set(endsBeforeHuman(flow, (e) => !exhausts(e, loops)));
  return all.filter((id) => !withoutExhaustion.has(id));
}

export const endsWithHumanRule: FlowRule = {
  id: "ends-with-human",
  description: "every path ends with a human or a caller hang-up (inbound), or stays queued (customer queue)",
  check(flow) {
    const loops = retryLoops(flow.content);
    const byId = new Map((flow.content.Actions ?? []).map((a) => [a.Identifier, a]));
    const problems: RuleProblem[] = [];
    for (const id of endsBeforeHuman(flow, (e) => !exhausts(e, loops))) {
      const what =
        flow.kind === "inbound" ? "before the caller reaches a human" : "while the caller waits in queue";
      problems.push({ action: id, message: `${byId.get(id)?.Type} can be reached ${what}` });
    }
    for (const id of lastResortEnds(flow)) {
      // The last resort must be announced: the action before it plays a message.
      const silent = (flow.content.Actions ?? []).some(
        (a) => a.Type !== "MessageParticipant" && edgesOf(a).some((e) => e.to === id),
      );
      if (silent)
        problems.push({ action: id, message: "ends the call after the retries without a message first" });
    }
    return problems;
  },
};
