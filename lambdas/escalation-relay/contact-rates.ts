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
 * await recentSends(deps, "damkar", ["piket"]) // { piket: [1764280000] }
 */
export async function recentSends(
  deps: SenderDeps,
  agencyId: string,
  contacts: readonly string[],
): Promise<Record<string, number[]>> {
  if (contacts.length === 0) return {};
  const { Responses } = await deps.db.send(
    new BatchGetCommand({
      RequestItems: {
        [deps.tableName]: { Keys: contacts.map((c) => contactRateKey(agencyId, c)), ConsistentRead: true },
      },
    }),
  );
  const byContact: Record<string, number[]> = {};
  for (const item of (Responses?.[deps.tableName] ?? []) as { pk: string; sentAt?: number[] }[]) {
    byContact[item.pk.split("#")[2]!] = item.sentAt ?? [];
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
          ":sent": [...pruneSends(previous[contact] ?? [], now), now],
          ":exp": now + 2 * 3600,
        },
      }),
    );
  }
}
