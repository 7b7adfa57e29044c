/**
 * Acknowledgement and progress reports from agencies, through a signed link: an incident's own
 * link (e-mail) or a contact's duty board link (every SMS). Resolving an incident token finds the
 * incident by short code and checks the signature against the full incident id; a board token is
 * checked against the tenant, agency and contact. A link that does not verify answers the same
 * whether its incident, agency or contact exists or not ("invalid").
 */
import { parseAckToken, verifyAckToken } from "../../domain/ack-link";
import { parseBoardToken, verifyBoardToken } from "../../domain/board-link";
import {
  AGENCY_STATUSES,
  type AgencyStatus,
  canTransition,
  type Incident,
  isContactId,
} from "../../domain/incident";
import { findAgency, type RuntimeAgency } from "../../domain/tenant-runtime";
import type { AgencyAlert } from "../items/agency-alerts";
import { AgencyAlerts } from "../items/agency-alerts";
import { IncidentItems } from "../items/incidents";
import type { AckDeps } from "../shared/ports";

/** Statuses an agency can report through its link. */
export type ReportedStatus = Exclude<AgencyStatus, "alerted">;
export const REPORTED_STATUSES: readonly ReportedStatus[] = [
  "acknowledged",
  "dispatched",
  "on-scene",
  "resolved",
];

/** What is wrong with a link: not a token at all, not one we signed (or of nothing we know), expired. */
export type LinkProblem = "malformed" | "invalid" | "expired";

export interface ResolvedLink {
  readonly incident: Incident;
  readonly agency: RuntimeAgency;
  readonly alert: AgencyAlert;
}

/**
 * The incident, agency and agency progress a token is for, or what is wrong with it.
 *
 * @example
 * const link = await resolveAckLink(deps, "K7Q2XM.damkar.t3k9zz.AbCdEfGhIjKl");
 */
export async function resolveAckLink(deps: AckDeps, token: string): Promise<ResolvedLink | LinkProblem> {
  const parsed = parseAckToken(token);
  if (!parsed) return "malformed";
  // The lookup runs for every well-formed token, so an unknown code, agency or a bad signature
  // take the same path and give the same answer.
  const keys = await deps.secret.get();
  const agency = findAgency(deps.tenant, parsed.agencyId);
  const nowSeconds = deps.clock.now() / 1000;
  const incident = await new IncidentItems(deps).ofSignedLink(parsed.shortCode, (incidentId) =>
    verifyAckToken(parsed, { tenant: deps.tenant.code, incidentId }, keys, nowSeconds),
  );
  if (typeof incident === "string") return incident;
  if (!agency) return "invalid";
  const alert = await new AgencyAlerts(deps).get(incident.incidentId, agency.id);
  return alert ? { incident, agency, alert } : "invalid";
}

/** The incident and the agency's progress on it, or undefined when the agency was not alerted. */
async function resolvedFor(
  deps: AckDeps,
  incidentId: string,
  agency: RuntimeAgency,
): Promise<ResolvedLink | undefined> {
  const [incident, alert] = await Promise.all([
    new IncidentItems(deps).get(incidentId),
    new AgencyAlerts(deps).get(incidentId, agency.id),
  ]);
  return incident && alert ? { incident, agency, alert } : undefined;
}

/** A verified duty board link: whose board it is. */
export interface ResolvedBoard {
  readonly agency: RuntimeAgency;
  readonly contactId: string;
}

/**
 * The agency and contact a duty board token is for, or what is wrong with it.
 *
 * @example
 * const board = await resolveBoardLink(deps, "damkar.piket.t3k9zz.AbCdEfGhIjKl");
 */
export async function resolveBoardLink(deps: AckDeps, token: string): Promise<ResolvedBoard | LinkProblem> {
  const parsed = parseBoardToken(token);
  if (!parsed) return "malformed";
  const keys = await deps.secret.get();
  const check = verifyBoardToken(parsed, deps.tenant.code, keys, deps.clock.now() / 1000);
  const agency = findAgency(deps.tenant, parsed.agencyId);
  if (check === "bad-signature" || !agency || !agency.contacts.includes(parsed.contactId)) return "invalid";
  if (check === "expired") return "expired";
  return { agency, contactId: parsed.contactId };
}

/**
 * One alert of a board: the incident and the agency's progress, when the agency was alerted for it.
 *
 * @example
 * await boardAlert(deps, board, "8d2a6f0e-…")
 */
export async function boardAlert(
  deps: AckDeps,
  board: ResolvedBoard,
  incidentId: string,
): Promise<ResolvedLink | undefined> {
  return isContactId(incidentId) ? resolvedFor(deps, incidentId, board.agency) : undefined;
}

export type ReportOutcome =
  | { readonly kind: "recorded"; readonly status: ReportedStatus }
  | { readonly kind: "already"; readonly status: AgencyStatus }
  | { readonly kind: "closed" };

/**
 * Records what an agency reports: acknowledgement cancels its pending re-escalation; a later
 * status implies acknowledgement. Reporting the same status again is harmless; going back is not
 * recorded.
 *
 * @example
 * await reportStatus(deps, link, "acknowledged") // { kind: "recorded", status: "acknowledged" }
 */
export async function reportStatus(
  deps: AckDeps,
  link: ResolvedLink,
  status: ReportedStatus,
): Promise<ReportOutcome> {
  const { incident, alert } = link;
  if (incident.state === "closed") return { kind: "closed" };
  if (AGENCY_STATUSES.indexOf(status) <= AGENCY_STATUSES.indexOf(alert.status)) {
    return { kind: "already", status: alert.status };
  }
  const incidents = new IncidentItems(deps);
  const agencyAlerts = new AgencyAlerts(deps);
  const now = new Date(deps.clock.now()).toISOString();
  if (!(await agencyAlerts.report(alert, status, now))) {
    // Another report won the race; show what is recorded now.
    const current = await agencyAlerts.get(incident.incidentId, alert.agencyId);
    return { kind: "already", status: current?.status ?? alert.status };
  }
  if (alert.pendingSchedule) await deps.scheduler.cancel(alert.pendingSchedule);
  // If the incident moved on meanwhile (another agency, or closed), the agency's report stands.
  if (canTransition(incident.state, status)) await incidents.followAgency(incident, status);
  deps.metrics.count(`Agency-${status}`);
  deps.log.info("agency reported", { incidentId: incident.incidentId, agencyId: alert.agencyId, status });
  return { kind: "recorded", status };
}
