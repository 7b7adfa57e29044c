import type { FlowAction, FlowContent } from "../../flows/flow-language";
import { PROMPT_NAMES, type PromptSet } from "../../flows/prompt-set";
import {
  buildCustomerQueueFlow,
  buildInboundFlow,
  INTAKE_TIME_LIMIT_SECONDS,
  placeholderRefs,
  verifyTenantFlows,
} from "../../flows/tenant-flows";
import { formatFlowProblem } from "../../flows/verify";
import { defaultPromptSet, exampleTenants, tenant } from "./support";

const byType = (content: FlowContent, type: string): FlowAction[] =>
  content.Actions.filter((a) => a.Type === type);

describe("inbound 112 flow", () => {
  const manado = tenant("71.71");
  const jakarta = tenant("31");
  const refs = placeholderRefs(manado);
  const content = buildInboundFlow(manado, refs);

  it("turns on flow logging first, sets no language and never records the call", () => {
    expect(content.Actions[0]).toMatchObject({
      Type: "UpdateFlowLoggingBehavior",
      Parameters: { FlowLoggingBehavior: "Enabled" },
    });
    // No AWS page lists an UpdateContactData LanguageCode for Indonesian; prompts are recordings.
    expect(byType(content, "UpdateContactData")).toEqual([]);
    // Recordings would be stored in the Connect Region (Singapore): see docs/deploy.md.
    expect(byType(content, "UpdateContactRecordingBehavior")).toEqual([]);
  });

  it.each(["Compare", "Loop", "CheckHoursOfOperation", "GetParticipantInput", "CheckMetricData"])(
    "every %s carries the designer's default exit as NextAction",
    (type) => {
      const actions = [jakarta, manado].flatMap((t) => {
        const r = placeholderRefs(t);
        return [...buildInboundFlow(t, r).Actions, ...buildCustomerQueueFlow(t, r).Actions];
      });
      const ofType = actions.filter((a) => a.Type === type);
      expect(ofType.length).toBeGreaterThan(0);
      for (const action of ofType) expect(action.Transitions.NextAction).toEqual(expect.any(String));
    },
  );

  it("checks staffing before every queue transfer; nobody staffed goes to the overflow number", () => {
    const checks = byType(content, "CheckMetricData");
    expect(checks.map((a) => a.Parameters.MetricType)).toEqual([
      "NumberOfAgentsStaffed",
      "NumberOfAgentsStaffed",
    ]);
    for (const check of checks) {
      const staffed = check.Transitions.Conditions?.[0];
      expect(staffed?.Condition).toEqual({ Operator: "NumberGreaterThan", Operands: ["0"] });
      expect(byType(content, "TransferContactToQueue").map((a) => a.Identifier)).toContain(
        staffed?.NextAction,
      );
      const nobody = content.Actions.find((a) => a.Identifier === check.Transitions.NextAction);
      expect(nobody?.Type).toBe("TransferParticipantToThirdParty");
    }
  });

  it("plays the recorded greeting, not text-to-speech (Polly has no Indonesian voice)", () => {
    for (const action of [
      ...byType(content, "MessageParticipant"),
      ...byType(content, "GetParticipantInput"),
    ]) {
      expect(Object.keys(action.Parameters)).toContain("PromptId");
    }
    expect(content.Actions.find((a) => a.Identifier === "greeting")?.Parameters.PromptId).toBe(
      refs.prompts.greeting,
    );
  });

  it("offers the category menu only to tenants that asked for it", () => {
    expect(byType(content, "GetParticipantInput")).toHaveLength(0);
    const menu = byType(buildInboundFlow(jakarta, placeholderRefs(jakarta)), "GetParticipantInput");
    expect(menu).toHaveLength(1);
    expect(menu[0].Parameters.InputTimeLimitSeconds).toBe("2");
  });

  it("invokes the intake Lambda with a short time limit and a STRING_MAP response", () => {
    const [intake] = byType(content, "InvokeLambdaFunction");
    expect(intake.Parameters).toEqual({
      LambdaFunctionARN: refs.intakeFunctionArn,
      InvocationTimeLimitSeconds: String(INTAKE_TIME_LIMIT_SECONDS),
      ResponseValidation: { ResponseType: "STRING_MAP" },
    });
  });

  it("transfers to the tenant's queue and to its overflow number", () => {
    expect(byType(content, "UpdateContactTargetQueue")[0].Parameters).toEqual({ QueueId: refs.queueArn });
    const overflow = byType(content, "TransferParticipantToThirdParty");
    expect(overflow.map((a) => a.Parameters.ThirdPartyPhoneNumber)).toEqual([
      manado.phone.overflow,
      manado.phone.overflow,
    ]);
    expect(byType(content, "UpdateContactEventHooks")[0].Parameters).toEqual({
      EventHooks: { CustomerQueue: refs.customerQueueFlowArn },
    });
  });

  it("is deterministic: the same tenant builds the same content", () => {
    expect(JSON.stringify(buildInboundFlow(manado, refs))).toBe(JSON.stringify(content));
  });
});

describe("customer-queue flow", () => {
  const t = tenant("35.78");
  const refs = placeholderRefs(t);
  const content = buildCustomerQueueFlow(t, refs);

  it("plays the Indonesian hold prompt, interrupted after the tenant's queue-wait limit", () => {
    expect(content.Actions[0]).toMatchObject({
      Type: "MessageParticipantIteratively",
      Parameters: {
        Messages: [{ PromptId: refs.prompts["queue-hold"] }],
        InterruptFrequencySeconds: String(t.callHandling.maxQueueWaitSeconds),
      },
    });
    expect(t.callHandling.maxQueueWaitSeconds).toBe(60);
  });

  it("follows a tenant's own limit", () => {
    const patient = { ...t, callHandling: { ...t.callHandling, maxQueueWaitSeconds: 45 } };
    expect(buildCustomerQueueFlow(patient, refs).Actions[0].Parameters.InterruptFrequencySeconds).toBe("45");
  });

  it("moves a waiting caller to the overflow number; disconnects only after the overflow centre hung up or every round failed", () => {
    const interrupt = content.Actions[0].Transitions.Conditions?.[0];
    expect(interrupt?.Condition.Operands).toEqual(["MessagesInterrupted"]);
    const overflow = content.Actions.find((a) => a.Identifier === interrupt?.NextAction);
    expect(overflow?.Parameters.ThirdPartyPhoneNumber).toBe(t.phone.overflow);
    expect(byType(content, "DisconnectParticipant").map((a) => a.Identifier)).toEqual([
      "last-resort-end",
      "handed-over",
    ]);
  });
});

describe("verifyTenantFlows", () => {
  it.each(exampleTenants().map((t) => [t.code, t] as const))(
    "passes every rule for example tenant %s",
    (_c, t) => {
      const report = verifyTenantFlows(t, defaultPromptSet());
      expect(report.problems.map(formatFlowProblem)).toEqual([]);
      const inbound = report.flows.find((f) => f.name === "inbound");
      expect(inbound?.worstCaseSeconds).toBeLessThan(15);
      expect(inbound?.expectedSeconds).toBeLessThan(5);
      expect(inbound?.lastResortAfterRounds).toBe(10);
    },
  );

  it("fails, naming the rule, when a city's recorded greeting is too long", () => {
    const set = defaultPromptSet();
    const long: PromptSet = {
      ...set,
      prompts: { ...set.prompts, greeting: { ...set.prompts.greeting, durationSeconds: 12 } },
    };
    const problems = verifyTenantFlows(tenant("71.71"), long).problems.map(formatFlowProblem);
    expect(problems).toEqual([
      expect.stringMatching(/^71\.71 inbound \[time-budget\]: worst case 15 s before a human \(limit 15 s\)/),
      expect.stringMatching(/^71\.71 inbound \[time-budget\]: expected 12\.3 s before a human/),
    ]);
  });

  it("uses one placeholder prompt ARN per prompt name", () => {
    const refs = placeholderRefs(tenant("71.71"));
    expect(new Set(PROMPT_NAMES.map((p) => refs.prompts[p])).size).toBe(PROMPT_NAMES.length);
  });
});
