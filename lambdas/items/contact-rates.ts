/**
 * Contact rate items (`contactRateKey`): each contact's recent sends, which the per-contact rate
 * limits are evaluated on (domain/escalation-policy.ts).
 */
import { BatchGetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { pruneSends } from "../../domain/escalation-policy";
import { contactRateKey } from "../../domain/incident-table";
import type { ItemTable } from "./item-table";

/** A rate item outlives the longest window it is evaluated on (one hour) by one more. */
const RATE_ITEM_SECONDS = 2 * 3600;

/**
 * @example
 * const rates = new ContactRates(deps);
 * await rates.recent("damkar", ["piket"]) // Map { "piket" => [1764280000] }
 */
export class ContactRates {
  constructor(private readonly table: ItemTable) {}

  /** Epoch seconds of the recent sends to each contact. */
  async recent(agencyId: string, contacts: readonly string[]): Promise<Map<string, number[]>> {
    if (contacts.length === 0) return new Map();
    const { tableName } = this.table;
    const { Responses } = await this.table.db.send(
      new BatchGetCommand({
        RequestItems: {
          [tableName]: { Keys: contacts.map((c) => contactRateKey(agencyId, c)), ConsistentRead: true },
        },
      }),
    );
    // A Map, not an object: contact ids come from input and must never hit Object.prototype keys.
    const byContact = new Map<string, number[]>();
    for (const item of (Responses?.[tableName] ?? []) as { pk: string; sentAt?: number[] }[]) {
      byContact.set(item.pk.split("#")[2]!, item.sentAt ?? []);
    }
    return byContact;
  }

  /** Remembers sends (after publishing, so a failed publish costs no quota). */
  async record(agencyId: string, contacts: readonly string[], nowSeconds: number): Promise<void> {
    const previous = await this.recent(agencyId, contacts);
    for (const contact of contacts) {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: contactRateKey(agencyId, contact),
          UpdateExpression: "SET sentAt = :sent, expiresAt = :exp",
          ExpressionAttributeValues: {
            ":sent": [...pruneSends(previous.get(contact) ?? [], nowSeconds), nowSeconds],
            ":exp": nowSeconds + RATE_ITEM_SECONDS,
          },
        }),
      );
    }
  }
}
