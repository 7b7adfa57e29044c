import type { FlowAction, FlowContent } from "../../../flows/flow-language";
import { staffedQueueRule } from "../../../flows/rules/staffed-queue";
import { buildCustomerQueueFlow, placeholderRefs } from "../../../flows/tenant-flows";
import { tenant } from "../support";
import { context, goodInboundActions, inbound } from "./examples";

const messages = (flow: Parameters<typeof staffedQueueRule.check>[0], ctx = context) =>
  staffedQueueRule.check(flow, ctx).map((p) => `${p.action ?? ""}: ${p.message}`);

/** The good example with a staffing check between setting the queue and queueing. */
function checkedActions(nobody = "overflow"): FlowAction[] {
  return goodInboundActions().flatMap((a) =>
    a.Identifier === "set-queue"
      ? [
          { ...a, Transitions: { ...a.Transitions, NextAction: "staffing" } },
          {
            Identifier: "staffing",
            Type: "CheckMetricData",
            Parameters: { MetricType: "NumberOfAgentsStaffed" },
            Transitions: {
              NextAction: nobody,
              Conditions: [
                { NextAction: "queue", Condition: { Operator: "NumberGreaterThan", Operands: ["0"] } },
              ],
              Errors: [{ ErrorType: "NoMatchingError", NextAction: "queue" }],
            },
          },
        ]
      : [a],
  );
}

const customerQueue = (content: FlowContent) => ({ name: "hold", kind: "customer-queue" as const, content });

describe("staffed-queue rule, inbound", () => {
  it("passes a flow that checks staffing and sends nobody-staffed to the number", () => {
    // The retry loop's second queue transfer is reached only through the checked path's fallbacks.
    const actions = checkedActions().map((a) =>
      a.Identifier === "retry"
        ? {
            ...a,
            Transitions: {
              ...a.Transitions,
              Conditions: a.Transitions.Conditions?.map((c) =>
                c.Condition.Operands[0] === "ContinueLooping" ? { ...c, NextAction: "staffing" } : c,
              ),
            },
          }
        : a,
    );
    expect(messages(inbound(actions))).toEqual([]);
  });

  it("reports a queue transfer with no staffing check before it (a caller would wait with nobody there)", () => {
    expect(messages(inbound(goodInboundActions())).sort()).toEqual([
      "queue-again: queues the caller without a staffing check first (CheckMetricData on NumberOfAgentsStaffed)",
      "queue: queues the caller without a staffing check first (CheckMetricData on NumberOfAgentsStaffed)",
    ]);
  });

  it("reports a staffing check whose nobody exit still queues the caller", () => {
    const found = messages(inbound(checkedActions("queue")));
    expect(found).toContain(
      'staffing: with nobody staffed the caller still reaches the queue transfer "queue" before any number',
    );
  });
});

describe("staffed-queue rule, customer queue", () => {
  const t = tenant("71.71");
  const good = buildCustomerQueueFlow(t, placeholderRefs(t));
  const limit = { ...context, maxQueueWaitSeconds: 60 };

  it("passes siaga112's hold flow", () => {
    expect(messages(customerQueue(good), limit)).toEqual([]);
  });

  it("reports a hold message that plays until answered with nobody checked (the hold flow before issue 9)", () => {
    const old: FlowContent = {
      Version: "2019-10-30",
      StartAction: "hold-message",
      Actions: [
        {
          Identifier: "hold-message",
          Type: "MessageParticipantIteratively",
          Parameters: { Messages: [{ PromptId: "hold" }] },
          Transitions: { Errors: [{ ErrorType: "NoMatchingError", NextAction: "stay" }] },
        },
        { Identifier: "stay", Type: "EndFlowExecution", Parameters: {}, Transitions: {} },
      ],
    };
    expect(messages(customerQueue(old), limit)).toEqual([
      "hold-message: plays until a call-taker answers, reachable without a staffing check saying somebody is there",
      "stay: ends the hold flow (the caller waits in silence) without a staffing check saying somebody is there",
    ]);
  });

  it("reports an interrupt past the tenant's limit", () => {
    expect(messages(customerQueue(good), { ...context, maxQueueWaitSeconds: 30 })).toEqual([
      "hold-message: interrupts after 60 s, past the tenant's queue-wait limit of 30 s",
      "hold-again: interrupts after 60 s, past the tenant's queue-wait limit of 30 s",
    ]);
  });

  it("reports an interrupt that does not lead to the overflow number", () => {
    const looping = {
      ...good,
      Actions: good.Actions.map((a) =>
        a.Identifier === "hold-message"
          ? {
              ...a,
              Transitions: {
                ...a.Transitions,
                Conditions: [
                  {
                    NextAction: "retry",
                    Condition: { Operator: "Equals", Operands: ["MessagesInterrupted"] },
                  },
                ],
              },
            }
          : a,
      ),
    };
    expect(messages(customerQueue(looping), limit)).toEqual([
      "hold-message: its interrupt does not lead to a transfer to the overflow number",
    ]);
  });
});
