import { timeBudget, timeBudgetRule } from "../../../flows/rules/time-budget";
import { context, goodInboundActions, inbound, withAction } from "./examples";

describe("time-budget rule", () => {
  it("passes a short flow and reports its figures", () => {
    const flow = inbound(goodInboundActions());
    expect(timeBudgetRule.check(flow, context)).toEqual([]);
    // Greeting 2 s, then a 3 s Lambda at worst / 0.3 s expected.
    expect(timeBudget(flow, context)).toMatchObject({ worstCaseSeconds: 5, expectedSeconds: 2.3 });
  });

  it("fails a flow whose Lambda time limit pushes the worst case to 15 s or more", () => {
    const flow = withAction("greeting", (a) => ({ ...a, Parameters: { Text: "x".repeat(15 * 8) } }));
    const problems = timeBudgetRule.check(
      withAction("intake", (a) => ({
        ...a,
        Parameters: { ...a.Parameters, InvocationTimeLimitSeconds: "8" },
      })),
      context,
    );
    expect(problems).toEqual([]);
    const slow = {
      ...flow,
      content: {
        ...flow.content,
        Actions: flow.content.Actions.map((a) =>
          a.Identifier === "intake"
            ? { ...a, Parameters: { ...a.Parameters, InvocationTimeLimitSeconds: "8" } }
            : a,
        ),
      },
    };
    expect(timeBudgetRule.check(slow, context).map((p) => p.message)).toEqual([
      "worst case 16 s before a human (limit 15 s) via greeting -> intake -> set-queue -> queue",
      "expected 8.3 s before a human when nothing fails (limit 5 s)",
    ]);
  });

  it("reports a prompt whose duration is unknown", () => {
    const flow = withAction("greeting", (a) => ({ ...a, Parameters: { PromptId: "not-recorded" } }));
    expect(timeBudgetRule.check(flow, context)).toContainEqual({
      action: "greeting",
      message: 'prompt "not-recorded" is not in the prompt set: duration unknown',
    });
  });
});
