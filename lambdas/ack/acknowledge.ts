/**
 * Acknowledgement and progress reports from agencies, through their signed link. Resolving a
 * token finds the incident by short code and checks the signature against the full incident id.
 */
import { parseAckToken, verifyAckToken } from "../../domain/ack-link";
import { AGENCY_STATUSES, type AgencyStatus, canTransition, type Incident } from "../../domain/incident";
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

export type LinkProblem = "malformed" | "unknown" | "expired" | "bad-signature";

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
  const agency = findAgency(deps.tenant, parsed.agencyId);
  if (!agency) return "unknown";
  const secret = await deps.secret.get();
  const nowSeconds = deps.clock.now() / 1000;
  const incident = await new IncidentItems(deps).ofSignedLink(parsed.shortCode, (incidentId) =>
    verifyAckToken(parsed, { tenant: deps.tenant.code, incidentId }, secret, nowSeconds),
  );
  if (typeof incident === "string") return incident;
  const alert = await new AgencyAlerts(deps).get(incident.incidentId, agency.id);
  return alert ? { incident, agency, alert } : "unknown";
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
