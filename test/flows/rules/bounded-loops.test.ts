import { boundedLoopsRule } from "../../../flows/rules/bounded-loops";
import { context, goodInboundActions, inbound, withAction } from "./examples";

describe("bounded-loops rule", () => {
  it("passes when the only cycle goes through a Loop's continue branch", () => {
    expect(boundedLoopsRule.check(inbound(goodInboundActions()), context)).toEqual([]);
  });

  it("names a cycle between a failing queue and a failing number with no Loop", () => {
    const flow = withAction("overflow", (a) => ({
      ...a,
      Transitions: {
        NextAction: "done",
        Errors: (a.Transitions.Errors ?? []).map((e) => ({ ...e, NextAction: "queue" })),
      },
    }));
    const problems = boundedLoopsRule.check(flow, context);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/unbounded cycle .*queue.*overflow/);
  });
});
