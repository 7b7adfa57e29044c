/**
 * What siaga112 knows about each action type of the flow language: its parameters, the errors it
 * can raise, the conditions it takes and whether it ends the flow. Checked against AWS's flow
 * language reference (docs.aws.amazon.com/connect/latest/APIReference/flow-language-actions.html);
 * the verifier and the simulator both read this table, so a type missing here is reported, never
 * guessed.
 */
import type { FlowAction } from "./flow-language";

/** How an action's `Conditions` are judged. */
export type ConditionRule =
  /** Conditions are not supported. */
  | { readonly kind: "none" }
  /** Exactly these `Equals` operands, each one required (CheckHoursOfOperation, Loop). */
  | { readonly kind: "exactly"; readonly operands: readonly string[] }
  /** Any conditions with these operators (Compare, GetParticipantInput, CheckMetricData). */
  | { readonly kind: "free"; readonly operators: readonly string[] };

/** Inbound flows must hand the caller to a human; customer-queue flows run while the caller is queued. */
export type FlowKind = "inbound" | "customer-queue";

export interface ActionSpec {
  /** Flow types Connect accepts the action in (all siaga112 flow kinds when absent). */
  readonly flowKinds?: readonly FlowKind[];
  /** Parameter names Connect accepts for this type. */
  readonly parameters: readonly string[];
  /** Parameters that must be present. */
  readonly required: readonly string[];
  /** Of these, exactly one must be present (the message source of a prompt). */
  readonly oneOf?: readonly string[];
  /** Every error type the action can raise; each needs a branch. */
  readonly errors: readonly string[];
  readonly conditions: ConditionRule;
  /** No transitions: the flow stops here (DisconnectParticipant, EndFlowExecution). */
  readonly terminal: boolean;
  /**
   * Whether the action carries a `NextAction`: its success exit, or for a branching action the
   * default exit the designer draws ("No match", "False", "Done"). Designer and console exports
   * write it on every such action, branching ones included (see flows/README.md).
   */
  readonly hasNext: boolean;
}

/** Metrics `CheckMetricData` can load; `NumberOfAgents*` take only `NumberGreaterThan 0`. */
export const CHECK_METRIC_TYPES = [
  "NumberOfAgentsAvailable",
  "NumberOfAgentsStaffed",
  "NumberOfAgentsOnline",
  "OldestContactInQueueAgeSeconds",
  "NumberOfContactsInQueue",
] as const;

/**
 * Whether a `CheckMetricData` metric counts agents: its only condition is `NumberGreaterThan 0`,
 * it raises no `NoMatchingCondition` and leaves by its `NextAction` when nobody is there.
 * https://docs.aws.amazon.com/connect/latest/APIReference/flow-control-actions-checkmetricdata.html
 *
 * @example
 * countsAgents("NumberOfAgentsStaffed") // true
 */
export function countsAgents(metricType: unknown): boolean {
  return typeof metricType === "string" && metricType.startsWith("NumberOfAgents");
}

const MESSAGE_SOURCES = ["PromptId", "Text", "SSML", "Media"] as const;
const COMPARISON_OPERATORS = [
  "Equals",
  "NumberGreaterThan",
  "NumberGreaterOrEqualTo",
  "NumberLessThan",
  "NumberLessOrEqualTo",
  "TextStartsWith",
  "TextEndsWith",
  "TextContains",
] as const;

function spec(partial: Partial<ActionSpec>): ActionSpec {
  return {
    parameters: [],
    required: [],
    errors: [],
    conditions: { kind: "none" },
    terminal: false,
    hasNext: true,
    ...partial,
  };
}

export const ACTION_CATALOG: Readonly<Record<string, ActionSpec>> = {
  MessageParticipant: spec({
    parameters: [...MESSAGE_SOURCES],
    oneOf: MESSAGE_SOURCES,
    errors: ["NoMatchingError"],
  }),
  GetParticipantInput: spec({
    parameters: [
      ...MESSAGE_SOURCES,
      "InputTimeLimitSeconds",
      "StoreInput",
      "InputValidation",
      "InputEncryption",
      "DTMFConfiguration",
    ],
    required: ["InputTimeLimitSeconds", "StoreInput"],
    oneOf: MESSAGE_SOURCES,
    errors: ["NoMatchingCondition", "InputTimeLimitExceeded", "NoMatchingError"],
    conditions: { kind: "free", operators: ["Equals"] },
    // NextAction: the designer's "Default" exit, the same target as NoMatchingCondition.
  }),
  InvokeLambdaFunction: spec({
    parameters: [
      "LambdaFunctionARN",
      "InvocationTimeLimitSeconds",
      "InvocationType",
      "LambdaInvocationAttributes",
      "ResponseValidation",
    ],
    required: ["LambdaFunctionARN", "InvocationTimeLimitSeconds"],
    errors: ["NoMatchingError"],
  }),
  UpdateContactAttributes: spec({
    parameters: ["Attributes", "TargetContact"],
    required: ["Attributes"],
    errors: ["NoMatchingError"],
  }),
  Compare: spec({
    parameters: ["ComparisonValue"],
    required: ["ComparisonValue"],
    errors: ["NoMatchingCondition"],
    conditions: { kind: "free", operators: COMPARISON_OPERATORS },
    // NextAction: the "No match" exit, the same target as NoMatchingCondition.
  }),
  CheckHoursOfOperation: spec({
    parameters: ["HoursOfOperationId"],
    errors: ["NoMatchingError"],
    conditions: { kind: "exactly", operands: ["True", "False"] },
    // NextAction: the "Out of hours" exit, the same target as the False condition.
  }),
  UpdateContactTargetQueue: spec({
    flowKinds: ["inbound"],
    parameters: ["QueueId", "AgentId"],
    oneOf: ["QueueId", "AgentId"],
    errors: ["NoMatchingError"],
  }),
  /**
   * On success the contact is in queue and this flow ends: the NextAction (which designer exports
   * always carry) is never run.
   */
  TransferContactToQueue: spec({
    flowKinds: ["inbound"],
    errors: ["QueueAtCapacity", "NoMatchingError"],
  }),
  TransferParticipantToThirdParty: spec({
    parameters: [
      "ThirdPartyPhoneNumber",
      "ThirdPartyConnectionTimeLimitSeconds",
      "ContinueFlowExecution",
      "ThirdPartyDTMFDigits",
      "CallerId",
    ],
    required: ["ThirdPartyPhoneNumber", "ThirdPartyConnectionTimeLimitSeconds", "ContinueFlowExecution"],
    errors: ["CallFailed", "ConnectionTimeLimitExceeded", "NoMatchingError"],
  }),
  /**
   * Errors depend on the metric (see `countsAgents`): agent counts raise only NoMatchingError and
   * leave by NextAction when the count is 0; the others also raise NoMatchingCondition.
   */
  CheckMetricData: spec({
    parameters: ["MetricType", "QueueId", "AgentId"],
    required: ["MetricType"],
    errors: ["NoMatchingCondition", "NoMatchingError"],
    conditions: { kind: "free", operators: COMPARISON_OPERATORS },
  }),
  Loop: spec({
    parameters: ["LoopCount"],
    required: ["LoopCount"],
    conditions: { kind: "exactly", operands: ["ContinueLooping", "DoneLooping"] },
    // NextAction: the "Complete" exit, the same target as DoneLooping.
  }),
  UpdateFlowLoggingBehavior: spec({
    parameters: ["FlowLoggingBehavior"],
    required: ["FlowLoggingBehavior"],
  }),
  UpdateContactRecordingBehavior: spec({
    parameters: ["RecordingBehavior", "AnalyticsBehavior"],
    required: ["RecordingBehavior"],
  }),
  UpdateContactData: spec({
    parameters: ["LanguageCode", "Name", "Description", "CustomerId", "TargetContact"],
    errors: ["NoMatchingError"],
  }),
  UpdateContactEventHooks: spec({
    parameters: ["EventHooks"],
    required: ["EventHooks"],
    errors: ["NoMatchingError"],
  }),
  MessageParticipantIteratively: spec({
    flowKinds: ["customer-queue"],
    parameters: ["Messages", "InterruptFrequencySeconds"],
    required: ["Messages"],
    errors: ["NoMatchingError"],
    conditions: { kind: "exactly", operands: ["MessagesInterrupted"] },
    // Without an interrupt frequency it plays until a call-taker answers.
    hasNext: false,
  }),
  DisconnectParticipant: spec({ terminal: true, hasNext: false }),
  /** Customer-queue flows only: the contact stays in queue. */
  EndFlowExecution: spec({ flowKinds: ["customer-queue"], terminal: true, hasNext: false }),
};

/**
 * The errors an action must have a branch for: the catalog's, narrowed by its parameters (stored
 * input has no digit conditions to miss; an agent count raises no NoMatchingCondition).
 *
 * @example
 * requiredErrors({ Type: "CheckMetricData", Parameters: { MetricType: "NumberOfAgentsStaffed" } }) // ["NoMatchingError"]
 */
export function requiredErrors(action: Pick<FlowAction, "Type" | "Parameters">): readonly string[] {
  const spec = actionSpec(action.Type);
  if (!spec) return [];
  if (action.Type === "GetParticipantInput" && action.Parameters?.StoreInput === "True")
    return ["NoMatchingError"];
  if (action.Type === "CheckMetricData" && countsAgents(action.Parameters?.MetricType))
    return ["NoMatchingError"];
  return spec.errors;
}

/** Action types the verifier and simulator support. */
export const SUPPORTED_ACTION_TYPES: readonly string[] = Object.keys(ACTION_CATALOG);

/**
 * The catalog entry for an action type, or `undefined` for a type siaga112 does not support.
 *
 * @example
 * actionSpec("Loop")?.conditions // { kind: "exactly", operands: ["ContinueLooping", "DoneLooping"] }
 */
export function actionSpec(type: string): ActionSpec | undefined {
  return Object.hasOwn(ACTION_CATALOG, type) ? ACTION_CATALOG[type] : undefined;
}
