/**
 * Opens the escalations of a classified incident: per alerted agency, its progress item and the
 * outbox entry of its first step. Idempotent (conditional puts), so the call-taker API runs it
 * right after the state write (fast path) and the relay runs it again when it sees the incident
 * become classified on the stream (recovery path: nothing is lost if the API died in between).
 */
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Incident } from "../../domain/incident";
import { agencyAlertKey, INCIDENT_TABLE, outboxKey, PENDING_OUTBOX } from "../../domain/incident-table";
import { findAgency } from "../../domain/tenant-runtime";
import { alertSnapshot, isConditionFailed } from "./incident-items";
import type { TenantDeps } from "./ports";

/**
 * Writes what is missing of the incident's first escalation steps.
 *
 * @example
 * await openEscalations(deps, classifiedIncident);
 */
export async function openEscalations(deps: TenantDeps, incident: Incident): Promise<void> {
  const snapshot = alertSnapshot(incident);
  const expiresAt = (incident as { expiresAt?: number }).expiresAt;
  const dueAt = incident.classifiedAt ?? new Date(deps.clock.now()).toISOString();
  const { incidentId } = incident;
  for (const agencyId of incident.agencies ?? []) {
    const agency = findAgency(deps.tenant, agencyId);
    if (!agency) continue;
    await putIfAbsent(deps, {
      ...agencyAlertKey(incidentId, agencyId),
      incidentId,
      agencyId,
      agencyKind: agency.kind,
      status: "alerted",
      round: 0,
      step: 0,
      receivedAt: incident.receivedAt,
      version: 1,
      expiresAt,
    });
    await putIfAbsent(deps, {
      ...outboxKey(incidentId, agencyId, 0, 0),
      ...snapshot,
      incidentId,
      agencyId,
      round: 0,
      step: 0,
      contacts: agency.steps[0]!.contacts,
      status: "pending",
      attempts: 0,
      [INCIDENT_TABLE.indexes.pendingOutbox.partitionKey]: PENDING_OUTBOX,
      dueAt,
      expiresAt,
    });
  }
}

async function putIfAbsent(deps: TenantDeps, item: Record<string, unknown>): Promise<void> {
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: item,
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}
