/**
 * The incident: its stored shape, its states and the legal transitions between them.
 * Pure (node:crypto only): shared by the Lambdas, the CLI and the local centre.
 */
import { createHash } from "node:crypto";
import type { CallBackAttempt } from "./call-back";
import type { CallerLocationReport } from "./caller-location";
import type { IncidentCategory } from "./categories";
import type { CallOutcome, IncidentState } from "./incident-events";
import type { LocationRequestRecord } from "./location-request";
import { localDate, type TenantZone } from "./time-zones";

export type Severity = "low" | "medium" | "high" | "critical";
export const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];

/** Indonesian labels of severities, for SMS, e-mail and pages. */
export const SEVERITY_LABELS_ID: Readonly<Record<Severity, string>> = {
  low: "rendah",
  medium: "sedang",
  high: "tinggi",
  critical: "kritis",
};

/** What an agency can report through its link, in order of progress. */
export const AGENCY_STATUSES = ["alerted", "acknowledged", "dispatched", "on-scene", "resolved"] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export const AGENCY_STATUS_LABELS_ID: Readonly<Record<AgencyStatus, string>> = {
  alerted: "menunggu konfirmasi",
  acknowledged: "dikonfirmasi",
  dispatched: "unit berangkat",
  "on-scene": "tiba di lokasi",
  resolved: "selesai ditangani",
};

/** Indonesian labels of incident states, for the console and pages. */
export const INCIDENT_STATE_LABELS_ID: Readonly<Record<IncidentState, string>> = {
  received: "baru",
  abandoned: "ditinggalkan penelepon",
  overflowed: "dialihkan ke pusat cadangan",
  classified: "diklasifikasi",
  escalated: "dieskalasi",
  acknowledged: "dikonfirmasi instansi",
  dispatched: "unit berangkat",
  "on-scene": "di lokasi",
  resolved: "selesai ditangani",
  closed: "ditutup",
};

/** Indonesian labels of call outcomes, for the console, the CLI and pages. */
export const CALL_OUTCOME_LABELS_ID: Readonly<Record<CallOutcome, string>> = {
  genuine: "darurat nyata",
  prank: "iseng",
  ghost: "diam (ghost)",
  information: "permintaan informasi",
  "wrong-number": "salah sambung",
};

export interface IncidentLocation {
  /** What the caller said, as the call-taker wrote it. */
  readonly text: string;
  readonly lat?: number;
  readonly lon?: number;
}

/** The incident item (table key `incidentKey(incidentId)`). */
export interface Incident {
  /** The Connect ContactId of the call. */
  readonly incidentId: string;
  readonly shortCode: string;
  readonly state: IncidentState;
  /** ISO 8601 UTC. */
  readonly receivedAt: string;
  /** E.164 number of the caller; absent when withheld or dialled without a SIM card. */
  readonly callerNumber?: string;
  /** Hash identifying the caller's history item. */
  readonly callerKey?: string;
  /** Caller flags, stored by intake from the first answer it gave the flow (docs/glossary.md). */
  readonly repeatCaller?: boolean;
  readonly suspectedPrank?: boolean;
  /** True when the call came without a number (no SIM card, or withheld): nobody can call back. */
  readonly noNumber?: boolean;
  /** When a call-taker answered (call-answer function, from contact events). */
  readonly answeredAt?: string;
  /** When the caller hung up in the queue before anyone answered. */
  readonly abandonedAt?: string;
  /** When the flow sent the call to the backup centre. */
  readonly overflowedAt?: string;
  /** When an answered call ended, and the seconds the call-taker was on it (call-answer function). */
  readonly endedAt?: string;
  readonly handleSeconds?: number;
  /** Username of the call-taker whose desk holds the incident (absent: nobody took it yet). */
  readonly assignee?: string;
  /** Call-back attempts, oldest first (domain/call-back.ts). */
  readonly callbacks?: readonly CallBackAttempt[];
  /** Set while the incident waits for a call-back (sparse index `callbacks`). */
  readonly callbackDue?: string;
  /** The state the incident was in when it was closed, so a supervisor can reopen it. */
  readonly stateBeforeClose?: IncidentState;
  readonly reopenedAt?: string;
  readonly category?: IncidentCategory;
  readonly severity?: Severity;
  readonly location?: IncidentLocation;
  readonly notes?: string;
  readonly outcome?: CallOutcome;
  /** Agencies alerted (routing of the category at classification). */
  readonly agencies?: readonly string[];
  readonly classifiedAt?: string;
  readonly closedAt?: string;
  /** Optimistic concurrency: incremented on every change. */
  readonly version: number;
  /** Location SMS sent to the caller, oldest first (written without bumping `version`). */
  readonly locationRequests?: readonly LocationRequestRecord[];
  /** When the last one was sent (ISO): what the request's rate condition compares. */
  readonly locationRequestedAt?: string;
  /** What the caller's phone reported through the link, oldest first (without bumping `version`). */
  readonly callerLocations?: readonly CallerLocationReport[];
}

const CONTACT_ID = /^[A-Za-z0-9-]{1,128}$/;

/**
 * Whether a value is an Amazon Connect ContactId, which is also the incident id: letters, digits
 * and dashes, at most 128 characters.
 *
 * @example
 * isContactId("8d2a6f0e-1b2c-4d3e-9f00-0123456789ab") // true
 * isContactId("../etc") // false
 */
export function isContactId(value: unknown): value is string {
  return typeof value === "string" && CONTACT_ID.test(value);
}

/** Thrown when a change is not allowed from the incident's current state. */
export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
  constructor(
    readonly incidentId: string,
    readonly from: IncidentState,
    readonly to: IncidentState,
  ) {
    const allowed = LEGAL_TRANSITIONS[from];
    super(
      `incident ${incidentId}: cannot go from "${from}" to "${to}" ` +
        `(from "${from}": ${allowed.length > 0 ? allowed.map((s) => `"${s}"`).join(", ") : "no further change"})`,
    );
  }
}

const PROGRESS: readonly IncidentState[] = ["acknowledged", "dispatched", "on-scene", "resolved"];

/**
 * Legal transitions. Agencies may skip ahead (report "on scene" without "dispatched");
 * the incident never moves back (a supervisor's reopen is an override, see `reopenedState`).
 * Non-emergency outcomes close a received, abandoned, overflowed or classified incident
 * without escalation. Abandoned and overflowed calls are set by the call-answer function.
 */
export const LEGAL_TRANSITIONS: Readonly<Record<IncidentState, readonly IncidentState[]>> = {
  received: ["abandoned", "overflowed", "classified", "closed"],
  // Called back (or reported by the backup centre): classified as an emergency, or closed.
  abandoned: ["classified", "closed"],
  overflowed: ["classified", "closed"],
  classified: ["escalated", ...PROGRESS, "closed"],
  escalated: [...PROGRESS, "closed"],
  acknowledged: ["dispatched", "on-scene", "resolved", "closed"],
  dispatched: ["on-scene", "resolved", "closed"],
  "on-scene": ["resolved", "closed"],
  resolved: ["closed"],
  closed: [],
};

/**
 * Whether the incident may go from one state to another.
 *
 * @example
 * canTransition("escalated", "acknowledged") // true
 * canTransition("closed", "classified") // false
 */
export function canTransition(from: IncidentState, to: IncidentState): boolean {
  return LEGAL_TRANSITIONS[from].includes(to);
}

/**
 * Refuses an illegal transition with an error naming the incident, both states and what is allowed.
 *
 * @example
 * assertTransition("c0ffee", "closed", "classified") // throws IllegalTransitionError
 */
export function assertTransition(incidentId: string, from: IncidentState, to: IncidentState): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(incidentId, from, to);
}

/** The incident state an agency status moves the incident to (never backwards: see canTransition). */
export function stateForAgencyStatus(status: Exclude<AgencyStatus, "alerted">): IncidentState {
  return status;
}

/** Outcomes that close an incident without escalation. */
export const NON_EMERGENCY_OUTCOMES: readonly CallOutcome[] = [
  "prank",
  "ghost",
  "information",
  "wrong-number",
];

const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/**
 * The six-character code read out to call-takers and sent in SMS, derived from the ContactId so
 * that Connect's retries get the same one. Not unique: links also bind the full incident id.
 *
 * @example
 * shortCodeOf("8d2a6f0e-...") // "K7Q2XM"
 */
export function shortCodeOf(incidentId: string): string {
  const digest = createHash("sha256").update(incidentId).digest();
  let code = "";
  for (let i = 0; i < 6; i++) code += SHORT_CODE_ALPHABET[digest[i]! & 31];
  return code;
}

/**
 * Key of a caller's history: a hash of tenant and number, so the history item holds no number.
 *
 * @example
 * callerKeyOf("71.71", "+6281234567890") // 32 hex characters
 */
export function callerKeyOf(tenantCode: string, callerNumber: string): string {
  return createHash("sha256").update(`${tenantCode}|${callerNumber}`).digest("hex").slice(0, 32);
}

/**
 * A caller number safe for logs: country code and the last two digits only.
 *
 * @example
 * maskCallerNumber("+6281234567890") // "+62*********90"
 */
export function maskCallerNumber(number: string | undefined): string {
  if (!number) return "(none)";
  const digits = number.replace(/[^0-9+]/g, "");
  if (digits.length <= 5) return "*".repeat(digits.length);
  const head = digits.startsWith("+") ? digits.slice(0, 3) : "";
  return head + "*".repeat(digits.length - head.length - 2) + digits.slice(-2);
}

/**
 * The list partition of an incident: its day in the tenant's zone.
 *
 * @example
 * dayPkOf("2026-11-27T20:00:00.000Z", 8) // "DAY#2026-11-28"
 */
export function dayPkOf(receivedAt: string, utcOffsetHours: TenantZone["utcOffsetHours"]): string {
  return `DAY#${localDate(receivedAt, { utcOffsetHours })}`;
}

/** States a call-taker may set a non-emergency outcome from (the call is not being escalated). */
export const OUTCOME_STATES: readonly IncidentState[] = ["received", "abandoned", "overflowed", "classified"];

/** How the call itself went: a call-taker answered, the caller hung up first, or the backup centre took it. */
export type CallResult = "answered" | "abandoned" | "overflowed";

/** Indonesian labels of call results (docs/glossary.md). */
export const CALL_RESULT_LABELS_ID: Readonly<Record<CallResult, string>> = {
  answered: "dijawab",
  abandoned: "ditinggalkan penelepon",
  overflowed: "dialihkan ke pusat cadangan",
};

/**
 * How the call went, from what the call-answer function recorded; undefined while it is still
 * queued (or when the contact events were lost: they are best effort).
 *
 * @example
 * callResultOf({ abandonedAt: "2026-11-27T13:00:40Z" }) // "abandoned"
 */
export function callResultOf(
  incident: Pick<Incident, "answeredAt" | "abandonedAt" | "overflowedAt">,
): CallResult | undefined {
  if (incident.answeredAt) return "answered";
  if (incident.abandonedAt) return "abandoned";
  if (incident.overflowedAt) return "overflowed";
  return undefined;
}

/**
 * The state a supervisor's reopen puts a closed incident back in: the state it was closed from,
 * or "received" when that is unknown. Refuses an incident that is not closed.
 *
 * @example
 * reopenedState({ incidentId: "c0ffee", state: "closed", stateBeforeClose: "received" }) // "received"
 */
export function reopenedState(
  incident: Pick<Incident, "incidentId" | "state" | "stateBeforeClose">,
): IncidentState {
  if (incident.state !== "closed") {
    const error = new IllegalTransitionError(incident.incidentId, incident.state, "received");
    error.message = `incident ${incident.incidentId}: "${incident.state}" is not closed; only a closed incident can be reopened`;
    throw error;
  }
  return incident.stateBeforeClose ?? "received";
}
