/**
 * What call-takers do to incidents: read, classify (which alerts the routed agencies), set a
 * non-emergency outcome, close, record a call-back, take or reassign, reopen. Each operation
 * checks the transition in the domain and the desk of the incident, and writes with a version
 * condition, so two call-takers cannot overwrite each other. Lists are in queries.ts.
 */
import type { CallBackResult } from "../../domain/call-back";
import type { IncidentCategory } from "../../domain/categories";
import {
  type AgencyStatus,
  assertTransition,
  IllegalTransitionError,
  type Incident,
  type IncidentLocation,
  NON_EMERGENCY_OUTCOMES,
  OUTCOME_STATES,
  reopenedState,
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

/** The incident is on another call-taker's desk (403): a supervisor can reassign it. */
export class OtherDeskError extends Error {
  override readonly name = "OtherDeskError";
  constructor(
    readonly incidentId: string,
    readonly assignee: string,
  ) {
    super(`incident ${incidentId}: on the desk of "${assignee}"; a supervisor can reassign it`);
  }
}

/** Who acts: the username (the desk) and whether the role may act on every desk. */
export interface Actor {
  readonly username: string;
  readonly everyDesk: boolean;
}

/**
 * The desk an incident goes to when `actor` changes it: an unassigned incident becomes the
 * actor's; one on another desk is refused unless the actor may act on every desk. Without an
 * actor (the relay, tests of the lifecycle) the desk stays as it is.
 */
function deskFor(incident: Incident, actor: Actor | undefined): string | undefined {
  if (!actor) return incident.assignee;
  if (incident.assignee && incident.assignee !== actor.username && !actor.everyDesk) {
    throw new OtherDeskError(incident.incidentId, incident.assignee);
  }
  return incident.assignee ?? actor.username;
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
 * classification writes nothing twice.
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
  if (!retry) assertTransition(incidentId, incident.state, "classified");
  const assignee = deskFor(incident, actor);

  const now = new Date(deps.clock.now()).toISOString();
  const agencies = retry ? (incident.agencies ?? []) : deps.tenant.routing[classification.category];
  const classified: Incident = {
    ...incident,
    state: retry ? incident.state : "classified",
    category: classification.category,
    severity: classification.severity,
    location: classification.location,
    notes: classification.notes,
    outcome: "genuine",
    agencies,
    classifiedAt: incident.classifiedAt ?? now,
    assignee,
    version: incident.version + (retry ? 0 : 1),
  };
  if (!retry) await writeIncident(deps, incident, classified);
  // After the state write: a concurrent classification loses with 409 before alerting anyone.
  await openEscalations(deps, classified);
  if (retry) return incident;
  deps.metrics.count("IncidentClassified");
  deps.log.info("incident classified", { incidentId, category: classification.category, agencies });
  return classified;
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
 * Records a call-back attempt and its result on the incident. Only incidents on the call-back list
 * (or called back already) take one: an abandoned or silent call with a number.
 *
 * @example
 * await recordCallBack(deps, "c0ffee", { result: "reached", talkSeconds: 40 }, actor);
 */
export async function recordCallBack(
  deps: TenantDeps,
  incidentId: string,
  attempt: { readonly result: CallBackResult; readonly talkSeconds?: number },
  actor: Actor,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  if (!incident.callerNumber) {
    throw new RangeError(
      `incident ${incidentId}: came without a number (no SIM card or withheld); nobody can call back`,
    );
  }
  if (incident.callbackDue === undefined && (incident.callbacks ?? []).length === 0) {
    const error = new IllegalTransitionError(incidentId, incident.state, incident.state);
    error.message = `incident ${incidentId}: not on the call-back list (only abandoned and silent calls with a number are)`;
    throw error;
  }
  const after: Incident = {
    ...incident,
    callbacks: [
      ...(incident.callbacks ?? []),
      {
        at: new Date(deps.clock.now()).toISOString(),
        by: actor.username,
        result: attempt.result,
        ...(attempt.talkSeconds !== undefined ? { talkSeconds: attempt.talkSeconds } : {}),
      },
    ],
    assignee: deskFor(incident, actor),
    version: incident.version + 1,
  };
  await writeIncident(deps, incident, after);
  deps.metrics.count(`CallBack-${attempt.result}`);
  return after;
}

/**
 * Puts an incident on a call-taker's desk: a call-taker takes an unassigned one (`to` = self); a
 * supervisor moves any to anyone.
 *
 * @example
 * await assignIncident(deps, "c0ffee", "rina", supervisor);
 */
export async function assignIncident(
  deps: TenantDeps,
  incidentId: string,
  to: string,
  actor: Actor,
): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  if (incident.assignee === to) return incident;
  if (!actor.everyDesk) {
    if (to !== actor.username) throw new OtherDeskError(incidentId, incident.assignee ?? to);
    deskFor(incident, actor);
  }
  const after: Incident = { ...incident, assignee: to, version: incident.version + 1 };
  await writeIncident(deps, incident, after);
  return after;
}

/**
 * Reopens a closed incident (supervisors): it goes back to the state it was closed from; a
 * non-emergency outcome is cleared so that it can be set again or the incident classified.
 *
 * @example
 * await reopenIncident(deps, "c0ffee");
 */
export async function reopenIncident(deps: TenantDeps, incidentId: string): Promise<Incident> {
  const incident = await requireIncident(deps, incidentId);
  const state = reopenedState(incident);
  const { closedAt: _closed, stateBeforeClose: _before, ...open } = incident;
  const after: Incident = {
    ...open,
    state,
    ...(incident.outcome === "genuine" ? {} : { outcome: undefined }),
    reopenedAt: new Date(deps.clock.now()).toISOString(),
    version: incident.version + 1,
  };
  await writeIncident(deps, incident, after);
  deps.log.info("incident reopened", { incidentId, state });
  return after;
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
async function writeIncident(deps: TenantDeps, before: Incident, after: Incident): Promise<void> {
  if (!(await new IncidentItems(deps).writeChanges(before, after))) {
    throw new ConcurrentChangeError(
      `incident ${before.incidentId}: changed by someone else meanwhile; read it again`,
    );
  }
}
