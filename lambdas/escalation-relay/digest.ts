/**
 * Bundling: alerts for a contact over its rate limit wait in the contact's digest item and go
 * out as one SMS (and one e-mail) when the limit allows. Entries are keyed by
 * (incident, round, step), so a retried delivery never adds one twice.
 */
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { nextAllowedSend } from "../../domain/escalation-policy";
import { agencyAlertKey, contactDigestKey } from "../../domain/incident-table";
import { type DigestItem, digestEmail, digestSms } from "../../domain/messages";
import { findAgency } from "../../domain/tenant-runtime";
import type { OutboxEntry } from "../shared/incident-items";
import type { SenderDeps } from "../shared/ports";
import { recentSends, recordSends } from "./contact-rates";
import { digestScheduleName } from "./schedule-names";

interface HeldAlert extends DigestItem {
  readonly incidentId: string;
  /** Epoch ms when it was held (oldest first in the digest). */
  readonly heldAt: number;
}

/**
 * Holds one alert for a rate-limited contact and makes sure a digest is scheduled.
 *
 * @example
 * await holdForDigest(deps, entry, "piket", 1764280060, "https://…/a/…");
 */
export async function holdForDigest(
  deps: SenderDeps,
  entry: OutboxEntry,
  contactId: string,
  atSeconds: number,
  link: string,
): Promise<void> {
  const key = contactDigestKey(entry.agencyId, contactId);
  const held: HeldAlert = {
    incidentId: entry.incidentId,
    shortCode: entry.shortCode,
    category: entry.category,
    ackUrl: link,
    heldAt: deps.clock.now(),
  };
  await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key,
      // A digest nobody flushes (a lost schedule) disappears after a day instead of lingering.
      UpdateExpression: "SET entries = if_not_exists(entries, :empty), expiresAt = :exp",
      ExpressionAttributeValues: { ":empty": {}, ":exp": Math.floor(deps.clock.now() / 1000) + 86_400 },
    }),
  );
  const { Attributes } = await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key,
      UpdateExpression:
        "SET entries.#entry = if_not_exists(entries.#entry, :held), scheduledAt = if_not_exists(scheduledAt, :at)",
      ExpressionAttributeNames: { "#entry": `${entry.incidentId}|${entry.round}|${entry.step}` },
      ExpressionAttributeValues: { ":held": held, ":at": atSeconds },
      ReturnValues: "ALL_NEW",
    }),
  );
  const at = (Attributes?.scheduledAt as number | undefined) ?? atSeconds;
  await deps.scheduler.schedule({
    name: digestScheduleName(deps.tenant.code, entry.agencyId, contactId, at),
    at: at * 1000,
    task: { kind: "digest", agencyId: entry.agencyId, contactId },
  });
  deps.metrics.count("EscalationHeldForDigest");
}

/**
 * Sends the held alerts of one contact as one message, leaving out incidents the agency has
 * acknowledged meanwhile. Reschedules itself when the contact is still over its limit.
 *
 * @example
 * await flushDigest(deps, "damkar", "piket");
 */
export async function flushDigest(deps: SenderDeps, agencyId: string, contactId: string): Promise<number> {
  const key = contactDigestKey(agencyId, contactId);
  const nowSeconds = Math.floor(deps.clock.now() / 1000);
  const sent = await recentSends(deps, agencyId, [contactId]);
  const allowedAt = nextAllowedSend(sent.get(contactId) ?? [], nowSeconds);
  if (allowedAt > nowSeconds) {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: key,
        UpdateExpression: "SET scheduledAt = :at",
        ExpressionAttributeValues: { ":at": allowedAt },
      }),
    );
    await deps.scheduler.schedule({
      name: digestScheduleName(deps.tenant.code, agencyId, contactId, allowedAt),
      at: allowedAt * 1000,
      task: { kind: "digest", agencyId, contactId },
    });
    return 0;
  }
  // Take every held alert at once; a concurrent flush finds none.
  const { Attributes } = await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: key,
      UpdateExpression: "REMOVE entries, scheduledAt",
      ReturnValues: "ALL_OLD",
    }),
  );
  const taken = Object.entries((Attributes?.entries ?? {}) as Record<string, HeldAlert>);
  const stillOpen: [string, HeldAlert][] = [];
  for (const [entryKey, held] of taken) {
    const { Item } = await deps.db.send(
      new GetCommand({
        TableName: deps.tableName,
        Key: agencyAlertKey(held.incidentId, agencyId),
        ConsistentRead: true,
      }),
    );
    if (!Item || Item.status === "alerted") stillOpen.push([entryKey, held]);
  }
  if (stillOpen.length === 0) return 0;
  stillOpen.sort((a, b) => a[1].heldAt - b[1].heldAt);
  const items = stillOpen.map(([, held]) => held);
  const agencyName = findAgency(deps.tenant, agencyId)?.name ?? agencyId;
  try {
    await deps.alerts.publish({
      agencyId,
      contacts: [contactId],
      sms: digestSms(deps.tenant.name, items),
      email: digestEmail(deps.tenant.name, agencyName, items),
      dedupKey: `digest:${agencyId}:${contactId}:${stillOpen.map(([k]) => k).join(",")}`,
    });
  } catch (error) {
    // Put them back and try again in a minute.
    for (const [entryKey, held] of stillOpen) {
      await deps.db.send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: key,
          UpdateExpression: "SET entries = if_not_exists(entries, :empty)",
          ExpressionAttributeValues: { ":empty": {} },
        }),
      );
      await deps.db.send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: key,
          UpdateExpression: "SET entries.#entry = :held",
          ExpressionAttributeNames: { "#entry": entryKey },
          ExpressionAttributeValues: { ":held": held },
        }),
      );
    }
    await deps.scheduler.schedule({
      name: digestScheduleName(deps.tenant.code, agencyId, contactId, nowSeconds + 60),
      at: (nowSeconds + 60) * 1000,
      task: { kind: "digest", agencyId, contactId },
    });
    throw error;
  }
  await recordSends(deps, agencyId, [contactId], nowSeconds);
  deps.metrics.count("DigestSent");
  return items.length;
}
