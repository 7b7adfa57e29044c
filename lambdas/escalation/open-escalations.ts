/**
 * Opens the escalations of a classified incident: per alerted agency, its progress item, the
 * alert on its duty board, and one outbox entry per contact of its first step. Idempotent
 * (conditional puts), so the call-taker API runs it right after the state write (fast path) and
 * the relay runs it again when it sees the incident become classified on the stream (recovery
 * path: nothing is lost if the API died in between). The board entry is written before the
 * messages, so every message's board lists its incident.
 */
import type { Incident } from "../../domain/incident";
import { findAgency } from "../../domain/tenant-runtime";
import { AgencyAlerts } from "../items/agency-alerts";
import { BoardEntries } from "../items/board-entries";
import { newOutboxEntries, OutboxEntries } from "../items/outbox-entries";
import type { TenantDeps } from "../shared/ports";

/**
 * Writes what is missing of the incident's first escalation steps.
 *
 * @example
 * await openEscalations(deps, classifiedIncident);
 */
export async function openEscalations(deps: TenantDeps, incident: Incident): Promise<void> {
  const agencyAlerts = new AgencyAlerts(deps);
  const board = new BoardEntries(deps);
  const outbox = new OutboxEntries(deps);
  const expiresAt = (incident as { expiresAt?: number }).expiresAt;
  const dueAt = incident.classifiedAt ?? new Date(deps.clock.now()).toISOString();
  const { incidentId, receivedAt } = incident;
  for (const agencyId of incident.agencies ?? []) {
    const agency = findAgency(deps.tenant, agencyId);
    if (!agency) continue;
    await agencyAlerts.openIfAbsent({ incidentId, agencyId, agencyKind: agency.kind, receivedAt, expiresAt });
    await board.open({ agencyId, incidentId, receivedAt }, expiresAt);
    const first = { incidentId, agencyId, round: 0, step: 0 };
    for (const entry of newOutboxEntries(first, agency.steps[0]!.contacts, dueAt, expiresAt)) {
      await outbox.putIfAbsent(entry);
    }
  }
}
