/**
 * Contact digest items (`contactDigestKey`): alerts held back for a contact over its rate limit,
 * keyed by (incident, round, step) so a retried delivery never adds one twice, and every
 * DynamoDB expression on them.
 */
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { contactDigestKey } from "../../domain/incident-table";
import type { DigestItem } from "../../domain/messages";
import type { ItemTable } from "./item-table";

/** One alert waiting in a digest. */
export interface HeldAlert extends DigestItem {
  readonly incidentId: string;
  /** Epoch ms when it was held (oldest first in the digest). */
  readonly heldAt: number;
}

/** A digest nobody flushes (a lost schedule) disappears after a day instead of lingering. */
const DIGEST_ITEM_SECONDS = 86_400;

/**
 * @example
 * const digests = new ContactDigests(deps);
 * const scheduledAt = await digests.hold("damkar", "piket", "c0ffee|0|0", held, 1764280060, now);
 */
export class ContactDigests {
  constructor(private readonly table: ItemTable) {}

  /**
   * Adds one held alert (unless that entry is held already) and returns when the digest is due: the
   * time set by the first hold wins, later holds join it.
   */
  async hold(
    agencyId: string,
    contactId: string,
    entryKey: string,
    held: HeldAlert,
    atSeconds: number,
    nowSeconds: number,
  ): Promise<number> {
    const key = contactDigestKey(agencyId, contactId);
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: key,
        UpdateExpression: "SET entries = if_not_exists(entries, :empty), expiresAt = :exp",
        ExpressionAttributeValues: { ":empty": {}, ":exp": nowSeconds + DIGEST_ITEM_SECONDS },
      }),
    );
    const { Attributes } = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: key,
        UpdateExpression:
          "SET entries.#entry = if_not_exists(entries.#entry, :held), scheduledAt = if_not_exists(scheduledAt, :at)",
        ExpressionAttributeNames: { "#entry": entryKey },
        ExpressionAttributeValues: { ":held": held, ":at": atSeconds },
        ReturnValues: "ALL_NEW",
      }),
    );
    return (Attributes?.scheduledAt as number | undefined) ?? atSeconds;
  }

  /** Moves the digest's due time (the contact is still over its limit). */
  async reschedule(agencyId: string, contactId: string, atSeconds: number): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: contactDigestKey(agencyId, contactId),
        UpdateExpression: "SET scheduledAt = :at",
        ExpressionAttributeValues: { ":at": atSeconds },
      }),
    );
  }

  /** Takes every held alert at once; a concurrent flush finds none. */
  async takeAll(agencyId: string, contactId: string): Promise<[string, HeldAlert][]> {
    const { Attributes } = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: contactDigestKey(agencyId, contactId),
        UpdateExpression: "REMOVE entries, scheduledAt",
        ReturnValues: "ALL_OLD",
      }),
    );
    return Object.entries((Attributes?.entries ?? {}) as Record<string, HeldAlert>);
  }

  /** Puts taken alerts back after a failed send. */
  async putBack(agencyId: string, contactId: string, entries: readonly [string, HeldAlert][]): Promise<void> {
    const key = contactDigestKey(agencyId, contactId);
    for (const [entryKey, held] of entries) {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: "SET entries = if_not_exists(entries, :empty)",
          ExpressionAttributeValues: { ":empty": {} },
        }),
      );
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: "SET entries.#entry = :held",
          ExpressionAttributeNames: { "#entry": entryKey },
          ExpressionAttributeValues: { ":held": held },
        }),
      );
    }
  }
}
