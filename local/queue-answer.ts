/**
 * What happens to a local call once the flow has put it in the call-takers' queue: a call-taker
 * picks up after a simulated wait, unless the caller hangs up first. The result is the same record
 * the cloud's call-answer function reads from Amazon Connect contact events, and it goes through
 * the same plain function (`recordCallAnswer`), so the local dashboard shows answer times and
 * abandons like the national one.
 */
import type { CallAnswerRecord } from "../lambdas/call-answer/contact-event";

/** Seconds a call-taker takes to pick up a queued call when the request does not say. */
export const DEFAULT_QUEUE_WAIT_SECONDS = 4;

export interface QueueAnswerInput {
  readonly contactId: string;
  /** Epoch milliseconds when the call entered the system (intake ran at the start of the flow). */
  readonly startedAt: number;
  /** Seconds the flow took until the call was queued. */
  readonly flowSeconds: number;
  /** Seconds in the queue until a call-taker would pick up. */
  readonly queueWaitSeconds: number;
  /** Seconds into the call at which the caller hangs up, if they do. */
  readonly hangUpAfterSeconds?: number;
  /** Seconds in the queue after which the caller gives up, if they do. */
  readonly hangUpInQueueAfterSeconds?: number;
}

/**
 * The answer or abandon of a queued call.
 *
 * @example
 * queueAnswer({ contactId, startedAt, flowSeconds: 12, queueWaitSeconds: 4 })
 * // { kind: "answered", contactId, initiatedAt, answeredAt: initiatedAt + 16 s }
 */
export function queueAnswer(
  input: QueueAnswerInput,
): Extract<CallAnswerRecord, { kind: "answered" | "abandoned" }> {
  const patience = Math.min(
    input.hangUpInQueueAfterSeconds ?? Number.POSITIVE_INFINITY,
    (input.hangUpAfterSeconds ?? Number.POSITIVE_INFINITY) - input.flowSeconds,
  );
  const initiatedAt = new Date(input.startedAt).toISOString();
  const after = (seconds: number) => new Date(input.startedAt + seconds * 1000).toISOString();
  if (patience < input.queueWaitSeconds) {
    return {
      kind: "abandoned",
      contactId: input.contactId,
      initiatedAt,
      hungUpAt: after(input.flowSeconds + Math.max(0, patience)),
    };
  }
  return {
    kind: "answered",
    contactId: input.contactId,
    initiatedAt,
    answeredAt: after(input.flowSeconds + input.queueWaitSeconds),
  };
}

/** Seconds a simulated call-taker talks with an answered caller when the request does not say. */
export const DEFAULT_TALK_SECONDS = 60;

/**
 * The end of an answered call after `talkSeconds` with the call-taker: the record the cloud's
 * call-answer function reads from the DISCONNECTED contact event of an answered call.
 *
 * @example
 * callEnd({ kind: "answered", contactId, initiatedAt, answeredAt: "2026-11-27T13:00:16.000Z" }, 90).endedAt
 * // "2026-11-27T13:01:46.000Z"
 */
export function callEnd(
  answered: Extract<CallAnswerRecord, { kind: "answered" }>,
  talkSeconds: number,
): Extract<CallAnswerRecord, { kind: "ended" }> {
  const { contactId, initiatedAt, answeredAt } = answered;
  const endedAt = new Date(Date.parse(answeredAt) + talkSeconds * 1000).toISOString();
  return { kind: "ended", contactId, initiatedAt, answeredAt, endedAt };
}
