/**
 * Reads an Amazon Connect contact event (EventBridge, source `aws.connect`, detail-type
 * `Amazon Connect Contact Event`) as what the national statistics need: the call was answered by
 * a call-taker after some seconds, or the caller hung up first. Pure: no SDK imports.
 *
 * Shape used (other fields are ignored; Connect adds fields over time):
 * `detail: { eventType, contactId, channel, initiationMethod, initiationTimestamp,
 *   disconnectTimestamp?, queueInfo?: { queueArn, enqueueTimestamp }, agentInfo?: { agentArn,
 *   connectedToAgentTimestamp } }`.
 */

import { isContactId } from "../../domain/incident";

/**
 * What the call-answer function records on an incident. `overflowed` (the flow sent the call to
 * the backup centre) is recorded by the local centre's flow only: no Amazon Connect contact event
 * documented today says a flow transferred a contact to an external number, so `readContactEvent`
 * never returns it (docs/events.md, "Calls sent to the backup centre").
 */
export type CallAnswerRecord =
  /** A call-taker connected `answeredAt`; the call entered the system `initiatedAt`. */
  | {
      readonly kind: "answered";
      readonly contactId: string;
      readonly initiatedAt: string;
      readonly answeredAt: string;
    }
  /** The caller hung up `hungUpAt` before any call-taker answered. */
  | {
      readonly kind: "abandoned";
      readonly contactId: string;
      readonly initiatedAt: string;
      readonly hungUpAt: string;
    }
  /**
   * The flow sent the call to the backup centre `overflowedAt` (queue full, closed or failing).
   * The local centre records it from the flow simulator; no contact event is read as one yet
   * (docs/deploy.md: not verified without an account).
   */
  | {
      readonly kind: "overflowed";
      readonly contactId: string;
      readonly initiatedAt: string;
      readonly overflowedAt: string;
    }
  /**
   * An answered call ended `endedAt`: the call-taker was connected `answeredAt`, so the call took
   * the call-taker the seconds between (talk and hold; after-call work is not in the event).
   */
  | {
      readonly kind: "ended";
      readonly contactId: string;
      readonly initiatedAt: string;
      readonly answeredAt: string;
      readonly endedAt: string;
    };

export const CONTACT_EVENT_SOURCE = "aws.connect";
export const CONTACT_EVENT_DETAIL_TYPE = "Amazon Connect Contact Event";
/** The contact event types the function is subscribed to. */
export const CONTACT_EVENT_TYPES = ["CONNECTED_TO_AGENT", "DISCONNECTED"] as const;

type Detail = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const instant = (value: unknown): string | undefined => {
  const s = text(value);
  return s !== undefined && !Number.isNaN(Date.parse(s)) ? new Date(Date.parse(s)).toISOString() : undefined;
};

/**
 * The answer or abandon a contact event reports, or undefined when it reports neither (another
 * event type, a chat or task, an outbound or transferred contact, missing timestamps).
 *
 * A DISCONNECTED event that carries an agent's connection time counts as answered, so a lost
 * CONNECTED_TO_AGENT event (contact events are best effort) still yields the answer time.
 *
 * @example
 * readContactEvent({ "detail-type": "Amazon Connect Contact Event", detail: { eventType: "CONNECTED_TO_AGENT", ... } })
 * // { kind: "answered", contactId, initiatedAt: "2026-11-27T13:00:00.000Z", answeredAt: "2026-11-27T13:00:07.000Z" }
 */
export function readContactEvent(event: unknown): CallAnswerRecord | undefined {
  const envelope = (event ?? {}) as { source?: unknown; "detail-type"?: unknown; detail?: unknown };
  if (envelope["detail-type"] !== CONTACT_EVENT_DETAIL_TYPE) return undefined;
  if (typeof envelope.detail !== "object" || envelope.detail === null) return undefined;
  const detail = envelope.detail as Detail;
  const contactId = text(detail.contactId);
  if (!isContactId(contactId)) return undefined;
  if (text(detail.channel)?.toUpperCase() !== "VOICE") return undefined;
  if (detail.initiationMethod !== undefined && detail.initiationMethod !== "INBOUND") return undefined;
  const initiatedAt = instant(detail.initiationTimestamp);
  if (!initiatedAt) return undefined;
  const agent = (detail.agentInfo ?? {}) as Detail;
  const answeredAt = instant(agent.connectedToAgentTimestamp);
  if (detail.eventType === "CONNECTED_TO_AGENT" || (detail.eventType === "DISCONNECTED" && answeredAt)) {
    return answeredAt ? { kind: "answered", contactId, initiatedAt, answeredAt } : undefined;
  }
  if (detail.eventType === "DISCONNECTED") {
    // Abandoned means the caller waited in the queue: a contact the flow sent to the overflow
    // number because the queue was full or closed was never enqueued.
    const queue = (detail.queueInfo ?? {}) as Detail;
    if (!instant(queue.enqueueTimestamp)) return undefined;
    const hungUpAt = instant(detail.disconnectTimestamp);
    return hungUpAt ? { kind: "abandoned", contactId, initiatedAt, hungUpAt } : undefined;
  }
  return undefined;
}

/**
 * The end of an answered call that a DISCONNECTED event reports: the agent's connection time
 * (`agentInfo.connectedToAgentTimestamp`) and the disconnect (`disconnectTimestamp`), both in the
 * documented contact event data model
 * (https://docs.aws.amazon.com/connect/latest/adminguide/contact-events.html). Undefined for any
 * other event, an unanswered call or missing times.
 *
 * @example
 * readCallEnd({ "detail-type": "Amazon Connect Contact Event", detail: { eventType: "DISCONNECTED", ... } })
 * // { kind: "ended", contactId, initiatedAt, answeredAt: "2026-11-27T13:00:05.000Z", endedAt: "2026-11-27T13:04:00.000Z" }
 */
export function readCallEnd(event: unknown): Extract<CallAnswerRecord, { kind: "ended" }> | undefined {
  const answer = readContactEvent(event);
  if (answer?.kind !== "answered") return undefined;
  const detail = (event as { detail: Detail }).detail;
  if (detail.eventType !== "DISCONNECTED") return undefined;
  const endedAt = instant(detail.disconnectTimestamp);
  if (!endedAt) return undefined;
  const { contactId, initiatedAt, answeredAt } = answer;
  return { kind: "ended", contactId, initiatedAt, answeredAt, endedAt };
}

/**
 * Seconds between two instants, to a tenth, never negative.
 *
 * @example
 * secondsBetween("2026-11-27T13:00:00Z", "2026-11-27T13:00:07.46Z") // 7.5
 */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 100) / 10);
}
