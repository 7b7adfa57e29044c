/**
 * Incident events: every state change of an incident, published to the national monitoring bus.
 * Versioned and documented (see docs/events.md); consumers must ignore unknown fields and
 * unknown `detail-type`s so producers can add them without breaking anyone.
 *
 * EventBridge envelope: source `siaga112.tenant.<code>` (e.g. `siaga112.tenant.71.71`),
 * detail-type one of `IncidentEventType`, detail an `IncidentEvent`.
 */
import type { IncidentCategory } from "./categories";

/** Bump on a breaking change of `IncidentEvent`; additive changes keep the version. */
export const INCIDENT_EVENT_SCHEMA_VERSION = 1;

export const INCIDENT_EVENT_SOURCE_PREFIX = "siaga112.tenant.";

/**
 * EventBridge source of a tenant's incident events (`siaga112.tenant.<code>`): what the publisher
 * sends and what the tenant's IAM condition allows.
 *
 * @example
 * incidentEventSource("71.71") // "siaga112.tenant.71.71"
 */
export function incidentEventSource(tenantCode: string): string {
  return `${INCIDENT_EVENT_SOURCE_PREFIX}${tenantCode}`;
}

/** How a call ended for the centre: the SOP outcomes plus a genuine emergency. */
export const CALL_OUTCOMES = ["genuine", "prank", "ghost", "information", "wrong-number"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const INCIDENT_STATES = [
  "received",
  /** The caller hung up in the queue before a call-taker answered: listed for call-back. */
  "abandoned",
  /** The flow sent the call to the backup centre (queue full, closed or failing). */
  "overflowed",
  "classified",
  "escalated",
  "acknowledged",
  "dispatched",
  "on-scene",
  "resolved",
  "closed",
] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const INCIDENT_EVENT_TYPES = [
  "IncidentReceived",
  "IncidentClassified",
  "IncidentOutcomeSet",
  "EscalationSent",
  "EscalationAcknowledged",
  "AgencyStatusReported",
  "IncidentClosed",
  "CallAnswered",
  "CallAbandoned",
  "CallOverflowed",
  "CallEnded",
] as const;
export type IncidentEventType = (typeof INCIDENT_EVENT_TYPES)[number];

interface EventBase<T extends IncidentEventType> {
  readonly schemaVersion: typeof INCIDENT_EVENT_SCHEMA_VERSION;
  readonly type: T;
  /** Unique per event; consumers deduplicate on it (delivery is at least once). */
  readonly eventId: string;
  /** Tenant (kab/kota) code, e.g. `71.71`. */
  readonly tenant: string;
  /** Province code, e.g. `71`. */
  readonly province: string;
  readonly incidentId: string;
  /** ISO 8601 UTC time of the change. */
  readonly at: string;
}

export interface IncidentReceived extends EventBase<"IncidentReceived"> {
  readonly channel: "voice";
  readonly repeatCaller: boolean;
  readonly suspectedPrank: boolean;
  /** Seconds the caller waited before a call-taker answered, when known. */
  readonly answerSeconds?: number;
  /** True when the caller hung up before reaching a call-taker. */
  readonly abandoned?: boolean;
}

export interface IncidentClassified extends EventBase<"IncidentClassified"> {
  readonly category: IncidentCategory;
  readonly severity: "low" | "medium" | "high" | "critical";
}

export interface IncidentOutcomeSet extends EventBase<"IncidentOutcomeSet"> {
  readonly outcome: CallOutcome;
}

export interface EscalationSent extends EventBase<"EscalationSent"> {
  readonly agency: string;
  readonly agencyKind: string;
  /** 0-based step of the agency's escalation policy; `round` counts policy repeats. */
  readonly step: number;
  readonly round: number;
}

export interface EscalationAcknowledged extends EventBase<"EscalationAcknowledged"> {
  readonly agency: string;
  readonly agencyKind: string;
  /** Seconds from the first alert of this agency to its acknowledgement. */
  readonly secondsToAcknowledge: number;
}

export interface AgencyStatusReported extends EventBase<"AgencyStatusReported"> {
  readonly agency: string;
  readonly agencyKind: string;
  readonly status: "dispatched" | "on-scene" | "resolved";
  /** Seconds from the incident being received to this status. */
  readonly secondsSinceReceived: number;
}

export interface IncidentClosed extends EventBase<"IncidentClosed"> {
  readonly outcome: CallOutcome;
  readonly category?: IncidentCategory;
}

/**
 * A call-taker answered the call (Amazon Connect CONNECTED_TO_AGENT on the tenant's queue).
 * Added in schema version 1 (additive); `at` is when the call-taker connected.
 */
export interface CallAnswered extends EventBase<"CallAnswered"> {
  /** Seconds from the call entering the system to a call-taker connecting. */
  readonly answerSeconds: number;
}

/**
 * The caller hung up while queued, before any call-taker answered (Amazon Connect DISCONNECTED
 * without an agent). Added in schema version 1 (additive); `at` is when the caller hung up.
 */
export interface CallAbandoned extends EventBase<"CallAbandoned"> {
  /** Seconds from the call entering the system to the caller hanging up. */
  readonly secondsWaited: number;
}

/**
 * The flow sent the call to the backup centre (queue full, closed or failing). Added in schema
 * version 1 (additive); `at` is when it was sent. Recorded by the local centre; in the cloud no
 * contact event is read as one yet (docs/deploy.md).
 */
export interface CallOverflowed extends EventBase<"CallOverflowed"> {
  /** Seconds from the call entering the system to the transfer. */
  readonly secondsInFlow: number;
}

/**
 * An answered call ended (Amazon Connect DISCONNECTED of a contact a call-taker was connected to).
 * Added in schema version 1 (additive); `at` is when the call ended. Carries no party's number.
 */
export interface CallEnded extends EventBase<"CallEnded"> {
  /**
   * Seconds from the call-taker connecting to the call ending: talk and hold time of the call.
   * After-call work (the call-taker finishing the record once the caller is gone) is not in it.
   */
  readonly handleSeconds: number;
}

export type IncidentEvent =
  | IncidentReceived
  | IncidentClassified
  | IncidentOutcomeSet
  | EscalationSent
  | EscalationAcknowledged
  | AgencyStatusReported
  | IncidentClosed
  | CallAnswered
  | CallAbandoned
  | CallOverflowed
  | CallEnded;
