/**
 * Rule `staffed-queue`: a caller never waits with nobody there. Connect raises QueueAtCapacity only
 * when the queue is at its capacity; a queue with nobody logged in takes the caller, who waits.
 *
 * - Inbound: every queue transfer comes after a staffing check (CheckMetricData on an agent count),
 *   and a check's "nobody" exit (its NextAction) never leads to a queue transfer before a transfer
 *   to a number.
 * - Customer queue: a hold message that plays until a call-taker answers (no interrupt), or the end
 *   of the flow (the caller stays queued in silence), is reached only when a staffing check said
 *   somebody is there (or could not tell: fail-open). An interrupted hold message is interrupted
 *   within the tenant's queue-wait limit and its interrupt leads to a transfer to a number.
 */
import { countsAgents } from "../action-catalog";
import { actionsById, edgesOf, type FlowEdge, HANDOFF_TYPES, reachableFrom } from "../flow-graph";
import type { FlowAction, FlowContent } from "../flow-language";
import type { FlowRule, FlowUnderTest, RuleContext, RuleProblem } from "./rule";

const isStaffingCheck = (action: FlowAction | undefined): boolean =>
  action?.Type === "CheckMetricData" && countsAgents(action.Parameters?.MetricType);

/** Edges that say somebody is staffed (or that the check failed): all but a check's NextAction. */
function saysStaffed(edge: FlowEdge, byId: ReadonlyMap<string, FlowAction>): boolean {
  return isStaffingCheck(byId.get(edge.from)) && edge.kind !== "next";
}

/** Actions reachable from `start` without leaving a hand-off, following `follow`. */
function beforeHandoff(content: FlowContent, start: string, follow: (e: FlowEdge) => boolean): Set<string> {
  const byId = actionsById(content);
  return reachableFrom(
    content,
    (e) => !HANDOFF_TYPES.includes(byId.get(e.from)?.Type ?? "") && follow(e),
    start,
  );
}

function checkInbound(content: FlowContent): RuleProblem[] {
  const byId = actionsById(content);
  const problems: RuleProblem[] = [];
  // Reachable without passing a staffing check at all.
  const unchecked = reachableFrom(content, (e) => !isStaffingCheck(byId.get(e.from)));
  for (const id of unchecked) {
    if (byId.get(id)?.Type === "TransferContactToQueue") {
      problems.push({
        action: id,
        message:
          "queues the caller without a staffing check first (CheckMetricData on NumberOfAgentsStaffed)",
      });
    }
  }
  for (const check of byId.values()) {
    if (!isStaffingCheck(check) || !check.Transitions?.NextAction) continue;
    const nobody = check.Transitions.NextAction;
    for (const id of beforeHandoff(content, nobody, () => true)) {
      if (byId.get(id)?.Type === "TransferContactToQueue") {
        problems.push({
          action: check.Identifier,
          message: `with nobody staffed the caller still reaches the queue transfer "${id}" before any number`,
        });
      }
    }
  }
  return problems;
}

function checkCustomerQueue(content: FlowContent, context: RuleContext): RuleProblem[] {
  const byId = actionsById(content);
  const problems: RuleProblem[] = [];
  const withNobody = reachableFrom(content, (e) => !saysStaffed(e, byId));
  for (const id of withNobody) {
    const action = byId.get(id) as FlowAction;
    const interrupt = action.Parameters?.InterruptFrequencySeconds;
    if (action.Type === "EndFlowExecution") {
      problems.push({
        action: id,
        message:
          "ends the hold flow (the caller waits in silence) without a staffing check saying somebody is there",
      });
    }
    if (action.Type !== "MessageParticipantIteratively") continue;
    if (interrupt === undefined) {
      problems.push({
        action: id,
        message:
          "plays until a call-taker answers, reachable without a staffing check saying somebody is there",
      });
      continue;
    }
    const limit = context.maxQueueWaitSeconds;
    if (limit !== undefined && Number(interrupt) > limit) {
      problems.push({
        action: id,
        message: `interrupts after ${String(interrupt)} s, past the tenant's queue-wait limit of ${limit} s`,
      });
    }
    const onInterrupt = edgesOf(action).find((e) => e.label === "MessagesInterrupted")?.to;
    const reaches = onInterrupt
      ? [
          ...beforeHandoff(
            content,
            onInterrupt,
            (e) => byId.get(e.from)?.Type !== "MessageParticipantIteratively",
          ),
        ]
      : [];
    if (!reaches.some((to) => byId.get(to)?.Type === "TransferParticipantToThirdParty")) {
      problems.push({
        action: id,
        message: "its interrupt does not lead to a transfer to the overflow number",
      });
    }
  }
  return problems;
}

export const staffedQueueRule: FlowRule = {
  id: "staffed-queue",
  description:
    "a caller is queued only after a staffing check and never waits past the limit with nobody there",
  check(flow: FlowUnderTest, context: RuleContext) {
    return flow.kind === "inbound" ? checkInbound(flow.content) : checkCustomerQueue(flow.content, context);
  },
};
