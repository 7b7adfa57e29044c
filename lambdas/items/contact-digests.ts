/**
 * A contact's digest (`contactDigestKey`) and the alerts held in it (`heldAlertKey`), one
 * partition per (agency, contact), and every DynamoDB expression on them. The outbox entry is the
 * truth about each message (held, bundling, sent); the held-alert items are its index for the
 * digest, read with one consistent query, and the digest item says when the digest is due (it sits
 * in the `pendingOutbox` index, so the sweeper flushes a digest whose schedule was lost).
 *
 * Timeline of a hold: (1) held-alert item put, (2) digest item due, (3) outbox entry `held`. A
 * crash between them leaves the entry `sending`; its lease lapses and it is delivered again. A
 * flush settles each entry it claims, then drops its held-alert item; it clears the digest only if
 * no hold came in since it read it (`holds` unchanged).
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { contactDigestKey, heldAlertKey, PENDING_OUTBOX } from "../../domain/incident-table";
import { type ItemTable, writtenUnlessConditionFails } from "./item-table";
import type { OutboxPosition } from "./outbox-entries";

/** One alert waiting in a digest: the position of its outbox entry. */
export interface HeldAlert extends OutboxPosition {
  /** ISO; the digest lists the oldest first. */
  readonly heldAt: string;
}

/** A contact's digest as one consistent read sees it. */
export interface DigestState {
  /** ISO; undefined when no digest is due. */
  readonly dueAt?: string;
  /** Holds counted so far (a flush clears the digest only if none came in since). */
  readonly holds: number;
  readonly held: readonly HeldAlert[];
}

/** A digest nobody flushes (both its schedule and the sweep lost) disappears after a day. */
const DIGEST_ITEM_SECONDS = 86_400;
/** No hold came in since the flush read the digest. */
const NO_NEW_HOLDS = "attribute_exists(pk) AND (attribute_not_exists(holds) OR holds = :seen)";

/**
 * @example
 * const digests = new ContactDigests(deps);
 * await digests.hold(entry, "2026-11-27T13:01:00.000Z", "2026-11-27T13:00:30.000Z", nowSeconds);
 */
export class ContactDigests {
  constructor(private readonly table: ItemTable) {}

  /**
   * Records one held alert and makes the digest due at `dueAt` (or earlier, if it already was).
   * Both writes are idempotent: a retried hold adds nothing twice.
   */
  async hold(entry: OutboxPosition, dueAt: string, heldAt: string, nowSeconds: number): Promise<void> {
    const expiresAt = nowSeconds + DIGEST_ITEM_SECONDS;
    const held: HeldAlert = {
      incidentId: entry.incidentId,
      agencyId: entry.agencyId,
      round: entry.round,
      step: entry.step,
      contactId: entry.contactId,
      heldAt,
    };
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...heldAlertKey(entry.agencyId, entry.contactId, entry), ...held, expiresAt },
      }),
    );
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: contactDigestKey(entry.agencyId, entry.contactId),
        UpdateExpression:
          "SET agencyId = :agency, contactId = :contact, outboxPk = :pending, dueAt = if_not_exists(dueAt, :due), expiresAt = :exp ADD holds :one",
        ExpressionAttributeValues: {
          ":agency": entry.agencyId,
          ":contact": entry.contactId,
          ":pending": PENDING_OUTBOX,
          ":due": dueAt,
          ":exp": expiresAt,
          ":one": 1,
        },
      }),
    );
  }

  /** The digest and its held alerts, oldest first (one consistent query of the partition). */
  async read(agencyId: string, contactId: string): Promise<DigestState> {
    const pk = contactDigestKey(agencyId, contactId).pk;
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.db.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": pk },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      start = page.LastEvaluatedKey;
    } while (start);
    const digest = items.find((item) => item.sk === "DIGEST");
    const held = items
      .filter((item) => String(item.sk).startsWith("HELD#"))
      .map((item) => item as unknown as HeldAlert)
      .sort((a, b) => a.heldAt.localeCompare(b.heldAt));
    return {
      dueAt: typeof digest?.dueAt === "string" ? digest.dueAt : undefined,
      holds: typeof digest?.holds === "number" ? digest.holds : 0,
      held,
    };
  }

  /** The held alert was sent or dropped: it leaves the digest. */
  async drop(held: OutboxPosition): Promise<void> {
    await this.table.db.send(
      new DeleteCommand({
        TableName: this.table.tableName,
        Key: heldAlertKey(held.agencyId, held.contactId, held),
      }),
    );
  }

  /** The contact is still over its limit (or the publish failed): the digest is due later. */
  async postpone(agencyId: string, contactId: string, dueAt: string): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: contactDigestKey(agencyId, contactId),
        UpdateExpression: "SET agencyId = :agency, contactId = :contact, outboxPk = :pending, dueAt = :due",
        ExpressionAttributeValues: {
          ":agency": agencyId,
          ":contact": contactId,
          ":pending": PENDING_OUTBOX,
          ":due": dueAt,
        },
      }),
    );
  }

  /**
   * Nothing is left to send: the digest is no longer due, unless a hold came in since `seen` was
   * read (then it stays due, and that hold's schedule flushes it). Returns whether it was cleared.
   */
  async clear(agencyId: string, contactId: string, seen: number): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: contactDigestKey(agencyId, contactId),
          UpdateExpression: "REMOVE outboxPk, dueAt",
          ConditionExpression: NO_NEW_HOLDS,
          ExpressionAttributeValues: { ":seen": seen },
        }),
      ),
    );
  }
}
