/**
 * Delivers one outbox entry: claim it, hold back contacts over their rate limit (bundled into a
 * digest later), schedule the next step, publish the alert, mark it sent. The claim makes
 * (incident, agency, round, step) send at most once while entries are retried at least once.
 * The one window left: a crash after SNS accepted the message and before the entry is marked
 * sent re-sends it once the claim lapses (SNS standard topics, which SMS needs, cannot dedupe).
 */
import { ACK_LINK_TTL_SECONDS, ackUrl, signAckToken } from "../../domain/ack-link";
import { alertCoordinates } from "../../domain/caller-location";
import { nextStep, planDelivery } from "../../domain/escalation-policy";
import { type AlertContent, alertEmail, alertSms } from "../../domain/messages";
import { findAgency } from "../../domain/tenant-runtime";
import { formatLocalTime } from "../../domain/time-zones";
import { AgencyAlerts } from "../items/agency-alerts";
import { ContactRates } from "../items/contact-rates";
import { IncidentItems } from "../items/incidents";
import type { OutboxEntry, OutboxPosition } from "../items/outbox-entries";
import { OutboxEntries } from "../items/outbox-entries";
import type { SenderDeps } from "../shared/ports";
import { holdForDigest } from "./digest";
import { stepScheduleName } from "./schedule-names";

/** A relay owns a claimed entry this long; well above the SNS client's timeout. */
export const CLAIM_MILLIS = 60_000;
/** After this many failed attempts the entry is dead-lettered (status `dead`, metric, error log). */
export const MAX_ATTEMPTS = 6;

export type DeliveryResult = "sent" | "already-handled" | "skipped" | "failed" | "dead";

/**
 * Delivers the outbox entry at this position. Throws only when the table itself fails.
 *
 * @example
 * await deliverOutboxEntry(deps, { incidentId: "c0ffee", agencyId: "damkar", round: 0, step: 0 });
 */
export async function deliverOutboxEntry(deps: SenderDeps, at: OutboxPosition): Promise<DeliveryResult> {
  const agencyAlerts = new AgencyAlerts(deps);
  const incidents = new IncidentItems(deps);
  const outbox = new OutboxEntries(deps);
  const rates = new ContactRates(deps);
  const now = deps.clock.now();
  const entry = await outbox.claim(at, now, CLAIM_MILLIS);
  if (!entry) return "already-handled";

  const agency = findAgency(deps.tenant, entry.agencyId);
  if (!agency)
    return finish(deps, entry, "skipped", `agency "${entry.agencyId}" is not in the tenant configuration`);

  try {
    // Later steps go out only while the agency has not acknowledged.
    if (entry.round > 0 || entry.step > 0) {
      const alert = await agencyAlerts.get(entry.incidentId, entry.agencyId);
      if (alert && alert.status !== "alerted")
        return finish(deps, entry, "skipped", `agency ${alert.status}`);
    }

    const sentAt = await rates.recent(entry.agencyId, entry.contacts);
    const plan = planDelivery(entry.contacts, sentAt, Math.floor(now / 1000));
    const secret = await deps.secret.get();
    const token = signAckToken(
      {
        tenant: deps.tenant.code,
        incidentId: entry.incidentId,
        shortCode: entry.shortCode,
        agencyId: entry.agencyId,
        expiresAt: Math.floor(now / 1000) + ACK_LINK_TTL_SECONDS,
      },
      secret,
    );
    const link = ackUrl(deps.ackBaseUrl, token);

    const next = nextStep(agency, entry);
    if (next) {
      const name = stepScheduleName(deps.tenant.code, entry.incidentId, entry.agencyId, next);
      await deps.scheduler.schedule({
        name,
        at: now + next.afterMinutes * 60_000,
        task: {
          kind: "step",
          incidentId: entry.incidentId,
          agencyId: entry.agencyId,
          round: next.round,
          step: next.step,
        },
      });
      await agencyAlerts.rememberSchedule(entry.incidentId, entry.agencyId, name);
    }

    for (const held of plan.held) {
      await holdForDigest(deps, entry, held.contact, held.at, link);
    }
    if (plan.now.length > 0) {
      // Read at send time: a position the caller shared after classification goes out with this step.
      const current = await incidents.get(entry.incidentId);
      const content: AlertContent = {
        tenantName: deps.tenant.name,
        agencyName: agency.name,
        shortCode: entry.shortCode,
        category: entry.category,
        severity: entry.severity,
        locationText: entry.location.text,
        coordinates: alertCoordinates(entry.location, current?.callerLocations),
        notes: entry.notes,
        callerNumber: entry.callerNumber,
        ackUrl: link,
        round: entry.round,
        step: entry.step,
        receivedAtLocal: formatLocalTime(entry.receivedAt, deps.tenant.zone),
      };
      await deps.alerts.publish({
        agencyId: entry.agencyId,
        contacts: plan.now,
        sms: alertSms(content),
        email: alertEmail(content),
        dedupKey: `${entry.incidentId}:${entry.agencyId}:${entry.round}:${entry.step}`,
      });
      await rates.record(entry.agencyId, plan.now, Math.floor(now / 1000));
    }
  } catch (error) {
    return failed(deps, entry, error);
  }
  const iso = new Date(now).toISOString();
  await agencyAlerts.markAlerted(entry.incidentId, entry.agencyId, entry, iso);
  await incidents.markEscalated(entry.incidentId, iso);
  return finish(deps, entry, "sent");
}

async function finish(
  deps: SenderDeps,
  entry: OutboxEntry,
  status: "sent" | "skipped" | "dead",
  reason?: string,
): Promise<DeliveryResult> {
  await new OutboxEntries(deps).settle(entry, status, new Date(deps.clock.now()).toISOString(), reason);
  deps.metrics.count(
    status === "sent" ? "EscalationSent" : status === "dead" ? "EscalationDeadLettered" : "EscalationSkipped",
  );
  if (status === "dead") {
    deps.log.error("escalation dead-lettered", {
      incidentId: entry.incidentId,
      agencyId: entry.agencyId,
      reason,
    });
  }
  return status;
}

/** Releases the claim for a later retry with backoff, or dead-letters after MAX_ATTEMPTS. */
async function failed(deps: SenderDeps, entry: OutboxEntry, error: unknown): Promise<DeliveryResult> {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (entry.attempts >= MAX_ATTEMPTS) {
    await finish(deps, entry, "dead", reason);
    return "dead";
  }
  const backoff = 15_000 * 2 ** (entry.attempts - 1);
  await new OutboxEntries(deps).release(entry, new Date(deps.clock.now() + backoff).toISOString(), reason);
  deps.metrics.count("EscalationRetry");
  deps.log.warn("escalation failed, will retry", {
    incidentId: entry.incidentId,
    agencyId: entry.agencyId,
    reason,
  });
  return "failed";
}
