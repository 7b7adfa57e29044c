/**
 * Delivers one outbox entry (one message of one step to one contact): claim it, skip it if the
 * agency acknowledged or the incident closed, schedule the next step, then send it at once (a
 * first alert always; a reminder when the contact's limits allow) or hold it for the contact's
 * digest. The claim makes (incident, agency, round, step, contact) send at most once while entries
 * are retried at least once. The one window left: a crash after SNS accepted the message and
 * before the entry is settled re-sends it once the claim lapses (SNS standard topics, which SMS
 * needs, cannot deduplicate).
 */
import { isFirstAlert, nextStep } from "../../domain/escalation-policy";
import { alertEmail, alertSms } from "../../domain/messages";
import { findAgency, type RuntimeAgency } from "../../domain/tenant-runtime";
import { AgencyAlerts } from "../items/agency-alerts";
import { ContactRates } from "../items/contact-rates";
import { IncidentItems } from "../items/incidents";
import type { OutboxEntry, OutboxPosition } from "../items/outbox-entries";
import { OutboxEntries } from "../items/outbox-entries";
import type { SenderDeps } from "../shared/ports";
import { alertContent } from "./alert-content";
import { holdForDigest } from "./digest";
import { linkSigner } from "./links";
import { stepScheduleName } from "./schedule-names";

/** A relay owns a claimed entry this long; well above the SNS client's timeout. */
export const CLAIM_MILLIS = 60_000;
/** After this many failed attempts the entry is dead-lettered (status `dead`, metric, error log). */
export const MAX_ATTEMPTS = 6;

export type DeliveryResult = "sent" | "held" | "already-handled" | "skipped" | "failed" | "dead";

/**
 * Delivers the outbox entry at this position. Throws only when the table itself fails.
 *
 * @example
 * await deliverOutboxEntry(deps, { incidentId: "c0ffee", agencyId: "damkar", round: 0, step: 0, contactId: "piket" });
 */
export async function deliverOutboxEntry(deps: SenderDeps, at: OutboxPosition): Promise<DeliveryResult> {
  const agencyAlerts = new AgencyAlerts(deps);
  const incidents = new IncidentItems(deps);
  const rates = new ContactRates(deps);
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now / 1000);
  const entry = await new OutboxEntries(deps).claim(at, now, CLAIM_MILLIS);
  if (!entry) return "already-handled";

  const agency = findAgency(deps.tenant, entry.agencyId);
  if (!agency)
    return settle(deps, entry, "skipped", `agency "${entry.agencyId}" is not in the tenant configuration`);

  let messageId: string | undefined;
  let wasClassified = false;
  try {
    const [incident, alert] = await Promise.all([
      incidents.get(entry.incidentId),
      agencyAlerts.get(entry.incidentId, entry.agencyId),
    ]);
    if (!incident || !alert) return settle(deps, entry, "skipped", "incident or agency alert not found");
    if (incident.state === "closed") return settle(deps, entry, "skipped", "incident closed");
    if (alert.status !== "alerted") return settle(deps, entry, "skipped", `agency ${alert.status}`);

    await scheduleNextStep(deps, agency, entry, alert.pendingSchedule);
    if (!isFirstAlert(entry)) {
      const allowedAt = await rates.reserve(entry.agencyId, entry.contactId, nowSeconds);
      if (allowedAt > nowSeconds) return await holdForDigest(deps, entry, allowedAt);
    }
    const content = alertContent(
      deps.tenant,
      incident,
      agency,
      entry,
      entry.contactId,
      linkSigner(deps, await deps.secret.get()),
    );
    const receipt = await deps.alerts.publish({
      agencyId: entry.agencyId,
      contactId: entry.contactId,
      sms: alertSms(content),
      email: alertEmail(content),
      about: [{ incidentId: entry.incidentId, round: entry.round, step: entry.step }],
      dedupKey: `${entry.incidentId}:${entry.agencyId}:${entry.round}:${entry.step}:${entry.contactId}`,
    });
    messageId = receipt.messageId;
    // A first alert went regardless of the limits; it still counts toward the contact's windows.
    if (isFirstAlert(entry)) await rates.record(entry.agencyId, entry.contactId, nowSeconds);
    wasClassified = incident.state === "classified";
  } catch (error) {
    return failed(deps, entry, error);
  }
  const iso = new Date(now).toISOString();
  await Promise.all([
    agencyAlerts.markStepSent(entry.incidentId, entry.agencyId, entry, iso),
    wasClassified ? incidents.markEscalated(entry.incidentId, iso) : undefined,
  ]);
  return settle(deps, entry, "sent", undefined, messageId);
}

/**
 * Schedules the step after this one (deterministic name: every contact's entry of a step asks
 * for the same schedule, and a duplicate create is a no-op) and remembers it on the agency's
 * progress so acknowledging can cancel it.
 */
async function scheduleNextStep(
  deps: SenderDeps,
  agency: RuntimeAgency,
  entry: OutboxEntry,
  remembered: string | undefined,
): Promise<void> {
  const next = nextStep(agency, entry);
  if (!next) return;
  const name = stepScheduleName(deps.tenant.code, entry.incidentId, entry.agencyId, next);
  // Another contact's entry of this step scheduled it already.
  if (remembered === name) return;
  await deps.scheduler.schedule({
    name,
    at: deps.clock.now() + next.afterMinutes * 60_000,
    task: {
      kind: "step",
      incidentId: entry.incidentId,
      agencyId: entry.agencyId,
      round: next.round,
      step: next.step,
    },
  });
  await new AgencyAlerts(deps).rememberSchedule(entry.incidentId, entry.agencyId, name);
}

async function settle(
  deps: SenderDeps,
  entry: OutboxEntry,
  status: "sent" | "skipped" | "dead",
  reason?: string,
  messageId?: string,
): Promise<DeliveryResult> {
  await new OutboxEntries(deps).settle(entry, status, new Date(deps.clock.now()).toISOString(), {
    reason,
    messageId,
    ...(status === "sent" ? { via: "alert" as const } : {}),
  });
  deps.metrics.count(
    status === "sent" ? "EscalationSent" : status === "dead" ? "EscalationDeadLettered" : "EscalationSkipped",
  );
  if (status === "dead") {
    deps.log.error("escalation dead-lettered", {
      incidentId: entry.incidentId,
      agencyId: entry.agencyId,
      contactId: entry.contactId,
      reason,
    });
  }
  return status;
}

/** Releases the claim for a later retry with backoff, or dead-letters after MAX_ATTEMPTS. */
async function failed(deps: SenderDeps, entry: OutboxEntry, error: unknown): Promise<DeliveryResult> {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (entry.attempts >= MAX_ATTEMPTS) return settle(deps, entry, "dead", reason);
  const backoff = 15_000 * 2 ** (entry.attempts - 1);
  await new OutboxEntries(deps).release(entry, new Date(deps.clock.now() + backoff).toISOString(), reason);
  deps.metrics.count("EscalationRetry");
  deps.log.warn("escalation failed, will retry", {
    incidentId: entry.incidentId,
    agencyId: entry.agencyId,
    contactId: entry.contactId,
    reason,
  });
  return "failed";
}
