/**
 * Validation of incoming incident events (schema version 1). Unknown fields are dropped and an
 * unknown `type` or version is reported as "ignored", never as an error, so producers can add
 * events without breaking the national aggregator (see domain/incident-events.ts).
 */
import { z } from "zod/mini";
import { INCIDENT_CATEGORIES } from "../../domain/categories";
import {
  CALL_OUTCOMES,
  INCIDENT_EVENT_SCHEMA_VERSION,
  INCIDENT_EVENT_TYPES,
  type IncidentEvent,
} from "../../domain/incident-events";

const seconds = z.number().check(z.nonnegative());
const base = {
  schemaVersion: z.literal(INCIDENT_EVENT_SCHEMA_VERSION),
  eventId: z.string().check(z.minLength(1)),
  tenant: z.string().check(z.regex(/^\d{2}(\.\d{2})?$/)),
  province: z.string().check(z.regex(/^\d{2}$/)),
  incidentId: z.string().check(z.minLength(1)),
  at: z.iso.datetime({ offset: true }),
};
const agencyKind = z.string().check(z.minLength(1));
const outcome = z.enum(CALL_OUTCOMES);
const category = z.enum(INCIDENT_CATEGORIES);

const incidentEventSchema = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("IncidentReceived"),
    channel: z.literal("voice"),
    repeatCaller: z.boolean(),
    suspectedPrank: z.boolean(),
    answerSeconds: z.optional(seconds),
    abandoned: z.optional(z.boolean()),
  }),
  z.object({
    ...base,
    type: z.literal("IncidentClassified"),
    category,
    severity: z.enum(["low", "medium", "high", "critical"]),
  }),
  z.object({ ...base, type: z.literal("IncidentOutcomeSet"), outcome }),
  z.object({
    ...base,
    type: z.literal("EscalationSent"),
    agency: z.string(),
    agencyKind,
    step: z.int().check(z.nonnegative()),
    round: z.int().check(z.nonnegative()),
  }),
  z.object({
    ...base,
    type: z.literal("EscalationAcknowledged"),
    agency: z.string(),
    agencyKind,
    secondsToAcknowledge: seconds,
  }),
  z.object({
    ...base,
    type: z.literal("AgencyStatusReported"),
    agency: z.string(),
    agencyKind,
    status: z.enum(["dispatched", "on-scene", "resolved"]),
    secondsSinceReceived: seconds,
  }),
  z.object({ ...base, type: z.literal("IncidentClosed"), outcome, category: z.optional(category) }),
  z.object({ ...base, type: z.literal("CallAnswered"), answerSeconds: seconds }),
  z.object({ ...base, type: z.literal("CallAbandoned"), secondsWaited: seconds }),
  z.object({ ...base, type: z.literal("CallOverflowed"), secondsInFlow: seconds }),
  z.object({ ...base, type: z.literal("CallEnded"), handleSeconds: seconds }),
]);

export type ParsedEvent =
  | { readonly kind: "event"; readonly event: IncidentEvent }
  | { readonly kind: "ignored"; readonly reason: string }
  | { readonly kind: "invalid"; readonly reason: string };

/**
 * Parses an EventBridge `detail` as an incident event.
 *
 * @example
 * parseIncidentEvent(event.detail) // { kind: "event", event } | { kind: "ignored", reason } | { kind: "invalid", reason }
 */
export function parseIncidentEvent(detail: unknown): ParsedEvent {
  const d = (detail ?? {}) as { type?: unknown; schemaVersion?: unknown };
  if (d.schemaVersion !== INCIDENT_EVENT_SCHEMA_VERSION)
    return {
      kind: "ignored",
      reason: `schemaVersion ${JSON.stringify(d.schemaVersion)}: this aggregator reads version ${INCIDENT_EVENT_SCHEMA_VERSION}`,
    };
  if (!(INCIDENT_EVENT_TYPES as readonly unknown[]).includes(d.type))
    return { kind: "ignored", reason: `type ${JSON.stringify(d.type)}: not an event this aggregator counts` };
  const result = incidentEventSchema.safeParse(detail);
  if (!result.success) {
    const issues = result.error.issues
      .map((i) => `${i.path.join(".") || "(event)"}: ${i.message}`)
      .join("; ");
    return { kind: "invalid", reason: `${String(d.type)} event: ${issues}` };
  }
  return { kind: "event", event: result.data as IncidentEvent };
}
