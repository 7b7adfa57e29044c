import { endsWithHumanRule, lastResortEnds } from "../../../flows/rules/ends-with-human";
import type { FlowUnderTest } from "../../../flows/rules/rule";
import { context, goodInboundActions, inbound, withAction } from "./examples";

describe("ends-with-human rule", () => {
  it("passes a flow whose only disconnects come after a human or an announced, exhausted retry loop", () => {
    const flow = inbound(goodInboundActions());
    expect(endsWithHumanRule.check(flow, context)).toEqual([]);
    expect(lastResortEnds(flow)).toEqual(["end"]);
  });

  it("names a disconnect reached when the intake Lambda fails", () => {
    const flow = withAction("intake", (a) => ({
      ...a,
      Transitions: { NextAction: "set-queue", Errors: [{ ErrorType: "NoMatchingError", NextAction: "end" }] },
    }));
    expect(endsWithHumanRule.check(flow, context)).toEqual([
      { action: "end", message: "DisconnectParticipant can be reached before the caller reaches a human" },
    ]);
  });

  it("names a silent last resort (no message before the disconnect)", () => {
    const flow = withAction("retry", (a) => ({
      ...a,
      Transitions: {
        Conditions: [
          a.Transitions.Conditions?.[0] as never,
          { NextAction: "end", Condition: { Operator: "Equals", Operands: ["DoneLooping"] } },
        ],
      },
    }));
    expect(endsWithHumanRule.check(flow, context)).toContainEqual({
      action: "end",
      message: "ends the call after the retries without a message first",
    });
  });

  it("in a customer-queue flow, names a disconnect of a queued caller", () => {
    const flow: FlowUnderTest = {
      name: "queue",
      kind: "customer-queue",
      content: {
        Version: "2019-10-30",
        StartAction: "hold",
        Actions: [
          {
            Identifier: "hold",
            Type: "MessageParticipantIteratively",
            Parameters: { Messages: [{ Text: "Mohon tunggu" }] },
            Transitions: { Errors: [{ ErrorType: "NoMatchingError", NextAction: "bye" }] },
          },
          { Identifier: "bye", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
        ],
      },
    };
    expect(endsWithHumanRule.check(flow, context)).toEqual([
      { action: "bye", message: "DisconnectParticipant can be reached while the caller waits in queue" },
    ]);
  });
});
