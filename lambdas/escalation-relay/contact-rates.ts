/**
 * Each contact's recent sends, which the per-contact rate limits are evaluated on.
 */
import { BatchGetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { pruneSends } from "../../domain/escalation-policy";
import { contactRateKey } from "../../domain/incident-table";
import type { SenderDeps } from "../shared/ports";

/**
 * Epoch seconds of the recent sends to each contact.
 *
 * @example
 * await recentSends(deps, "damkar", ["piket"]) // Map { "piket" => [1764280000] }
 */
export async function recentSends(
  deps: SenderDeps,
  agencyId: string,
  contacts: readonly string[],
): Promise<Map<string, number[]>> {
  if (contacts.length === 0) return new Map();
  const { Responses } = await deps.db.send(
    new BatchGetCommand({
      RequestItems: {
        [deps.tableName]: { Keys: contacts.map((c) => contactRateKey(agencyId, c)), ConsistentRead: true },
      },
    }),
  );
  // A Map, not an object: contact ids come from input and must never hit Object.prototype keys.
  const byContact = new Map<string, number[]>();
  for (const item of (Responses?.[deps.tableName] ?? []) as { pk: string; sentAt?: number[] }[]) {
    byContact.set(item.pk.split("#")[2]!, item.sentAt ?? []);
  }
  return byContact;
}

/**
 * Remembers sends for the rate limits (after publishing, so a failed publish costs no quota).
 *
 * @example
 * await recordSends(deps, "damkar", ["piket"], 1764280000);
 */
export async function recordSends(
  deps: SenderDeps,
  agencyId: string,
  contacts: readonly string[],
  now: number,
) {
  const previous = await recentSends(deps, agencyId, contacts);
  for (const contact of contacts) {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: contactRateKey(agencyId, contact),
        UpdateExpression: "SET sentAt = :sent, expiresAt = :exp",
        ExpressionAttributeValues: {
          ":sent": [...pruneSends(previous.get(contact) ?? [], now), now],
          ":exp": now + 2 * 3600,
        },
      }),
    );
  }
}
