import { errorBranchesRule } from "../../../flows/rules/error-branches";
import { context, goodInboundActions, inbound, withAction } from "./examples";

describe("error-branches rule", () => {
  it("passes when every error has a branch", () => {
    expect(errorBranchesRule.check(inbound(goodInboundActions()), context)).toEqual([]);
  });

  it("names a Lambda without an error branch (Connect would drop the caller)", () => {
    const flow = withAction("intake", (a) => ({ ...a, Transitions: { NextAction: "set-queue" } }));
    expect(errorBranchesRule.check(flow, context)).toEqual([
      { action: "intake", message: "InvokeLambdaFunction has no branch for NoMatchingError" },
    ]);
  });

  it("names a queue transfer that does not handle a full queue", () => {
    const flow = withAction("queue", (a) => ({
      ...a,
      Transitions: { Errors: [{ ErrorType: "NoMatchingError", NextAction: "overflow" }] },
    }));
    expect(errorBranchesRule.check(flow, context)).toEqual([
      { action: "queue", message: "TransferContactToQueue has no branch for QueueAtCapacity" },
    ]);
  });

  it("names a loop without its DoneLooping condition", () => {
    const flow = withAction("retry", (a) => ({
      ...a,
      Transitions: { Conditions: a.Transitions.Conditions?.slice(0, 1) },
    }));
    expect(errorBranchesRule.check(flow, context)).toEqual([
      { action: "retry", message: "Loop has no condition for DoneLooping" },
    ]);
  });
});
