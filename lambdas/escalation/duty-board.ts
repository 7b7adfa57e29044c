/**
 * The duty board (papan tugas) of an agency: every alert of it that is still open, read from the
 * incidents themselves, so a board never lists a closed incident even while its board entry is
 * being removed. Alerts waiting for konfirmasi come first; the ones the agency confirmed stay on
 * the board (in their own list) until it reports them resolved, so any of its contacts can report
 * progress from the board.
 */
import type { Incident } from "../../domain/incident";
import { type AgencyAlert, AgencyAlerts } from "../items/agency-alerts";
import { BoardEntries } from "../items/board-entries";
import { IncidentItems } from "../items/incidents";
import type { TenantDeps } from "../shared/ports";

/** One open alert on a board. */
export interface BoardAlert {
  readonly incident: Incident;
  readonly alert: AgencyAlert;
}

export interface DutyBoard {
  /** Alerts waiting for the agency's konfirmasi, oldest first. */
  readonly waiting: readonly BoardAlert[];
  /** Alerts the agency confirmed and has not reported resolved, oldest first. */
  readonly inProgress: readonly BoardAlert[];
}

/**
 * The agency's open alerts.
 *
 * @example
 * const { waiting } = await dutyBoard(deps, "damkar");
 */
export async function dutyBoard(deps: TenantDeps, agencyId: string): Promise<DutyBoard> {
  const entries = await new BoardEntries(deps).list(agencyId);
  const found = await alertsOf(
    deps,
    agencyId,
    entries.map((entry) => entry.incidentId),
  );
  const waiting: BoardAlert[] = [];
  const inProgress: BoardAlert[] = [];
  for (const { incidentId } of entries) {
    const item = found.get(incidentId);
    if (!item || item.incident.state === "closed" || item.alert.status === "resolved") continue;
    (item.alert.status === "alerted" ? waiting : inProgress).push(item);
  }
  return { waiting, inProgress };
}

/**
 * Incidents and one agency's progress on each, read together (consistent reads), by incident id;
 * an incident the agency was not alerted for is left out.
 *
 * @example
 * (await alertsOf(deps, "damkar", ["c0ffee"])).get("c0ffee")?.alert.status // "alerted"
 */
export async function alertsOf(
  deps: TenantDeps,
  agencyId: string,
  incidentIds: readonly string[],
): Promise<Map<string, BoardAlert>> {
  const [incidents, alerts] = await Promise.all([
    new IncidentItems(deps).many(incidentIds),
    new AgencyAlerts(deps).many(agencyId, incidentIds),
  ]);
  const found = new Map<string, BoardAlert>();
  for (const [id, incident] of incidents) {
    const alert = alerts.get(id);
    if (alert) found.set(id, { incident, alert });
  }
  return found;
}

/**
 * A closed incident leaves the duty board of every agency it alerted (the relay, on the stream).
 *
 * @example
 * await takeOffBoards(deps, closedIncident);
 */
export async function takeOffBoards(
  deps: TenantDeps,
  incident: Pick<Incident, "incidentId" | "receivedAt" | "agencies">,
): Promise<void> {
  const board = new BoardEntries(deps);
  for (const agencyId of incident.agencies ?? []) {
    await board.remove({ agencyId, incidentId: incident.incidentId, receivedAt: incident.receivedAt });
  }
}
