/**
 * Small example flows for the rule tests, written as plain flow-language JSON. `goodInboundFlow`
 * passes every rule; each rule's test breaks it in the one way that rule must catch.
 */
import type { FlowAction, FlowContent } from "../../../flows/flow-language";
import type { FlowUnderTest, RuleContext } from "../../../flows/rules/rule";

export const context: RuleContext = { promptSeconds: (id) => (id === "prompt-greeting" ? 2 : undefined) };

export function goodInboundActions(): FlowAction[] {
  return [
    {
      Identifier: "greeting",
      Type: "MessageParticipant",
      Parameters: { PromptId: "prompt-greeting" },
      Transitions: { NextAction: "intake", Errors: [{ ErrorType: "NoMatchingError", NextAction: "intake" }] },
    },
    {
      Identifier: "intake",
      Type: "InvokeLambdaFunction",
      Parameters: {
        LambdaFunctionARN: "arn:aws:lambda:ap-southeast-1:1:function:intake",
        InvocationTimeLimitSeconds: "3",
      },
      Transitions: {
        NextAction: "set-queue",
        Errors: [{ ErrorType: "NoMatchingError", NextAction: "set-queue" }],
      },
    },
    {
      Identifier: "set-queue",
      Type: "UpdateContactTargetQueue",
      Parameters: { QueueId: "arn:queue" },
      Transitions: {
        NextAction: "queue",
        Errors: [{ ErrorType: "NoMatchingError", NextAction: "overflow" }],
      },
    },
    {
      Identifier: "queue",
      Type: "TransferContactToQueue",
      Parameters: {},
      Transitions: {
        NextAction: "done",
        Errors: [
          { ErrorType: "QueueAtCapacity", NextAction: "overflow" },
          { ErrorType: "NoMatchingError", NextAction: "overflow" },
        ],
      },
    },
    {
      Identifier: "overflow",
      Type: "TransferParticipantToThirdParty",
      Parameters: {
        ThirdPartyPhoneNumber: "+62431000112",
        ThirdPartyConnectionTimeLimitSeconds: "20",
        ContinueFlowExecution: "True",
      },
      Transitions: {
        NextAction: "done",
        Errors: [
          { ErrorType: "CallFailed", NextAction: "retry" },
          { ErrorType: "ConnectionTimeLimitExceeded", NextAction: "retry" },
          { ErrorType: "NoMatchingError", NextAction: "retry" },
        ],
      },
    },
    {
      Identifier: "retry",
      Type: "Loop",
      Parameters: { LoopCount: "3" },
      Transitions: {
        NextAction: "sorry",
        Conditions: [
          { NextAction: "queue-again", Condition: { Operator: "Equals", Operands: ["ContinueLooping"] } },
          { NextAction: "sorry", Condition: { Operator: "Equals", Operands: ["DoneLooping"] } },
        ],
      },
    },
    {
      Identifier: "queue-again",
      Type: "TransferContactToQueue",
      Parameters: {},
      Transitions: {
        NextAction: "done",
        Errors: [
          { ErrorType: "QueueAtCapacity", NextAction: "retry" },
          { ErrorType: "NoMatchingError", NextAction: "retry" },
        ],
      },
    },
    {
      Identifier: "sorry",
      Type: "MessageParticipant",
      Parameters: { Text: "Maaf, semua petugas sibuk." },
      Transitions: { NextAction: "end", Errors: [{ ErrorType: "NoMatchingError", NextAction: "end" }] },
    },
    { Identifier: "end", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
    { Identifier: "done", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
  ];
}

export function inbound(actions: FlowAction[], start = actions[0]?.Identifier ?? "greeting"): FlowUnderTest {
  const content: FlowContent = { Version: "2019-10-30", StartAction: start, Actions: actions };
  return { name: "example", kind: "inbound", content };
}

/** The good flow with one action replaced (by identifier) through `change`. */
export function withAction(id: string, change: (a: FlowAction) => FlowAction): FlowUnderTest {
  return inbound(goodInboundActions().map((a) => (a.Identifier === id ? change(a) : a)));
}
