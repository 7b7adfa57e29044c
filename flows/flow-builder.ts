/**
 * A typed builder for the Connect flow language. Each method adds one action with every branch the
 * action can take spelled out as a named option, so a forgotten error branch is a type error, not a
 * silent disconnect. Identifiers are the names given by the caller: deterministic and readable.
 */
import {
  type ConditionTransition,
  type ErrorTransition,
  FLOW_LANGUAGE_VERSION,
  type FlowAction,
  type FlowContent,
  type FlowParameterValue,
  identifierProblem,
} from "./flow-language";

/** What a prompt plays: a recorded prompt (ARN or id), or text for chat and tests. */
export type MessageSource = { readonly promptId: string } | { readonly text: string };

type Params = { [key: string]: FlowParameterValue };

function messageParameters(source: MessageSource): Params {
  return "promptId" in source ? { PromptId: source.promptId } : { Text: source.text };
}

function errors(entries: Record<string, string>): ErrorTransition[] {
  return Object.entries(entries).map(([ErrorType, NextAction]) => ({ ErrorType, NextAction }));
}

function equals(operand: string, next: string): ConditionTransition {
  return { NextAction: next, Condition: { Operator: "Equals", Operands: [operand] } };
}

function wholeSeconds(name: string, value: number, min: number, max: number): string {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} ${value}: must be a whole number of seconds from ${min} to ${max}`);
  }
  return String(value);
}

export class FlowBuilder {
  private readonly actions: FlowAction[] = [];
  private readonly ids = new Set<string>();

  /** Adds a raw action; the typed methods below are preferred. Throws on an invalid or repeated id. */
  add(action: FlowAction): string {
    const problem = identifierProblem(action.Identifier);
    if (problem) throw new Error(`action identifier "${action.Identifier}" ${problem}`);
    if (this.ids.has(action.Identifier))
      throw new Error(`action identifier "${action.Identifier}" is used twice`);
    this.ids.add(action.Identifier);
    this.actions.push(action);
    return action.Identifier;
  }

  /** UpdateFlowLoggingBehavior: flow logs to CloudWatch. */
  setLogging(id: string, enabled: boolean, next: string): string {
    return this.add({
      Identifier: id,
      Type: "UpdateFlowLoggingBehavior",
      Parameters: { FlowLoggingBehavior: enabled ? "Enabled" : "Disabled" },
      Transitions: { NextAction: next },
    });
  }

  /** MessageParticipant: plays one prompt. */
  message(id: string, source: MessageSource, to: { next: string; onError: string }): string {
    return this.add({
      Identifier: id,
      Type: "MessageParticipant",
      Parameters: messageParameters(source),
      Transitions: { NextAction: to.next, Errors: errors({ NoMatchingError: to.onError }) },
    });
  }

  /** GetParticipantInput: plays a prompt and waits for one DTMF digit. */
  menu(
    id: string,
    options: { prompt: MessageSource; timeoutSeconds: number },
    to: {
      digits: readonly { digit: string; next: string }[];
      onTimeout: string;
      onNoMatch: string;
      onError: string;
    },
  ): string {
    return this.add({
      Identifier: id,
      Type: "GetParticipantInput",
      Parameters: {
        ...messageParameters(options.prompt),
        InputTimeLimitSeconds: wholeSeconds(`${id}: input time limit`, options.timeoutSeconds, 1, 180),
        StoreInput: "False",
      },
      Transitions: {
        // The designer's "Default" exit.
        NextAction: to.onNoMatch,
        Conditions: to.digits.map((d) => equals(d.digit, d.next)),
        Errors: errors({
          InputTimeLimitExceeded: to.onTimeout,
          NoMatchingCondition: to.onNoMatch,
          NoMatchingError: to.onError,
        }),
      },
    });
  }

  /** InvokeLambdaFunction, synchronous, expecting a flat string map (`$.External.*`). */
  invokeLambda(
    id: string,
    options: { functionArn: string; timeoutSeconds: number },
    to: { next: string; onError: string },
  ): string {
    return this.add({
      Identifier: id,
      Type: "InvokeLambdaFunction",
      Parameters: {
        LambdaFunctionARN: options.functionArn,
        InvocationTimeLimitSeconds: wholeSeconds(`${id}: Lambda time limit`, options.timeoutSeconds, 1, 8),
        ResponseValidation: { ResponseType: "STRING_MAP" },
      },
      Transitions: { NextAction: to.next, Errors: errors({ NoMatchingError: to.onError }) },
    });
  }

  /** UpdateContactAttributes on the current contact; values may be JSONPath (`$.External.x`). */
  setAttributes(
    id: string,
    attributes: Record<string, string>,
    to: { next: string; onError: string },
  ): string {
    return this.add({
      Identifier: id,
      Type: "UpdateContactAttributes",
      Parameters: { Attributes: attributes, TargetContact: "Current" },
      Transitions: { NextAction: to.next, Errors: errors({ NoMatchingError: to.onError }) },
    });
  }

  /** Compare a JSONPath value with `Equals` operands. */
  compare(
    id: string,
    value: string,
    to: { equals: readonly { operand: string; next: string }[]; onNoMatch: string },
  ): string {
    return this.add({
      Identifier: id,
      Type: "Compare",
      Parameters: { ComparisonValue: value },
      Transitions: {
        // The designer's "No match" exit.
        NextAction: to.onNoMatch,
        Conditions: to.equals.map((c) => equals(c.operand, c.next)),
        Errors: errors({ NoMatchingCondition: to.onNoMatch }),
      },
    });
  }

  /** CheckHoursOfOperation of the contact's target queue. */
  checkStaffedHours(id: string, to: { onOpen: string; onClosed: string; onError: string }): string {
    return this.add({
      Identifier: id,
      Type: "CheckHoursOfOperation",
      Parameters: {},
      Transitions: {
        // The designer's "Out of hours" exit.
        NextAction: to.onClosed,
        Conditions: [equals("True", to.onOpen), equals("False", to.onClosed)],
        Errors: errors({ NoMatchingError: to.onError }),
      },
    });
  }

  /**
   * CheckMetricData on an agent count of the contact's target queue ("Check staffing"): at least
   * one agent goes to `onStaffed`, nobody leaves by the default exit `onNobody`. Staffed agents are
   * Available, On call or in After contact work (admin guide, check-staffing.html).
   */
  checkStaffing(
    id: string,
    metric: "NumberOfAgentsStaffed" | "NumberOfAgentsAvailable" | "NumberOfAgentsOnline",
    to: { onStaffed: string; onNobody: string; onError: string },
  ): string {
    return this.add({
      Identifier: id,
      Type: "CheckMetricData",
      Parameters: { MetricType: metric },
      Transitions: {
        NextAction: to.onNobody,
        Conditions: [
          { NextAction: to.onStaffed, Condition: { Operator: "NumberGreaterThan", Operands: ["0"] } },
        ],
        Errors: errors({ NoMatchingError: to.onError }),
      },
    });
  }

  /** UpdateContactTargetQueue. */
  setQueue(id: string, queueArn: string, to: { next: string; onError: string }): string {
    return this.add({
      Identifier: id,
      Type: "UpdateContactTargetQueue",
      Parameters: { QueueId: queueArn },
      Transitions: { NextAction: to.next, Errors: errors({ NoMatchingError: to.onError }) },
    });
  }

  /** UpdateContactEventHooks: the customer-queue (hold) flow played while queued. */
  setCustomerQueueFlow(id: string, flowArn: string, to: { next: string; onError: string }): string {
    return this.add({
      Identifier: id,
      Type: "UpdateContactEventHooks",
      Parameters: { EventHooks: { CustomerQueue: flowArn } },
      Transitions: { NextAction: to.next, Errors: errors({ NoMatchingError: to.onError }) },
    });
  }

  /**
   * TransferContactToQueue: on success the caller waits for a call-taker and this flow ends;
   * `next` is never run but Connect's exports always carry one.
   */
  transferToQueue(id: string, to: { next: string; onAtCapacity: string; onError: string }): string {
    return this.add({
      Identifier: id,
      Type: "TransferContactToQueue",
      Parameters: {},
      Transitions: {
        NextAction: to.next,
        Errors: errors({ QueueAtCapacity: to.onAtCapacity, NoMatchingError: to.onError }),
      },
    });
  }

  /**
   * TransferParticipantToThirdParty, keeping the flow running: `next` runs once the third party
   * hangs up, the error branches when the call fails or nobody answers in time.
   */
  transferToNumber(
    id: string,
    options: { phoneNumber: string; ringSeconds: number },
    to: { next: string; onCallFailed: string; onNoAnswer: string; onError: string },
  ): string {
    return this.add({
      Identifier: id,
      Type: "TransferParticipantToThirdParty",
      Parameters: {
        ThirdPartyPhoneNumber: options.phoneNumber,
        ThirdPartyConnectionTimeLimitSeconds: wholeSeconds(`${id}: ring time`, options.ringSeconds, 1, 600),
        ContinueFlowExecution: "True",
      },
      Transitions: {
        NextAction: to.next,
        Errors: errors({
          CallFailed: to.onCallFailed,
          ConnectionTimeLimitExceeded: to.onNoAnswer,
          NoMatchingError: to.onError,
        }),
      },
    });
  }

  /** Loop: `onContinue` `count` times, then `onDone` once. */
  loop(id: string, count: number, to: { onContinue: string; onDone: string }): string {
    if (!Number.isInteger(count) || count < 0 || count > 100) {
      throw new Error(`${id}: loop count ${count}: must be a whole number from 0 to 100`);
    }
    return this.add({
      Identifier: id,
      Type: "Loop",
      Parameters: { LoopCount: String(count) },
      Transitions: {
        // The designer's "Complete" exit.
        NextAction: to.onDone,
        Conditions: [equals("ContinueLooping", to.onContinue), equals("DoneLooping", to.onDone)],
      },
    });
  }

  /**
   * MessageParticipantIteratively: loops prompts while the caller waits in queue, until a
   * call-taker answers; with `interruptSeconds`, leaves by `onInterrupt` after that long.
   */
  messageWhileQueued(
    id: string,
    options: { sources: readonly MessageSource[]; interruptSeconds?: number },
    to: { onError: string; onInterrupt?: string },
  ): string {
    if ((options.interruptSeconds === undefined) !== (to.onInterrupt === undefined)) {
      throw new Error(`${id}: give interruptSeconds and onInterrupt together`);
    }
    const interrupt: Params =
      options.interruptSeconds === undefined
        ? {}
        : {
            InterruptFrequencySeconds: wholeSeconds(`${id}: interrupt`, options.interruptSeconds, 1, 3600),
          };
    return this.add({
      Identifier: id,
      Type: "MessageParticipantIteratively",
      Parameters: { Messages: options.sources.map(messageParameters), ...interrupt },
      Transitions: {
        ...(to.onInterrupt ? { Conditions: [equals("MessagesInterrupted", to.onInterrupt)] } : {}),
        Errors: errors({ NoMatchingError: to.onError }),
      },
    });
  }

  /** DisconnectParticipant. */
  disconnect(id: string): string {
    return this.add({ Identifier: id, Type: "DisconnectParticipant", Parameters: {}, Transitions: {} });
  }

  /** EndFlowExecution (customer-queue flows: the caller stays in queue). */
  endFlow(id: string): string {
    return this.add({ Identifier: id, Type: "EndFlowExecution", Parameters: {}, Transitions: {} });
  }

  /**
   * The flow content, starting at `startAction`. Throws when a transition names a missing action.
   *
   * @example
   * const flow = new FlowBuilder();
   * flow.disconnect("bye");
   * flow.build("bye"); // { Version: "2019-10-30", StartAction: "bye", Actions: [...] }
   */
  build(startAction: string): FlowContent {
    const missing: string[] = [];
    const check = (from: string, to: string | undefined) => {
      if (to !== undefined && !this.ids.has(to)) missing.push(`${from} -> ${to}`);
    };
    check("StartAction", startAction);
    for (const a of this.actions) {
      check(a.Identifier, a.Transitions.NextAction);
      for (const e of a.Transitions.Errors ?? []) check(`${a.Identifier} (${e.ErrorType})`, e.NextAction);
      for (const c of a.Transitions.Conditions ?? [])
        check(`${a.Identifier} (${c.Condition.Operands[0]})`, c.NextAction);
    }
    if (missing.length > 0) throw new Error(`flow transitions name missing actions: ${missing.join(", ")}`);
    return { Version: FLOW_LANGUAGE_VERSION, StartAction: startAction, Actions: [...this.actions] };
  }
}
