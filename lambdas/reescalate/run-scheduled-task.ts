/**
 * What a schedule does when it fires: the next escalation step of an agency that has not
 * acknowledged, a digest of held alerts, or the recurring sweep of undelivered outbox entries.
 */
import { PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { stepAt } from "../../domain/escalation-policy";
import { agencyAlertKey, INCIDENT_TABLE, outboxKey, PENDING_OUTBOX } from "../../domain/incident-table";
import { findAgency } from "../../domain/tenant-runtime";
import { type DeliveryResult, deliverOutboxEntry } from "../escalation-relay/deliver-outbox";
import { flushDigest } from "../escalation-relay/digest";
import {
  alertSnapshot,
  getAgencyAlert,
  getIncident,
  isConditionFailed,
  type OutboxEntry,
} from "../shared/incident-items";
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
  const agency = findAgency(deps.tenant, task.agencyId);
  const step = agency && stepAt(agency, task);
  const [incident, alert] = await Promise.all([
    getIncident(deps.db, deps.tableName, task.incidentId),
    getAgencyAlert(deps.db, deps.tableName, task.incidentId, task.agencyId),
  ]);
  if (!agency || !step || !incident || !alert || !incident.category) return "unknown";
  if (alert.status !== "alerted" || incident.state === "closed") return "acknowledged";
  const entry: OutboxEntry & Record<string, unknown> = {
    ...outboxKey(task.incidentId, task.agencyId, task.round, task.step),
    ...alertSnapshot(incident),
    incidentId: task.incidentId,
    agencyId: task.agencyId,
    round: task.round,
    step: task.step,
    contacts: step.contacts,
    status: "pending",
    attempts: 0,
    [INCIDENT_TABLE.indexes.pendingOutbox.partitionKey]: PENDING_OUTBOX,
    dueAt: new Date(deps.clock.now()).toISOString(),
    expiresAt: (incident as { expiresAt?: number }).expiresAt,
  };
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: entry,
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  await deps.db
    .send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: agencyAlertKey(task.incidentId, task.agencyId),
        UpdateExpression: "REMOVE pendingSchedule",
      }),
    )
    .catch(() => undefined);
  deps.metrics.count("Reescalated");
  // Delivered here at once; the stream relay finds it claimed or sent.
  return deliverOutboxEntry(deps, task);
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
  const index = INCIDENT_TABLE.indexes.pendingOutbox;
  const { Items } = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      IndexName: index.name,
      KeyConditionExpression: "#pk = :pending AND #due <= :now",
      ExpressionAttributeNames: { "#pk": index.partitionKey, "#due": index.sortKey },
      ExpressionAttributeValues: {
        ":pending": PENDING_OUTBOX,
        ":now": new Date(deps.clock.now()).toISOString(),
      },
      Limit: SWEEP_BATCH,
    }),
  );
  const results: DeliveryResult[] = [];
  for (const item of (Items ?? []) as OutboxEntry[]) {
    results.push(await deliverOutboxEntry(deps, item));
  }
  return results;
}
