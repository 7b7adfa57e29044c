/**
 * Delivers one outbox entry: claim it, hold back contacts over their rate limit (bundled into a
 * digest later), schedule the next step, publish the alert, mark it sent. The claim makes
 * (incident, agency, round, step) send at most once while entries are retried at least once.
 * The one window left: a crash after SNS accepted the message and before the entry is marked
 * sent re-sends it once the claim lapses (SNS standard topics, which SMS needs, cannot dedupe).
 */
import { BatchGetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { ACK_LINK_TTL_SECONDS, ackUrl, signAckToken } from "../../domain/ack-link";
import { nextStep, planDelivery } from "../../domain/escalation-policy";
import { agencyAlertKey, incidentKey, outboxKey } from "../../domain/incident-table";
import { type AlertContent, alertEmail, alertSms } from "../../domain/messages";
import { findAgency } from "../../domain/tenant-runtime";
import { isConditionFailed, type OutboxEntry } from "../shared/incident-items";
import type { SenderDeps } from "../shared/ports";
import { recentSends, recordSends } from "./contact-rates";
import { holdForDigest } from "./digest";
import { formatLocalTime, stepScheduleName } from "./schedule-names";

/** A relay owns a claimed entry this long; well above the SNS client's timeout. */
export const CLAIM_MILLIS = 60_000;
/** After this many failed attempts the entry is dead-lettered (status `dead`, metric, error log). */
export const MAX_ATTEMPTS = 6;

export type DeliveryResult = "sent" | "already-handled" | "skipped" | "failed" | "dead";

/**
 * Delivers the outbox entry with this key. Throws only when the table itself fails.
 *
 * @example
 * await deliverOutboxEntry(deps, { incidentId: "c0ffee", agencyId: "damkar", round: 0, step: 0 });
 */
export async function deliverOutboxEntry(
  deps: SenderDeps,
  at: {
    readonly incidentId: string;
    readonly agencyId: string;
    readonly round: number;
    readonly step: number;
  },
): Promise<DeliveryResult> {
  const now = deps.clock.now();
  const key = outboxKey(at.incidentId, at.agencyId, at.round, at.step);
  let entry: OutboxEntry;
  try {
    const claimed = await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: key,
        UpdateExpression: "SET #status = :sending, claimUntil = :until, attempts = attempts + :one",
        ConditionExpression:
          "#status = :pending OR (#status = :sending AND (attribute_not_exists(claimUntil) OR claimUntil < :now))",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":sending": "sending",
          ":pending": "pending",
          ":until": now + CLAIM_MILLIS,
          ":now": now,
          ":one": 1,
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    entry = claimed.Attributes as OutboxEntry;
  } catch (error) {
    if (isConditionFailed(error)) return "already-handled";
    throw error;
  }

  const agency = findAgency(deps.tenant, entry.agencyId);
  if (!agency)
    return finish(deps, entry, "skipped", `agency "${entry.agencyId}" is not in the tenant configuration`);

  try {
    // Later steps go out only while the agency has not acknowledged.
    if (entry.round > 0 || entry.step > 0) {
      const { Responses } = await deps.db.send(
        new BatchGetCommand({
          RequestItems: {
            [deps.tableName]: {
              Keys: [agencyAlertKey(entry.incidentId, entry.agencyId)],
              ConsistentRead: true,
            },
          },
        }),
      );
      const alert = Responses?.[deps.tableName]?.[0] as { status?: string } | undefined;
      if (alert && alert.status !== "alerted")
        return finish(deps, entry, "skipped", `agency ${alert.status}`);
    }

    const sentAt = await recentSends(deps, entry.agencyId, entry.contacts);
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
      await deps.db
        .send(
          new UpdateCommand({
            TableName: deps.tableName,
            Key: agencyAlertKey(entry.incidentId, entry.agencyId),
            UpdateExpression: "SET pendingSchedule = :name",
            ConditionExpression: "#status = :alerted",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":name": name, ":alerted": "alerted" },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionFailed(error)) throw error;
        });
    }

    for (const held of plan.held) {
      await holdForDigest(deps, entry, held.contact, held.at, link);
    }
    if (plan.now.length > 0) {
      const content: AlertContent = {
        tenantName: deps.tenant.name,
        agencyName: agency.name,
        shortCode: entry.shortCode,
        category: entry.category,
        severity: entry.severity,
        locationText: entry.location.text,
        coordinates:
          entry.location.lat !== undefined && entry.location.lon !== undefined
            ? { lat: entry.location.lat, lon: entry.location.lon }
            : undefined,
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
      await recordSends(deps, entry.agencyId, plan.now, Math.floor(now / 1000));
    }
  } catch (error) {
    return failed(deps, entry, error);
  }
  await markAlerted(deps, entry, now);
  return finish(deps, entry, "sent");
}

/** The agency's progress and the incident's state after a step went out. */
async function markAlerted(deps: SenderDeps, entry: OutboxEntry, now: number): Promise<void> {
  const iso = new Date(now).toISOString();
  await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: agencyAlertKey(entry.incidentId, entry.agencyId),
      UpdateExpression:
        "SET firstAlertAt = if_not_exists(firstAlertAt, :now), lastAlertAt = :now, #round = :round, step = :step",
      ExpressionAttributeNames: { "#round": "round" },
      ExpressionAttributeValues: { ":now": iso, ":round": entry.round, ":step": entry.step },
    }),
  );
  await deps.db
    .send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: incidentKey(entry.incidentId),
        UpdateExpression: "SET #state = :escalated, escalatedAt = :now, version = version + :one",
        ConditionExpression: "#state = :classified",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":escalated": "escalated",
          ":classified": "classified",
          ":now": iso,
          ":one": 1,
        },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

async function finish(
  deps: SenderDeps,
  entry: OutboxEntry,
  status: "sent" | "skipped" | "dead",
  reason?: string,
): Promise<DeliveryResult> {
  const now = new Date(deps.clock.now()).toISOString();
  await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: outboxKey(entry.incidentId, entry.agencyId, entry.round, entry.step),
      UpdateExpression: `SET #status = :status, ${status === "sent" ? "sentAt" : "settledAt"} = :now${reason ? ", lastError = :reason" : ""} REMOVE outboxPk, claimUntil`,
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":status": status, ":now": now, ...(reason ? { ":reason": reason } : {}) },
    }),
  );
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
  await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: outboxKey(entry.incidentId, entry.agencyId, entry.round, entry.step),
      UpdateExpression: "SET #status = :pending, dueAt = :due, lastError = :reason REMOVE claimUntil",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ":pending": "pending",
        ":due": new Date(deps.clock.now() + backoff).toISOString(),
        ":reason": reason,
      },
    }),
  );
  deps.metrics.count("EscalationRetry");
  deps.log.warn("escalation failed, will retry", {
    incidentId: entry.incidentId,
    agencyId: entry.agencyId,
    reason,
  });
  return "failed";
}
