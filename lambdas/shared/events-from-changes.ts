/**
 * The national incident events implied by one change of the incident table. The table stream is
 * the outbox of events: every state change is written first, then published from the stream
 * (at least once; `eventId` is deterministic so consumers can deduplicate).
 */
import type { CallerFlags } from "../../domain/incident-caller-history";
import {
  type CallOutcome,
  INCIDENT_EVENT_SCHEMA_VERSION,
  type IncidentEvent,
  type IncidentState,
} from "../../domain/incident-events";
import { itemKind } from "../../domain/incident-table";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";
import type { TableChange } from "./ports";

type Image = Readonly<Record<string, unknown>>;

const str = (image: Image | undefined, name: string): string | undefined =>
  typeof image?.[name] === "string" ? (image[name] as string) : undefined;
const num = (image: Image | undefined, name: string): number | undefined =>
  typeof image?.[name] === "number" ? (image[name] as number) : undefined;

/** The `<round>:<step>` members of a string set (a Set from the stream, or a list). */
const stepsOf = (value: unknown): Set<string> =>
  new Set(
    (value instanceof Set || Array.isArray(value) ? [...value] : []).filter(
      (item): item is string => typeof item === "string" && /^\d+:\d+$/.test(item),
    ),
  );

const seconds = (from: string | undefined, to: string | undefined): number =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : 0;

/**
 * Events of one table change. `flags` gives an incident's caller flags (read from the caller
 * history) for `IncidentReceived`.
 *
 * @example
 * eventsOfChange(tenant, change, flags) // [{ type: "IncidentClassified", ... }]
 */
export function eventsOfChange(
  tenant: TenantRuntimeConfig,
  change: TableChange,
  flags: CallerFlags = { repeatCaller: false, suspectedPrank: false },
): IncidentEvent[] {
  const after = change.newImage;
  const before = change.oldImage;
  const image = after ?? before;
  const incidentId = str(image, "incidentId");
  if (!image || !incidentId || change.eventName === "REMOVE") return [];
  const base = (type: string, at: string | undefined, suffix: string) => ({
    schemaVersion: INCIDENT_EVENT_SCHEMA_VERSION as typeof INCIDENT_EVENT_SCHEMA_VERSION,
    eventId: `${incidentId}:${type}${suffix}`,
    tenant: tenant.code,
    province: tenant.province.code,
    incidentId,
    at: at ?? new Date(0).toISOString(),
  });
  const kind = itemKind(image);
  const events: IncidentEvent[] = [];

  if (kind === "incident") {
    const state = str(after, "state") as IncidentState | undefined;
    const previous = str(before, "state") as IncidentState | undefined;
    if (change.eventName === "INSERT") {
      events.push({
        ...base("IncidentReceived", str(after, "receivedAt"), ""),
        type: "IncidentReceived",
        channel: "voice",
        repeatCaller: flags.repeatCaller,
        suspectedPrank: flags.suspectedPrank,
      });
    }
    if (state === "classified" && previous !== "classified") {
      events.push({
        ...base("IncidentClassified", str(after, "classifiedAt"), ""),
        type: "IncidentClassified",
        category: str(after, "category") as never,
        severity: str(after, "severity") as never,
      });
    }
    const outcome = str(after, "outcome") as CallOutcome | undefined;
    if (outcome && outcome !== str(before, "outcome")) {
      events.push({
        ...base(
          "IncidentOutcomeSet",
          str(after, "outcomeAt") ?? str(after, "closedAt") ?? str(after, "classifiedAt"),
          `:${outcome}`,
        ),
        type: "IncidentOutcomeSet",
        outcome,
      });
    }
    // Written by the call-answer function from Amazon Connect contact events (once per call).
    const answerSeconds = num(after, "answerSeconds");
    if (str(after, "answeredAt") && !str(before, "answeredAt") && answerSeconds !== undefined) {
      events.push({
        ...base("CallAnswered", str(after, "answeredAt"), ""),
        type: "CallAnswered",
        answerSeconds,
      });
    }
    const secondsWaited = num(after, "abandonSeconds");
    if (str(after, "abandonedAt") && !str(before, "abandonedAt") && secondsWaited !== undefined) {
      events.push({
        ...base("CallAbandoned", str(after, "abandonedAt"), ""),
        type: "CallAbandoned",
        secondsWaited,
      });
    }
    const handleSeconds = num(after, "handleSeconds");
    if (str(after, "endedAt") && !str(before, "endedAt") && handleSeconds !== undefined) {
      events.push({
        ...base("CallEnded", str(after, "endedAt"), ""),
        type: "CallEnded",
        handleSeconds,
      });
    }
    if (str(after, "overflowedAt") && !str(before, "overflowedAt")) {
      events.push({
        ...base("CallOverflowed", str(after, "overflowedAt"), ""),
        type: "CallOverflowed",
        secondsInFlow: seconds(str(after, "receivedAt"), str(after, "overflowedAt")),
      });
    }
    if (state === "closed" && previous !== "closed") {
      events.push({
        ...base("IncidentClosed", str(after, "closedAt"), ""),
        type: "IncidentClosed",
        outcome: outcome ?? "genuine",
        ...(str(after, "category") ? { category: str(after, "category") as never } : {}),
      });
    }
  }

  if (kind === "agency" && after) {
    const agency = str(after, "agencyId") ?? "";
    const agencyKind = str(after, "agencyKind") ?? "other";
    const status = str(after, "status");
    const previous = str(before, "status");
    if (status && status !== previous && status !== "alerted") {
      if (previous === "alerted" || previous === undefined) {
        events.push({
          ...base("EscalationAcknowledged", str(after, "acknowledgedAt"), `:${agency}`),
          type: "EscalationAcknowledged",
          agency,
          agencyKind,
          secondsToAcknowledge: seconds(str(after, "firstAlertAt"), str(after, "acknowledgedAt")),
        });
      }
      if (status === "dispatched" || status === "on-scene" || status === "resolved") {
        events.push({
          ...base("AgencyStatusReported", str(after, "statusAt"), `:${agency}:${status}`),
          type: "AgencyStatusReported",
          agency,
          agencyKind,
          status,
          secondsSinceReceived: seconds(str(after, "receivedAt"), str(after, "statusAt")),
        });
      }
    }
  }

  // A step went out when the first of its contacts was sent (alone or in a reminder digest): the
  // agency item's `stepsSent` set gains it once, however many contacts and relays took part.
  if (kind === "agency" && after) {
    const agency = str(after, "agencyId") ?? "";
    const sentBefore = stepsOf(before?.stepsSent);
    for (const position of [...stepsOf(after.stepsSent)].sort()) {
      if (sentBefore.has(position)) continue;
      const [round, step] = position.split(":").map(Number) as [number, number];
      events.push({
        ...base("EscalationSent", str(after, "lastAlertAt"), `:${agency}:${round}:${step}`),
        type: "EscalationSent",
        agency,
        agencyKind: str(after, "agencyKind") ?? tenant.agencies.find((a) => a.id === agency)?.kind ?? "other",
        step,
        round,
      });
    }
  }
  return events;
}
