/**
 * Acknowledgement and progress reports from agencies, through their signed link. Resolving a
 * token finds the incident by short code and checks the signature against the full incident id.
 */
import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { parseAckToken, verifyAckToken } from "../../domain/ack-link";
import { AGENCY_STATUSES, type AgencyStatus, canTransition, type Incident } from "../../domain/incident";
import { agencyAlertKey, INCIDENT_TABLE, incidentKey } from "../../domain/incident-table";
import { findAgency, type RuntimeAgency } from "../../domain/tenant-runtime";
import { type AgencyAlert, getAgencyAlert, getIncident, isConditionFailed } from "../shared/incident-items";
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
  const index = INCIDENT_TABLE.indexes.byShortCode;
  const { Items } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: index.name,
      KeyConditionExpression: "#code = :code",
      ExpressionAttributeNames: { "#code": index.partitionKey },
      ExpressionAttributeValues: { ":code": parsed.shortCode },
      ScanIndexForward: false,
      Limit: 20,
    }),
  );
  const secret = await deps.secret.get();
  const nowSeconds = deps.clock.now() / 1000;
  let verdict: LinkProblem = "unknown";
  for (const candidate of (Items ?? []) as Incident[]) {
    const check = verifyAckToken(
      parsed,
      { tenant: deps.tenant.code, incidentId: candidate.incidentId },
      secret,
      nowSeconds,
    );
    if (check === "expired") verdict = "expired";
    if (check === "bad-signature" && verdict === "unknown") verdict = "bad-signature";
    if (check !== "valid") continue;
    const [incident, alert] = await Promise.all([
      getIncident(deps.db, deps.tableName, candidate.incidentId),
      getAgencyAlert(deps.db, deps.tableName, candidate.incidentId, agency.id),
    ]);
    if (!incident || !alert) return "unknown";
    return { incident, agency, alert };
  }
  return verdict;
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
  const now = new Date(deps.clock.now()).toISOString();
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: agencyAlertKey(incident.incidentId, alert.agencyId),
        UpdateExpression:
          "SET #status = :status, statusAt = :now, acknowledgedAt = if_not_exists(acknowledgedAt, :now), version = version + :one REMOVE pendingSchedule",
        ConditionExpression: "#status = :current",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":status": status, ":now": now, ":one": 1, ":current": alert.status },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    // Another report won the race; show what is recorded now.
    const current = await getAgencyAlert(deps.db, deps.tableName, incident.incidentId, alert.agencyId);
    return { kind: "already", status: current?.status ?? alert.status };
  }
  if (alert.pendingSchedule) await deps.scheduler.cancel(alert.pendingSchedule);
  if (canTransition(incident.state, status)) {
    await deps.db
      .send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: incidentKey(incident.incidentId),
          UpdateExpression: "SET #state = :status, version = version + :one",
          ConditionExpression: "#state = :current",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":status": status, ":one": 1, ":current": incident.state },
        }),
      )
      .catch((error: unknown) => {
        // The incident moved on meanwhile (another agency, or closed): the agency's report stands.
        if (!isConditionFailed(error)) throw error;
      });
  }
  deps.metrics.count(`Agency-${status}`);
  deps.log.info("agency reported", { incidentId: incident.incidentId, agencyId: alert.agencyId, status });
  return { kind: "recorded", status };
}
