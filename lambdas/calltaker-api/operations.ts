/**
 * What call-takers do to incidents: read, classify (which alerts the routed agencies), set a
 * non-emergency outcome, close, record a call-back, take or reassign, reopen. Each operation
 * checks the transition in the domain and the desk of the incident, and writes with a version
 * condition, so two call-takers cannot overwrite each other. Lists are in queries.ts.
 */
import type { IncidentCategory } from "../../domain/categories";
import {
  type AgencyStatus,
  assertTransition,
  IllegalTransitionError,
  type Incident,
  type IncidentLocation,
  NON_EMERGENCY_OUTCOMES,
  OUTCOME_STATES,
  type Severity,
} from "../../domain/incident";
import type { CallOutcome } from "../../domain/incident-events";
import { openEscalations } from "../escalation/open-escalations";
import { AgencyAlerts } from "../items/agency-alerts";
import { CallerHistories } from "../items/caller-histories";
import { IncidentItems } from "../items/incidents";
import type { TenantDeps } from "../shared/ports";
import { type Actor, deskFor } from "./access";

/** The incident does not exist (404). */
export class IncidentNotFoundError extends Error {
  override readonly name = "IncidentNotFoundError";
  constructor(readonly incidentId: string) {
    super(`incident ${incidentId}: not found`);
  }
}

/** Someone else changed the incident meanwhile (409): read it again and retry. */
export class ConcurrentChangeError extends Error {
  override readonly name = "ConcurrentChangeError";
}

export interface Classification {
  readonly category: IncidentCategory;
  readonly severity: Severity;
  readonly location: IncidentLocation;
  readonly notes?: string;
}

export async function requireIncident(deps: TenantDeps, incidentId: string): Promise<Incident> {
  const incident = await new IncidentItems(deps).get(incidentId);
  if (!incident) throw new IncidentNotFoundError(incidentId);
  return incident;
}

function sameClassification(incident: Incident, c: Classification): boolean {
  return (
    incident.category === c.category &&
    incident.severity === c.severity &&
    incident.location?.text === c.location.text &&
    incident.location?.lat === c.location.lat &&
    incident.location?.lon === c.location.lon
  );
}

/**
 * Classifies a received incident as a genuine emergency and alerts the agencies the tenant routes
 * its category to. The state is written first (version condition: of two concurrent
 * classifications one wins, the other gets 409 and alerts nobody), then the escalations are
 * opened; if the API dies in between, the relay opens them from the stream. A retry with the same
 * classification writes nothing twice; the same classification with other notes updates the notes
 * (reminders are written from the incident, so they carry them). A different classification of a
 * classified incident is a conflict (409).
 *
 * @example
 * await classifyIncident(deps, "c0ffee", { category: "fire", severity: "high", location: { text: "Jl. Sam Ratulangi 12" } }, actor);
 */
export async function classifyIncident(
  deps: TenantDeps,
  incidentId: string,
  classification: Classification,
  actor?: Actor,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  const retry =
    incident.state !== "received" &&
    incident.category !== undefined &&
    sameClassification(incident, classification);
  const assignee = deskFor(incident, actor);
  if (retry) {
    await openEscalations(deps, incident);
    return (classification.notes ?? "") === (incident.notes ?? "")
      ? incident
      : updateNotes(deps, incident, classification.notes, assignee);
  }
  assertTransition(incidentId, incident.state, "classified");

  const now = new Date(deps.clock.now()).toISOString();
  const agencies = deps.tenant.routing[classification.category];
  const classified: Incident = {
    ...incident,
    state: "classified",
    category: classification.category,
    severity: classification.severity,
    location: classification.location,
    notes: classification.notes,
    outcome: "genuine",
    agencies,
    classifiedAt: incident.classifiedAt ?? now,
    assignee,
    version: incident.version + 1,
  };
  await writeIncident(deps, incident, classified);
  // After the state write: a concurrent classification loses with 409 before alerting anyone.
  await openEscalations(deps, classified);
  deps.metrics.count("IncidentClassified");
  deps.log.info("incident classified", { incidentId, category: classification.category, agencies });
  return classified;
}

/** New notes on a classified incident (409 if someone changed it meanwhile). */
async function updateNotes(
  deps: TenantDeps,
  incident: Incident,
  notes: string | undefined,
  assignee: string | undefined,
): Promise<Incident> {
  const updated: Incident = { ...incident, notes, assignee, version: incident.version + 1 };
  await writeIncident(deps, incident, updated);
  deps.log.info("incident notes updated", { incidentId: incident.incidentId });
  return updated;
}

/**
 * Sets a non-emergency outcome (prank, ghost, information, wrong number): the incident closes
 * without escalation, and a prank or ghost call counts toward the caller's prank flag. A ghost
 * call with a number goes on the call-back list.
 *
 * @example
 * await setOutcome(deps, "c0ffee", "prank", actor);
 */
export async function setOutcome(
  deps: TenantDeps,
  incidentId: string,
  outcome: CallOutcome,
  actor?: Actor,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  if (!NON_EMERGENCY_OUTCOMES.includes(outcome)) {
    throw new RangeError(
      `outcome "${outcome}": expected one of ${NON_EMERGENCY_OUTCOMES.join(", ")} (classify a genuine emergency instead)`,
    );
  }
  if (incident.state === "closed" && incident.outcome === outcome) return incident;
  if (!OUTCOME_STATES.includes(incident.state)) {
    throw new IllegalTransitionError(incidentId, incident.state, "closed");
  }
  const now = new Date(deps.clock.now()).toISOString();
  const closed: Incident = {
    ...incident,
    state: "closed",
    stateBeforeClose: incident.state,
    outcome,
    closedAt: now,
    assignee: deskFor(incident, actor),
    version: incident.version + 1,
  };
  if ((outcome === "prank" || outcome === "ghost") && incident.callerKey) {
    await new CallerHistories(deps).addPrank(
      incident.callerKey,
      Math.floor(Date.parse(incident.receivedAt) / 1000),
    );
  }
  await writeIncident(deps, incident, { ...closed, outcomeAt: now } as Incident);
  deps.metrics.count(`Outcome-${outcome}`);
  return closed;
}

/**
 * Closes an incident once it is handled (or an unclassified one with its outcome given).
 *
 * @example
 * await closeIncident(deps, "c0ffee", undefined, actor);
 */
export async function closeIncident(
  deps: TenantDeps,
  incidentId: string,
  outcome?: CallOutcome,
  actor?: Actor,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  if (incident.state === "closed") return incident;
  if (incident.state === "received" || incident.state === "abandoned" || incident.state === "overflowed") {
    if (!outcome || outcome === "genuine") {
      throw new RangeError(
        `incident ${incidentId}: outcome ${outcome ? `"${outcome}"` : "missing"}: a ${incident.state} incident closes with one of ${NON_EMERGENCY_OUTCOMES.join(", ")}, or is classified first`,
      );
    }
    return setOutcome(deps, incidentId, outcome, actor);
  }
  assertTransition(incidentId, incident.state, "closed");
  const closed: Incident = {
    ...incident,
    state: "closed",
    stateBeforeClose: incident.state,
    outcome: incident.outcome ?? "genuine",
    closedAt: new Date(deps.clock.now()).toISOString(),
    assignee: deskFor(incident, actor),
    version: incident.version + 1,
  };
  await writeIncident(deps, incident, closed);
  return closed;
}

/**
 * Reads one incident.
 *
 * @example
 * await readIncident(deps, "c0ffee");
 */
export function readIncident(deps: TenantDeps, incidentId: string): Promise<Incident> {
  return requireIncident(deps, incidentId);
}

/** Where one alerted agency stands, for the call-taker. */
export interface AgencyProgress {
  readonly agencyId: string;
  readonly status: AgencyStatus;
  /** Latest step sent: 0-based step and round of the agency's policy. */
  readonly round: number;
  readonly step: number;
  readonly firstAlertAt?: string;
  readonly acknowledgedAt?: string;
  readonly statusAt?: string;
}

/**
 * The progress of every agency alerted for an incident.
 *
 * @example
 * await agencyProgress(deps, "c0ffee") // [{ agencyId: "damkar", status: "acknowledged", ... }]
 */
export async function agencyProgress(deps: TenantDeps, incidentId: string): Promise<AgencyProgress[]> {
  const alerts = await new AgencyAlerts(deps).ofIncident(incidentId);
  return alerts.map((item) => ({
    agencyId: item.agencyId,
    status: item.status,
    round: item.round,
    step: item.step,
    ...(item.firstAlertAt ? { firstAlertAt: item.firstAlertAt } : {}),
    ...(item.acknowledgedAt ? { acknowledgedAt: item.acknowledgedAt } : {}),
    ...(item.statusAt ? { statusAt: item.statusAt } : {}),
  }));
}

/** Writes what the call-taker changed; 409 when someone changed the incident since it was read. */
export async function writeIncident(deps: TenantDeps, before: Incident, after: Incident): Promise<void> {
  if (!(await new IncidentItems(deps).writeChanges(before, after))) {
    throw new ConcurrentChangeError(
      `incident ${before.incidentId}: changed by someone else meanwhile; read it again`,
    );
  }
}
