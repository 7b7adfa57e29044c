/**
 * Outbox entries (`outboxKey`): one message of one escalation step to one contact, and every
 * DynamoDB expression on them. The key makes (incident, agency, round, step, contact) unique; each
 * change of status is one conditional update, so whoever holds the claim is the only one to send.
 *
 * Timeline of an entry:
 *   pending ──claim──> sending ──publish──> sent
 *      ^                 │  │──over the contact's limit──> held ──digest claims──> bundling ──> sent
 *      └──failed publish─┘  └──agency acknowledged / incident closed──> skipped     │  (failed: back to held)
 *   (after MAX_ATTEMPTS: dead)                                          held/bundling ──closed──> skipped
 * Entries wait in the `pendingOutbox` index while pending or sending (the sweeper re-drives them);
 * held entries leave it: their contact's digest item is due instead (lambdas/items/contact-digests.ts).
 * The caller's number is not copied here: the message is written from the incident at send time.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { INCIDENT_TABLE, incidentKey, outboxKey, PENDING_OUTBOX } from "../../domain/incident-table";
import { type ItemTable, isConditionFailed, writtenUnlessConditionFails } from "./item-table";

export type OutboxStatus = "pending" | "sending" | "held" | "bundling" | "sent" | "skipped" | "dead";

/** Where an entry sits: one step of one agency's policy for one incident, to one contact. */
export interface OutboxPosition {
  readonly incidentId: string;
  readonly agencyId: string;
  readonly round: number;
  readonly step: number;
  readonly contactId: string;
}

/** One message to send (`outboxKey`). */
export interface OutboxEntry extends OutboxPosition {
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** ISO; the sweeper re-drives pending entries whose dueAt has passed. */
  readonly dueAt: string;
  /** Epoch ms until which a relay (sending) or a digest (bundling) owns the entry. */
  readonly claimUntil?: number;
  readonly lastError?: string;
  /** ISO: when SNS accepted it (alone, or in a digest: `via`). */
  readonly sentAt?: string;
  readonly via?: "alert" | "digest";
  /** SNS MessageId of the message that carried it. */
  readonly messageId?: string;
  /** ISO: when it was held for the contact's digest. */
  readonly heldAt?: string;
  readonly expiresAt?: number;
}

/**
 * The pending entries of one step: one per contact.
 *
 * @example
 * newOutboxEntries({ incidentId, agencyId: "polresta", round: 0, step: 1 }, ["piket", "kasat"], now, expiresAt)
 */
export function newOutboxEntries(
  step: Omit<OutboxPosition, "contactId">,
  contacts: readonly string[],
  dueAt: string,
  expiresAt: number | undefined,
): OutboxEntry[] {
  return contacts.map((contactId) => ({
    ...step,
    contactId,
    status: "pending",
    attempts: 0,
    dueAt,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  }));
}

/** Nobody owns the entry: it waits, or the relay that claimed it is past its lease (crashed). */
const CLAIMABLE =
  "#status = :pending OR (#status = :sending AND (attribute_not_exists(claimUntil) OR claimUntil < :now))";
/** Held for a digest, or bundled by a digest that is past its lease (crashed). */
const BUNDLEABLE = "#status = :held OR (#status = :bundling AND claimUntil < :now)";
/** This caller still owns its claim: no one took the entry over after a lapsed lease. */
const STILL_OURS = "#status = :claimed AND claimUntil = :until";
/** Settling is for an owned (or lapsed) claim: a settled entry is never reopened. */
const NOT_SETTLED = "#status IN (:pending, :sending, :held, :bundling)";

const STATUS = { "#status": "status" } as const;

/**
 * @example
 * const outbox = new OutboxEntries(deps);
 * const entry = await outbox.claim(position, now, 60_000);
 */
export class OutboxEntries {
  constructor(private readonly table: ItemTable) {}

  private key(at: OutboxPosition) {
    return outboxKey(at.incidentId, at);
  }

  /** Writes the entry unless it exists (a retry or the recovery path writes nothing twice). */
  async putIfAbsent(entry: OutboxEntry): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...this.key(entry),
            ...entry,
            [INCIDENT_TABLE.indexes.pendingOutbox.partitionKey]: PENDING_OUTBOX,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }

  /** One entry, or undefined (consistent read). */
  async get(at: OutboxPosition): Promise<OutboxEntry | undefined> {
    const { Item } = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: this.key(at), ConsistentRead: true }),
    );
    return Item as OutboxEntry | undefined;
  }

  /** Every entry of an incident (tests, the property test's checks). */
  async ofIncident(incidentId: string): Promise<OutboxEntry[]> {
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :outbox)",
        ExpressionAttributeValues: { ":pk": incidentKey(incidentId).pk, ":outbox": "OUTBOX#" },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []) as OutboxEntry[];
  }

  /**
   * Claims the entry for `leaseMillis` (pending, or claimed by a relay whose lease lapsed), counting
   * an attempt. Undefined when someone else owns or settled it: only the claimant sends.
   */
  async claim(at: OutboxPosition, now: number, leaseMillis: number): Promise<OutboxEntry | undefined> {
    return this.claimed(
      at,
      "SET #status = :sending, claimUntil = :until, attempts = attempts + :one",
      CLAIMABLE,
      { ":sending": "sending", ":pending": "pending", ":until": now + leaseMillis, ":now": now, ":one": 1 },
    );
  }

  /**
   * Holds a claimed entry for the contact's digest: one conditional update, only while this caller
   * still owns the claim. The entry leaves the pending index (the digest item is due instead).
   * Returns false when the claim was lost meanwhile.
   */
  async hold(entry: OutboxEntry, iso: string): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: this.key(entry),
          UpdateExpression: "SET #status = :held, heldAt = :now REMOVE claimUntil, outboxPk",
          ConditionExpression: STILL_OURS,
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: {
            ":held": "held",
            ":now": iso,
            ":claimed": "sending",
            ":until": entry.claimUntil ?? 0,
          },
        }),
      ),
    );
  }

  /** Claims a held entry for a digest (or one a crashed digest left bundling). */
  async claimHeld(at: OutboxPosition, now: number, leaseMillis: number): Promise<OutboxEntry | undefined> {
    return this.claimed(at, "SET #status = :bundling, claimUntil = :until", BUNDLEABLE, {
      ":bundling": "bundling",
      ":held": "held",
      ":until": now + leaseMillis,
      ":now": now,
    });
  }

  /** Gives a bundled entry back to its digest after a failed publish. */
  async unbundle(entry: OutboxEntry): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: this.key(entry),
          UpdateExpression: "SET #status = :held REMOVE claimUntil",
          ConditionExpression: STILL_OURS,
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: {
            ":held": "held",
            ":claimed": "bundling",
            ":until": entry.claimUntil ?? 0,
          },
        }),
      ),
    );
  }

  /**
   * Settles an entry for good: it leaves the pending index and nobody claims it again. A settled
   * entry stays settled (a late duplicate settle changes nothing).
   */
  async settle(
    entry: OutboxPosition,
    status: "sent" | "skipped" | "dead",
    iso: string,
    detail: { readonly reason?: string; readonly messageId?: string; readonly via?: "alert" | "digest" } = {},
  ): Promise<void> {
    const set = ["#status = :status", `${status === "sent" ? "sentAt" : "settledAt"} = :now`];
    const values: Record<string, unknown> = {
      ":status": status,
      ":now": iso,
      ":pending": "pending",
      ":sending": "sending",
      ":held": "held",
      ":bundling": "bundling",
    };
    if (detail.reason) {
      set.push("lastError = :reason");
      values[":reason"] = detail.reason;
    }
    if (detail.messageId) {
      set.push("messageId = :messageId");
      values[":messageId"] = detail.messageId;
    }
    if (detail.via) {
      set.push("via = :via");
      values[":via"] = detail.via;
    }
    await writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: this.key(entry),
          UpdateExpression: `SET ${set.join(", ")} REMOVE outboxPk, claimUntil`,
          ConditionExpression: NOT_SETTLED,
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  /** Gives a claimed entry back for a retry at `dueAt` (the sweeper re-drives it then). */
  async release(entry: OutboxEntry, dueAt: string, reason: string): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: this.key(entry),
          UpdateExpression: "SET #status = :pending, dueAt = :due, lastError = :reason REMOVE claimUntil",
          ConditionExpression: STILL_OURS,
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: {
            ":pending": "pending",
            ":due": dueAt,
            ":reason": reason,
            ":claimed": "sending",
            ":until": entry.claimUntil ?? 0,
          },
        }),
      ),
    );
  }

  /** Undelivered entries and due digests at `nowIso` or before, oldest first. */
  async due(nowIso: string, limit: number): Promise<Record<string, unknown>[]> {
    const index = INCIDENT_TABLE.indexes.pendingOutbox;
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: index.name,
        KeyConditionExpression: "#pk = :pending AND #due <= :now",
        ExpressionAttributeNames: { "#pk": index.partitionKey, "#due": index.sortKey },
        ExpressionAttributeValues: { ":pending": PENDING_OUTBOX, ":now": nowIso },
        Limit: limit,
      }),
    );
    return (Items ?? []) as Record<string, unknown>[];
  }

  private async claimed(
    at: OutboxPosition,
    update: string,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<OutboxEntry | undefined> {
    try {
      const claimed = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: this.key(at),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: values,
          ReturnValues: "ALL_NEW",
        }),
      );
      return claimed.Attributes as OutboxEntry;
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }
}
