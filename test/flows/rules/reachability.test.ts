import { reachabilityRule } from "../../../flows/rules/reachability";
import { context, goodInboundActions, inbound } from "./examples";

describe("reachability rule", () => {
  it("passes when every action is reachable", () => {
    expect(reachabilityRule.check(inbound(goodInboundActions()), context)).toEqual([]);
  });

  it("names an action nothing leads to", () => {
    const actions = goodInboundActions();
    actions.push({
      Identifier: "forgotten-fallback",
      Type: "MessageParticipant",
      Parameters: { Text: "x" },
      Transitions: { NextAction: "done", Errors: [{ ErrorType: "NoMatchingError", NextAction: "done" }] },
    });
    expect(reachabilityRule.check(inbound(actions), context)).toEqual([
      { action: "forgotten-fallback", message: 'cannot be reached from StartAction "greeting"' },
    ]);
  });
});
