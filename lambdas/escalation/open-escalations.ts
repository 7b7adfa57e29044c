/**
 * Opens the escalations of a classified incident: per alerted agency, its progress item and the
 * outbox entry of its first step. Idempotent (conditional puts), so the call-taker API runs it
 * right after the state write (fast path) and the relay runs it again when it sees the incident
 * become classified on the stream (recovery path: nothing is lost if the API died in between).
 */
import type { Incident } from "../../domain/incident";
import { findAgency } from "../../domain/tenant-runtime";
import { AgencyAlerts } from "../items/agency-alerts";
import { newOutboxEntry, OutboxEntries } from "../items/outbox-entries";
import type { TenantDeps } from "../shared/ports";

/**
 * Writes what is missing of the incident's first escalation steps.
 *
 * @example
 * await openEscalations(deps, classifiedIncident);
 */
export async function openEscalations(deps: TenantDeps, incident: Incident): Promise<void> {
  const agencyAlerts = new AgencyAlerts(deps);
  const outbox = new OutboxEntries(deps);
  const expiresAt = (incident as { expiresAt?: number }).expiresAt;
  const dueAt = incident.classifiedAt ?? new Date(deps.clock.now()).toISOString();
  const { incidentId } = incident;
  for (const agencyId of incident.agencies ?? []) {
    const agency = findAgency(deps.tenant, agencyId);
    if (!agency) continue;
    await agencyAlerts.openIfAbsent({
      incidentId,
      agencyId,
      agencyKind: agency.kind,
      receivedAt: incident.receivedAt,
      expiresAt,
    });
    await outbox.putIfAbsent(
      newOutboxEntry(incident, { incidentId, agencyId, round: 0, step: 0 }, agency.steps[0]!.contacts, dueAt),
    );
  }
}
