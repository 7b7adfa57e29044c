/**
 * What a schedule does when it fires: the next escalation step of an agency that has not
 * acknowledged, a digest of held alerts, or the recurring sweep of undelivered outbox entries.
 */
import { stepAt } from "../../domain/escalation-policy";
import { itemKind } from "../../domain/incident-table";
import { findAgency } from "../../domain/tenant-runtime";
import { type DeliveryResult, deliverOutboxEntry } from "../escalation/deliver-outbox";
import { flushDigest } from "../escalation/digest";
import { AgencyAlerts } from "../items/agency-alerts";
import { IncidentItems } from "../items/incidents";
import { newOutboxEntries, OutboxEntries } from "../items/outbox-entries";
import type { ScheduledTask, SenderDeps } from "../shared/ports";

export type TaskResult =
  | { readonly kind: "step"; readonly results: readonly DeliveryResult[] | "acknowledged" | "unknown" }
  | { readonly kind: "digest"; readonly sent: number }
  | { readonly kind: "sweep"; readonly results: readonly (DeliveryResult | "digest")[] }
  | { readonly kind: "ignored"; readonly reason: string };

/** Entries and digests re-driven per sweep; the next sweep takes the rest. */
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
      return { kind: "step", results: await escalateStep(deps, task) };
    case "digest":
      return { kind: "digest", sent: await flushDigest(deps, task.agencyId, task.contactId) };
    case "sweep":
      return { kind: "sweep", results: await sweepOutbox(deps) };
  }
}

async function escalateStep(
  deps: SenderDeps,
  task: Extract<ScheduledTask, { kind: "step" }>,
): Promise<DeliveryResult[] | "acknowledged" | "unknown"> {
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
  const entries = newOutboxEntries(
    at,
    step.contacts,
    new Date(deps.clock.now()).toISOString(),
    (incident as { expiresAt?: number }).expiresAt,
  );
  for (const entry of entries) await outbox.putIfAbsent(entry);
  await agencyAlerts.advanceTo(task.incidentId, task.agencyId, at);
  await agencyAlerts.forgetSchedule(task.incidentId, task.agencyId).catch(() => undefined);
  deps.metrics.count("Reescalated");
  // Delivered here at once; the stream relay finds them claimed or settled.
  const results: DeliveryResult[] = [];
  for (const entry of entries) results.push(await deliverOutboxEntry(deps, entry));
  return results;
}

/**
 * Re-drives what is due and still undelivered: outbox entries after a failed publish (after
 * their backoff), after a crashed relay (once its claim lapsed), or that the stream gave up on;
 * and digests whose schedule was lost.
 *
 * @example
 * await sweepOutbox(deps) // ["sent", "already-handled", "digest"]
 */
export async function sweepOutbox(deps: SenderDeps): Promise<(DeliveryResult | "digest")[]> {
  const due = await new OutboxEntries(deps).due(new Date(deps.clock.now()).toISOString(), SWEEP_BATCH);
  const results: (DeliveryResult | "digest")[] = [];
  const flushed = new Set<string>();
  for (const item of due) {
    const kind = itemKind(item);
    if (kind === "outbox") {
      results.push(
        await deliverOutboxEntry(deps, {
          incidentId: String(item.incidentId),
          agencyId: String(item.agencyId),
          round: Number(item.round),
          step: Number(item.step),
          contactId: String(item.contactId),
        }),
      );
    } else if (kind === "digest" && !flushed.has(String(item.pk))) {
      flushed.add(String(item.pk));
      await flushDigest(deps, String(item.agencyId), String(item.contactId));
      results.push("digest");
    }
  }
  return results;
}
