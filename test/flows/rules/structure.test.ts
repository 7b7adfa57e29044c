import { structureRule } from "../../../flows/rules/structure";
import { context, goodInboundActions, inbound, withAction } from "./examples";

const messages = (flow: Parameters<typeof structureRule.check>[0]) =>
  structureRule.check(flow, context).map((p) => `${p.action ?? ""}: ${p.message}`);

describe("structure rule", () => {
  it("passes a well-formed flow", () => {
    expect(messages(inbound(goodInboundActions()))).toEqual([]);
  });

  it("reports an identifier Connect forbids and a repeated one", () => {
    const actions = goodInboundActions();
    actions.push({ ...actions[0] });
    actions.push({ Identifier: "bad:id", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} });
    const found = messages(inbound(actions));
    expect(found).toContain("greeting: identifier used twice");
    expect(found).toContain('bad:id: identifier contains ":"');
  });

  it("reports a transition to a missing action and a missing StartAction", () => {
    const flow = withAction("greeting", (a) => ({
      ...a,
      Transitions: { ...a.Transitions, NextAction: "nowhere" },
    }));
    expect(messages(flow)).toContain(
      'greeting: next leads to "nowhere", which is not an action of this flow',
    );
    expect(messages(inbound(goodInboundActions(), "missing"))).toContain(
      ': StartAction "missing" is not an action of this flow',
    );
  });

  it("reports an unknown type, an unknown parameter and a number written as a number", () => {
    const unknownType = withAction("done", (a) => ({ ...a, Type: "PlayMusicForever" }));
    expect(messages(unknownType)).toContain('done: type "PlayMusicForever" is not a supported action type');
    const badParam = withAction("greeting", (a) => ({ ...a, Parameters: { PromptId: "p", Voice: "x" } }));
    expect(messages(badParam).join("\n")).toMatch(/MessageParticipant has no parameter "Voice"/);
    const numeric = withAction("retry", (a) => ({ ...a, Parameters: { LoopCount: 3 as unknown as string } }));
    expect(messages(numeric).join("\n")).toMatch(
      /LoopCount is number 3; the flow language writes it as a string/,
    );
  });

  it("reports a Lambda time limit outside 1-8 s", () => {
    const flow = withAction("intake", (a) => ({
      ...a,
      Parameters: { ...a.Parameters, InvocationTimeLimitSeconds: "9" },
    }));
    expect(messages(flow)).toContain(
      'intake: InvocationTimeLimitSeconds "9": must be a whole number from 1 to 8',
    );
  });

  it("reports an error type the action cannot raise", () => {
    const flow = withAction("greeting", (a) => ({
      ...a,
      Transitions: { ...a.Transitions, Errors: [{ ErrorType: "QueueAtCapacity", NextAction: "intake" }] },
    }));
    expect(messages(flow).join("\n")).toMatch(/MessageParticipant cannot raise "QueueAtCapacity"/);
  });

  it("reports a branching action without the designer's default exit (NextAction)", () => {
    const flow = withAction("retry", (a) => ({
      ...a,
      Transitions: { Conditions: a.Transitions.Conditions },
    }));
    expect(messages(flow)).toContain("retry: Loop needs a NextAction");
    const compare = inbound([
      {
        Identifier: "check",
        Type: "Compare",
        Parameters: { ComparisonValue: "$.External.status" },
        Transitions: {
          Conditions: [{ NextAction: "check", Condition: { Operator: "Equals", Operands: ["ok"] } }],
          Errors: [{ ErrorType: "NoMatchingCondition", NextAction: "check" }],
        },
      },
    ]);
    expect(messages(compare)).toContain("check: Compare needs a NextAction");
  });

  it("reports a metric Connect does not know, and an agent count compared with anything but > 0", () => {
    const check = (metric: string, operator: string, operand: string, errors: string[]) =>
      messages(
        inbound([
          {
            Identifier: "staffing",
            Type: "CheckMetricData",
            Parameters: { MetricType: metric },
            Transitions: {
              NextAction: "staffing",
              Conditions: [
                { NextAction: "staffing", Condition: { Operator: operator, Operands: [operand] } },
              ],
              Errors: errors.map((ErrorType) => ({ ErrorType, NextAction: "staffing" })),
            },
          },
        ]),
      );
    expect(check("NumberOfAgentsStaffed", "NumberGreaterThan", "0", ["NoMatchingError"])).toEqual([]);
    expect(check("AgentsAvailable", "NumberGreaterThan", "0", ["NoMatchingError"])).toContain(
      'staffing: MetricType "AgentsAvailable": expected one of NumberOfAgentsAvailable, NumberOfAgentsStaffed, NumberOfAgentsOnline, OldestContactInQueueAgeSeconds, NumberOfContactsInQueue',
    );
    expect(check("NumberOfAgentsStaffed", "NumberGreaterThan", "1", ["NoMatchingError"])).toContain(
      'staffing: condition NumberGreaterThan ["1"]: NumberOfAgentsStaffed takes only NumberGreaterThan ["0"]',
    );
    expect(
      check("NumberOfAgentsStaffed", "NumberGreaterThan", "0", ["NoMatchingCondition", "NoMatchingError"]),
    ).toContain('staffing: CheckMetricData cannot raise "NoMatchingCondition"; it raises NoMatchingError');
    expect(
      check("OldestContactInQueueAgeSeconds", "NumberLessThan", "60", [
        "NoMatchingCondition",
        "NoMatchingError",
      ]),
    ).toEqual([]);
  });

  it("reports content over 256,000 characters (the synth of the tenant's call stack fails on it)", () => {
    const huge = withAction("greeting", (a) => ({ ...a, Parameters: { Text: "x".repeat(256_000) } }));
    expect(messages(huge).join("\n")).toMatch(/^: content is 25\d{4} characters \(at most 256000\)$/m);
  });

  it("reports more than 250 actions", () => {
    const actions = goodInboundActions();
    for (let i = 0; i < 250; i++) {
      actions.push({
        Identifier: `extra-${i}`,
        Type: "DisconnectParticipant",
        Parameters: {},
        Transitions: {},
      });
    }
    expect(messages(inbound(actions))).toContain(": 260 actions (at most 250)");
  });
});

describe("structure rule, per flow type", () => {
  it("reports an action Connect does not accept in this type of flow", () => {
    const flow = inbound(goodInboundActions());
    const queueFlow = { ...flow, kind: "customer-queue" as const };
    expect(messages(queueFlow)).toContain(
      "queue: TransferContactToQueue is not allowed in a customer-queue flow (only in: inbound)",
    );
    const endInInbound = withAction("done", (a) => ({ ...a, Type: "EndFlowExecution" }));
    expect(messages(endInInbound)).toContain(
      "done: EndFlowExecution is not allowed in an inbound flow (only in: customer-queue)",
    );
  });
});
