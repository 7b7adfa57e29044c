/**
 * What call-takers do to incidents: list, read, classify (which alerts the routed agencies),
 * set a non-emergency outcome, close. Each operation checks the transition in the domain and
 * writes with a version condition, so two call-takers cannot overwrite each other.
 */
import type { IncidentCategory } from "../../domain/categories";
import {
  type AgencyStatus,
  assertTransition,
  IllegalTransitionError,
  type Incident,
  type IncidentLocation,
  NON_EMERGENCY_OUTCOMES,
  type Severity,
} from "../../domain/incident";
import type { CallOutcome } from "../../domain/incident-events";
import { openEscalations } from "../escalation/open-escalations";
import { AgencyAlerts } from "../items/agency-alerts";
import { CallerHistories } from "../items/caller-histories";
import { IncidentItems } from "../items/incidents";
import type { TenantDeps } from "../shared/ports";

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

async function requireIncident(deps: TenantDeps, incidentId: string): Promise<Incident> {
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
 * await classifyIncident(deps, "c0ffee", { category: "fire", severity: "high", location: { text: "Jl. Sam Ratulangi 12" } });
 */
export async function classifyIncident(
  deps: TenantDeps,
  incidentId: string,
  classification: Classification,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  const retry =
    incident.state !== "received" &&
    incident.category !== undefined &&
    sameClassification(incident, classification);
  if (retry) {
    await openEscalations(deps, incident);
    return (classification.notes ?? "") === (incident.notes ?? "")
      ? incident
      : updateNotes(deps, incident, classification.notes);
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
): Promise<Incident> {
  const updated: Incident = { ...incident, notes, version: incident.version + 1 };
  await writeIncident(deps, incident, updated);
  deps.log.info("incident notes updated", { incidentId: incident.incidentId });
  return updated;
}

/**
 * Sets a non-emergency outcome (prank, ghost, information, wrong number): the incident closes
 * without escalation, and a prank or ghost call counts toward the caller's prank flag.
 *
 * @example
 * await setOutcome(deps, "c0ffee", "prank");
 */
export async function setOutcome(
  deps: TenantDeps,
  incidentId: string,
  outcome: CallOutcome,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  if (!NON_EMERGENCY_OUTCOMES.includes(outcome)) {
    throw new RangeError(
      `outcome "${outcome}": expected one of ${NON_EMERGENCY_OUTCOMES.join(", ")} (classify a genuine emergency instead)`,
    );
  }
  if (incident.state === "closed" && incident.outcome === outcome) return incident;
  if (incident.state !== "received" && incident.state !== "classified") {
    throw new IllegalTransitionError(incidentId, incident.state, "closed");
  }
  const now = new Date(deps.clock.now()).toISOString();
  const closed: Incident = {
    ...incident,
    state: "closed",
    outcome,
    closedAt: now,
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
 * Closes an incident once it is handled (or a received one with its outcome given).
 *
 * @example
 * await closeIncident(deps, "c0ffee");
 */
export async function closeIncident(
  deps: TenantDeps,
  incidentId: string,
  outcome?: CallOutcome,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  if (incident.state === "closed") return incident;
  if (incident.state === "received") {
    if (!outcome || outcome === "genuine") {
      throw new RangeError(
        `incident ${incidentId}: outcome ${outcome ? `"${outcome}"` : "missing"}: a received incident closes with one of ${NON_EMERGENCY_OUTCOMES.join(", ")}, or is classified first`,
      );
    }
    return setOutcome(deps, incidentId, outcome);
  }
  assertTransition(incidentId, incident.state, "closed");
  const closed: Incident = {
    ...incident,
    state: "closed",
    outcome: incident.outcome ?? "genuine",
    closedAt: new Date(deps.clock.now()).toISOString(),
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

/**
 * Incidents received on a day (tenant's zone, `YYYY-MM-DD`), newest first.
 *
 * @example
 * await listIncidents(deps, { day: "2026-11-27", limit: 50 });
 */
export async function listIncidents(
  deps: TenantDeps,
  options: { readonly day: string; readonly limit: number; readonly state?: string },
): Promise<Incident[]> {
  return new IncidentItems(deps).listOfDay(options);
}

/** Writes what the call-taker changed; 409 when someone changed the incident since it was read. */
async function writeIncident(deps: TenantDeps, before: Incident, after: Incident): Promise<void> {
  if (!(await new IncidentItems(deps).writeChanges(before, after))) {
    throw new ConcurrentChangeError(
      `incident ${before.incidentId}: changed by someone else meanwhile; read it again`,
    );
  }
}
