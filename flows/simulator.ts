/**
 * Offline call simulator for any flow in the Connect flow language (not only siaga112's).
 *
 * Signature, for the local centre and tests:
 *
 *   simulateFlow(content: FlowContent, options?: SimulationOptions): Promise<SimulationResult>
 *
 *   options.caller   { inputs?: ({ press: "2" } | { silent: true })[], hangUpAfterSeconds?: number }
 *                    each GetParticipantInput takes the next input; none left means silence
 *   options.lambda   (request: { functionArn, event: ConnectContactFlowEvent, timeLimitSeconds })
 *                      => LambdaOutcome | Promise<LambdaOutcome>     (see ./lambda-invokers.ts)
 *   options.queue    "open" | "busy" | "unstaffed" | "closed" | "full"   (default "open")
 *   options.busySeconds  when the queue is "busy", a call-taker frees up this many seconds into
 *                    the call (default 600: everybody busy for 10 minutes)
 *   options.customerQueueFlow  the hold flow run while a queued caller waits (nobody available)
 *   options.overflow "answers" | "no-answer" | "fails"    (default "answers")
 *   options.promptSeconds (promptId) => seconds | undefined  (recorded durations)
 *
 * Staffing (what CheckMetricData reads, what a queued caller meets):
 *
 *   queue       hours   staffed  available  in queue  a queued caller
 *   open        open    2        1          0         answered at once (`queued`)
 *   busy        open    2        0          5         waits; answered after busySeconds
 *   unstaffed   open    0        0          0         waits; nobody ever answers
 *   closed      closed  0        0          0         waits; nobody ever answers
 *   full        open    2        0          100       QueueAtCapacity
 *
 * The result reports the path (action, branch taken, time), the contact attributes, the elapsed
 * simulated seconds and the outcome. The simulation stops at the first human: a call-taker who
 * answers at once (`queued`) or after a wait (`answered-after-wait`), or an external number that
 * answered (`answered-by-number`). A queued caller who waits runs `customerQueueFlow`; a hold
 * message that plays on with nobody staffed is `waiting-with-nobody`, never a human. A customer-queue
 * flow simulated on its own (not after an inbound flow, `inQueue` unset) reports a looping hold
 * message as `waiting-in-queue`.
 */
import type { ConnectContactFlowEvent } from "aws-lambda";
import { actionSpec } from "./action-catalog";
import { conditionHolds, type FlowData, resolveValue } from "./flow-data";
import type { FlowAction, FlowContent } from "./flow-language";
import type { LambdaInvoker, LambdaOutcome } from "./lambda-invokers";

export type CallerInput = { readonly press: string } | { readonly silent: true };
export interface ScriptedCaller {
  readonly inputs?: readonly CallerInput[];
  /** The caller hangs up this many simulated seconds into the call. */
  readonly hangUpAfterSeconds?: number;
}
export const QUEUE_STATES = ["open", "busy", "unstaffed", "closed", "full"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export type OverflowBehaviour = "answers" | "no-answer" | "fails";

export interface SimulationOptions {
  readonly caller?: ScriptedCaller;
  /** Without one, every Lambda invocation fails. */
  readonly lambda?: LambdaInvoker;
  readonly queue?: QueueState;
  /** A "busy" queue's call-takers free up this many seconds into the call. @default 600 */
  readonly busySeconds?: number;
  /** The customer-queue flow run while a queued caller waits for a call-taker. */
  readonly customerQueueFlow?: FlowContent;
  /** Run `content` as a customer-queue flow for a caller already waiting in the queue. */
  readonly inQueue?: boolean;
  readonly overflow?: OverflowBehaviour;
  readonly promptSeconds?: (promptId: string) => number | undefined;
  /** The caller's number (112 can be dialled without a SIM: may be absent). */
  readonly customerNumber?: string;
  readonly contactId?: string;
  /** Guard against flows that never end (default 10,000 actions). */
  readonly maxSteps?: number;
}

export type SimulationOutcome =
  | "queued"
  | "answered-after-wait"
  | "answered-by-number"
  | "waiting-in-queue"
  | "waiting-with-nobody"
  | "caller-hung-up"
  | "disconnected"
  | "flow-ended"
  | "stuck";

export const HUMAN_OUTCOMES: readonly SimulationOutcome[] = [
  "queued",
  "answered-after-wait",
  "answered-by-number",
  "waiting-in-queue",
];

export interface SimulationStep {
  readonly action: string;
  readonly type: string;
  /** `next`, an error type or a condition operand; empty for the last action. */
  readonly branch: string;
  readonly atSeconds: number;
}

export interface SimulationResult {
  readonly outcome: SimulationOutcome;
  readonly humanReached: boolean;
  readonly path: readonly SimulationStep[];
  readonly attributes: Readonly<Record<string, string>>;
  readonly elapsedSeconds: number;
  /** Why the call stopped (`stuck`, `disconnected`), or who took it. */
  readonly detail: string;
}

const TEXT_CHARACTERS_PER_SECOND = 15;
/** "Everybody busy for 10 minutes". */
export const DEFAULT_BUSY_SECONDS = 600;

/** What CheckMetricData reads and when a queued caller is answered, per queue state (table above). */
const STAFFING: Readonly<
  Record<
    QueueState,
    { staffed: number; available: number; inQueue: number; answers: "now" | "later" | "never" }
  >
> = {
  open: { staffed: 2, available: 1, inQueue: 0, answers: "now" },
  busy: { staffed: 2, available: 0, inQueue: 5, answers: "later" },
  unstaffed: { staffed: 0, available: 0, inQueue: 0, answers: "never" },
  closed: { staffed: 0, available: 0, inQueue: 0, answers: "never" },
  full: { staffed: 2, available: 0, inQueue: 100, answers: "never" },
};
const noLambda: LambdaInvoker = () => ({
  kind: "error",
  message: "no Lambda invoker given to the simulator",
});

interface Branch {
  readonly to?: string;
  /** The caller is now in queue: the customer-queue flow runs. */
  readonly enterQueue?: boolean;
  readonly label: string;
  readonly seconds?: number;
  readonly end?: SimulationOutcome;
  readonly detail?: string;
}

/**
 * Runs one simulated call through `content`.
 *
 * @example
 * const result = await simulateFlow(content, { caller: { inputs: [{ press: "2" }] }, queue: "full" });
 * result.outcome // "answered-by-number"
 */
export async function simulateFlow(
  content: FlowContent,
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  let byId = new Map(content.Actions.map((a) => [a.Identifier, a]));
  const queue = options.queue ?? "open";
  const staffing = STAFFING[queue];
  const answerAt =
    staffing.answers === "now"
      ? 0
      : staffing.answers === "later"
        ? (options.busySeconds ?? DEFAULT_BUSY_SECONDS)
        : Number.POSITIVE_INFINITY;
  let inQueue = options.inQueue ?? false;
  const lambda = options.lambda ?? noLambda;
  const inputs = [...(options.caller?.inputs ?? [])];
  const hangUpAt = options.caller?.hangUpAfterSeconds ?? Number.POSITIVE_INFINITY;
  const contactId = options.contactId ?? "00000000-0000-4000-8000-000000000000";
  const attributes: Record<string, string> = {};
  const loops = new Map<string, number>();
  const data: FlowData = {
    Attributes: attributes,
    External: {},
    Channel: "VOICE",
    ContactId: contactId,
    InitialContactId: contactId,
    CustomerEndpoint: options.customerNumber
      ? { Address: options.customerNumber, Type: "TELEPHONE_NUMBER" }
      : null,
  };
  let targetQueue: string | undefined;
  const path: SimulationStep[] = [];
  let elapsed = 0;
  const finish = (outcome: SimulationOutcome, detail: string): SimulationResult => ({
    outcome,
    humanReached: HUMAN_OUTCOMES.includes(outcome),
    path,
    attributes: { ...attributes },
    elapsedSeconds: Math.round(elapsed * 1000) / 1000,
    detail,
  });

  const prompt = (action: FlowAction): number => {
    const p = action.Parameters;
    if (typeof p.PromptId === "string") return options.promptSeconds?.(p.PromptId) ?? 0;
    const text =
      typeof p.Text === "string" ? p.Text : typeof p.SSML === "string" ? p.SSML.replace(/<[^>]*>/g, "") : "";
    return text.length / TEXT_CHARACTERS_PER_SECOND;
  };
  const error = (action: FlowAction, type: string, seconds = 0): Branch => {
    const handler =
      action.Transitions.Errors?.find((e) => e.ErrorType === type) ??
      action.Transitions.Errors?.find((e) => e.ErrorType === "NoMatchingError");
    return handler
      ? { to: handler.NextAction, label: type, seconds }
      : { label: type, seconds, end: "stuck", detail: `${action.Identifier}: ${type} has no branch` };
  };
  const next = (action: FlowAction, seconds = 0): Branch =>
    action.Transitions.NextAction
      ? { to: action.Transitions.NextAction, label: "next", seconds }
      : { label: "next", seconds, end: "stuck", detail: `${action.Identifier}: no NextAction` };
  const condition = (action: FlowAction, value: unknown, seconds = 0): Branch => {
    const match = action.Transitions.Conditions?.find((c) => conditionHolds(c.Condition, value));
    return match
      ? { to: match.NextAction, label: String(value), seconds }
      : error(action, "NoMatchingCondition", seconds);
  };

  const step = async (action: FlowAction): Promise<Branch> => {
    const p = action.Parameters;
    switch (action.Type) {
      case "UpdateFlowLoggingBehavior":
      case "UpdateContactRecordingBehavior":
      case "UpdateContactEventHooks":
        return next(action);
      case "UpdateContactData":
        if (typeof p.LanguageCode === "string") data.LanguageCode = p.LanguageCode;
        return next(action);
      case "UpdateContactTargetQueue":
        targetQueue = String(p.QueueId ?? p.AgentId);
        data.Queue = { ARN: targetQueue, Name: targetQueue.split("/").pop() };
        return next(action);
      case "MessageParticipant":
        return next(action, prompt(action));
      case "GetParticipantInput": {
        const input = inputs.shift() ?? { silent: true };
        const seconds = prompt(action);
        if ("silent" in input)
          return error(action, "InputTimeLimitExceeded", seconds + Number(p.InputTimeLimitSeconds));
        if (p.StoreInput === "True") {
          data.StoredCustomerInput = input.press;
          return next(action, seconds);
        }
        return condition(action, input.press, seconds + 0.5);
      }
      case "InvokeLambdaFunction":
        return invoke(action);
      case "UpdateContactAttributes": {
        const updates: Record<string, string> = {};
        for (const [key, raw] of Object.entries((p.Attributes ?? {}) as Record<string, string>)) {
          const value = resolveValue(raw, data);
          if (typeof value !== "string") return error(action, "NoMatchingError");
          updates[key] = value;
        }
        Object.assign(attributes, updates);
        return next(action);
      }
      case "Compare":
        return condition(action, resolveValue(String(p.ComparisonValue), data));
      case "CheckHoursOfOperation":
        if (!p.HoursOfOperationId && !targetQueue) return error(action, "NoMatchingError");
        return condition(action, queue === "closed" ? "False" : "True");
      case "CheckMetricData": {
        const match = action.Transitions.Conditions?.find((c) =>
          conditionHolds(c.Condition, metric(String(p.MetricType))),
        );
        if (match) return { to: match.NextAction, label: String(metric(String(p.MetricType))) };
        // No condition holds: NoMatchingCondition where the metric raises it, else the default exit.
        const noMatch = action.Transitions.Errors?.find((e) => e.ErrorType === "NoMatchingCondition");
        if (noMatch) return { to: noMatch.NextAction, label: "NoMatchingCondition" };
        return next(action);
      }
      case "Loop": {
        const count = Number(p.LoopCount);
        const done = loops.get(action.Identifier) ?? 0;
        if (done < count) {
          loops.set(action.Identifier, done + 1);
          return condition(action, "ContinueLooping");
        }
        loops.delete(action.Identifier);
        return condition(action, "DoneLooping");
      }
      case "TransferContactToQueue":
        if (!targetQueue) return error(action, "NoMatchingError");
        if (queue === "full") return error(action, "QueueAtCapacity");
        if (staffing.answers === "now" || !options.customerQueueFlow) {
          return {
            label: "queued",
            end: staffing.answers === "now" ? "queued" : "waiting-in-queue",
            detail: `placed in queue ${targetQueue}${staffing.answers === "now" ? "" : ` (${queue}, no customer-queue flow simulated)`}`,
          };
        }
        return { label: "queued", enterQueue: true };
      case "TransferParticipantToThirdParty": {
        const overflow = options.overflow ?? "answers";
        if (overflow === "fails") return error(action, "CallFailed", 1);
        if (overflow === "no-answer")
          return error(action, "ConnectionTimeLimitExceeded", Number(p.ThirdPartyConnectionTimeLimitSeconds));
        return {
          label: "answered",
          end: "answered-by-number",
          detail: `answered at ${String(p.ThirdPartyPhoneNumber)}`,
        };
      }
      case "MessageParticipantIteratively": {
        if (
          inQueue &&
          answerAt <= elapsed + Number(p.InterruptFrequencySeconds ?? Number.POSITIVE_INFINITY)
        ) {
          return waitForAnswer(action);
        }
        if (p.InterruptFrequencySeconds !== undefined) {
          return condition(action, "MessagesInterrupted", Number(p.InterruptFrequencySeconds));
        }
        if (inQueue) return waitForAnswer(action);
        return {
          label: "looping",
          end: "waiting-in-queue",
          detail: "hold message loops until a call-taker answers",
        };
      }
      case "DisconnectParticipant":
        return { label: "", end: "disconnected", detail: `${action.Identifier} disconnected the caller` };
      case "EndFlowExecution":
        if (inQueue) return waitForAnswer(action);
        return { label: "", end: "flow-ended", detail: `${action.Identifier} ended the flow` };
      default:
        return {
          label: "",
          end: "stuck",
          detail: `${action.Identifier}: action type ${action.Type} is not supported`,
        };
    }
  };

  const metric = (type: string): number => {
    switch (type) {
      case "NumberOfAgentsAvailable":
        return staffing.available;
      case "NumberOfAgentsStaffed":
      case "NumberOfAgentsOnline":
        return staffing.staffed;
      case "NumberOfContactsInQueue":
        return staffing.inQueue;
      default:
        return staffing.inQueue > 0 ? 600 : 0;
    }
  };

  /** The caller stays in queue: answered when a call-taker frees up, or waits with nobody there. */
  const waitForAnswer = (action: FlowAction): Branch => {
    if (Number.isFinite(answerAt)) {
      return {
        label: "answered",
        seconds: Math.max(0, answerAt - elapsed),
        end: "answered-after-wait",
        detail: `a call-taker answered after ${answerAt} s in queue (${action.Identifier})`,
      };
    }
    return {
      label: "waiting",
      end: "waiting-with-nobody",
      detail: `${action.Identifier}: the caller waits in queue with nobody staffed (${queue})`,
    };
  };

  const invoke = async (action: FlowAction): Promise<Branch> => {
    const p = action.Parameters;
    const limit = Number(p.InvocationTimeLimitSeconds);
    const event: ConnectContactFlowEvent = {
      Name: "ContactFlowEvent",
      Details: {
        ContactData: {
          Attributes: { ...attributes },
          Channel: "VOICE",
          ContactId: contactId,
          CustomerEndpoint: options.customerNumber
            ? { Address: options.customerNumber, Type: "TELEPHONE_NUMBER" }
            : null,
          InitialContactId: contactId,
          InitiationMethod: "INBOUND",
          InstanceARN: String(p.LambdaFunctionARN).replace(/:lambda:.*/, ":connect:simulated"),
          PreviousContactId: contactId,
          Queue: targetQueue ? { ARN: targetQueue, Name: targetQueue.split("/").pop() ?? "" } : null,
          SystemEndpoint: null,
          MediaStreams: { Customer: { Audio: null } },
        },
        Parameters: (p.LambdaInvocationAttributes ?? {}) as Record<string, string>,
      },
    };
    const outcome: LambdaOutcome = await lambda({
      functionArn: String(p.LambdaFunctionARN),
      event,
      timeLimitSeconds: limit,
    });
    if (outcome.kind === "timeout" || (outcome.seconds ?? 0) > limit)
      return error(action, "NoMatchingError", limit);
    if (outcome.kind === "error") return error(action, "NoMatchingError", outcome.seconds ?? 0);
    const payload = outcome.payload;
    const stringMap =
      (p.ResponseValidation as { ResponseType?: string } | undefined)?.ResponseType !== "JSON";
    const valid =
      payload !== null &&
      typeof payload === "object" &&
      !Array.isArray(payload) &&
      (!stringMap || Object.values(payload).every((v) => typeof v === "string"));
    if (!valid) return error(action, "NoMatchingError", outcome.seconds ?? 0);
    data.External = payload;
    return next(action, outcome.seconds ?? 0);
  };

  const maxSteps = options.maxSteps ?? 10_000;
  let current: string | undefined = content.StartAction;
  for (let count = 0; count < maxSteps; count++) {
    if (elapsed >= hangUpAt) {
      elapsed = hangUpAt;
      return finish("caller-hung-up", `caller hung up at ${hangUpAt} s`);
    }
    const action = current === undefined ? undefined : byId.get(current);
    if (!action) return finish("stuck", `no action "${current}" in the flow`);
    if (!actionSpec(action.Type)) {
      path.push({ action: action.Identifier, type: action.Type, branch: "", atSeconds: elapsed });
      return finish("stuck", `${action.Identifier}: action type ${action.Type} is not supported`);
    }
    const branch = await step(action);
    path.push({ action: action.Identifier, type: action.Type, branch: branch.label, atSeconds: elapsed });
    elapsed += branch.seconds ?? 0;
    if (elapsed > hangUpAt) {
      elapsed = hangUpAt;
      return finish("caller-hung-up", `caller hung up at ${hangUpAt} s, during ${action.Identifier}`);
    }
    if (branch.end) return finish(branch.end, branch.detail ?? "");
    if (branch.enterQueue && options.customerQueueFlow) {
      inQueue = true;
      byId = new Map(options.customerQueueFlow.Actions.map((a) => [a.Identifier, a]));
      current = options.customerQueueFlow.StartAction;
      continue;
    }
    current = branch.to;
  }
  return finish("stuck", `no end after ${maxSteps} actions (an unbounded loop?)`);
}
