/**
 * What follows a call: a call-back attempt and its result, taking an incident to one's desk or a
 * supervisor moving it, and a supervisor reopening a closed incident. Same rules as
 * operations.ts: the domain checks the change, the desk is checked, the write is conditional.
 */
import type { CallBackResult } from "../../domain/call-back";
import { IllegalTransitionError, type Incident, reopenedState } from "../../domain/incident";
import type { TenantDeps } from "../shared/ports";
import { type Actor, deskFor, OtherDeskError } from "./access";
import { requireIncident, writeIncident } from "./operations";

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
