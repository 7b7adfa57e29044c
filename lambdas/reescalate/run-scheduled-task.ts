/**
 * What a schedule does when it fires: the next escalation step of an agency that has not
 * acknowledged, a digest of held alerts, or the recurring sweep of undelivered outbox entries.
 */
import { stepAt } from "../../domain/escalation-policy";
import { findAgency } from "../../domain/tenant-runtime";
import { type DeliveryResult, deliverOutboxEntry } from "../escalation/deliver-outbox";
import { flushDigest } from "../escalation/digest";
import { AgencyAlerts } from "../items/agency-alerts";
import { IncidentItems } from "../items/incidents";
import { newOutboxEntry, OutboxEntries } from "../items/outbox-entries";
import type { ScheduledTask, SenderDeps } from "../shared/ports";

export type TaskResult =
  | { readonly kind: "step"; readonly result: DeliveryResult | "acknowledged" | "unknown" }
  | { readonly kind: "digest"; readonly sent: number }
  | { readonly kind: "sweep"; readonly results: readonly DeliveryResult[] }
  | { readonly kind: "ignored"; readonly reason: string };

/** Entries re-driven per sweep; the next sweep takes the rest. */
export const SWEEP_BATCH = 25;

/**
 * Runs a fired schedule.
 *
 * @example
 * await runScheduledTask(deps, { kind: "step", incidentId: "c0ffee", agencyId: "damkar", round: 0, step: 1 });
 */
export async function runScheduledTask(deps: SenderDeps, task: ScheduledTask): Promise<TaskResult> {
  switch (task.kind) {
    case "step":
      return { kind: "step", result: await escalateStep(deps, task) };
    case "digest":
      return { kind: "digest", sent: await flushDigest(deps, task.agencyId, task.contactId) };
    case "sweep":
      return { kind: "sweep", results: await sweepOutbox(deps) };
  }
}

async function escalateStep(
  deps: SenderDeps,
  task: Extract<ScheduledTask, { kind: "step" }>,
): Promise<DeliveryResult | "acknowledged" | "unknown"> {
  const incidents = new IncidentItems(deps);
  const agencyAlerts = new AgencyAlerts(deps);
  const outbox = new OutboxEntries(deps);
  const agency = findAgency(deps.tenant, task.agencyId);
  const step = agency && stepAt(agency, task);
  const [incident, alert] = await Promise.all([
    incidents.get(task.incidentId),
    agencyAlerts.get(task.incidentId, task.agencyId),
  ]);
  if (!agency || !step || !incident || !alert || !incident.category) return "unknown";
  if (alert.status !== "alerted" || incident.state === "closed") return "acknowledged";
  const at = { incidentId: task.incidentId, agencyId: task.agencyId, round: task.round, step: task.step };
  await outbox.putIfAbsent(
    newOutboxEntry(incident, at, step.contacts, new Date(deps.clock.now()).toISOString()),
  );
  await agencyAlerts.forgetSchedule(task.incidentId, task.agencyId).catch(() => undefined);
  deps.metrics.count("Reescalated");
  // Delivered here at once; the stream relay finds it claimed or sent.
  return deliverOutboxEntry(deps, at);
}

/**
 * Re-drives outbox entries whose time has come and that are still undelivered: failed
 * publishes (after their backoff), crashed relays (after their claim lapsed), records the
 * stream gave up on.
 *
 * @example
 * await sweepOutbox(deps) // ["sent", "already-handled"]
 */
export async function sweepOutbox(deps: SenderDeps): Promise<DeliveryResult[]> {
  const due = await new OutboxEntries(deps).due(new Date(deps.clock.now()).toISOString(), SWEEP_BATCH);
  const results: DeliveryResult[] = [];
  for (const entry of due) results.push(await deliverOutboxEntry(deps, entry));
  return results;
}
