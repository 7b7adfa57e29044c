/**
 * Outbox entries (`outboxKey`): one escalation step of one agency to send, and every DynamoDB
 * expression on them. The key makes (incident, agency, round, step) unique; the claim makes it
 * send at most once while failed entries are retried (the sweeper reads `pendingOutbox`).
 */
import { PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { IncidentCategory } from "../../domain/categories";
import type { Incident, IncidentLocation, Severity } from "../../domain/incident";
import { INCIDENT_TABLE, outboxKey, PENDING_OUTBOX } from "../../domain/incident-table";
import { type ItemTable, isConditionFailed, writtenUnlessConditionFails } from "./item-table";

export type OutboxStatus = "pending" | "sending" | "sent" | "dead" | "skipped";

/** What an alert says, copied from the incident when the entry is written. */
export interface AlertSnapshot {
  readonly shortCode: string;
  readonly category: IncidentCategory;
  readonly severity: Severity;
  readonly location: IncidentLocation;
  readonly notes?: string;
  readonly callerNumber?: string;
  readonly receivedAt: string;
}

/** Where an entry sits: one step of one agency's policy for one incident. */
export interface OutboxPosition {
  readonly incidentId: string;
  readonly agencyId: string;
  readonly round: number;
  readonly step: number;
}

/** One escalation to send (`outboxKey`). */
export interface OutboxEntry extends AlertSnapshot, OutboxPosition {
  readonly contacts: readonly string[];
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** ISO; the sweeper re-drives entries whose dueAt has passed. */
  readonly dueAt: string;
  /** Epoch ms until which a relay owns the entry. */
  readonly claimUntil?: number;
  readonly lastError?: string;
  readonly sentAt?: string;
}

/**
 * The snapshot of what an alert says, from a classified incident.
 *
 * @example
 * alertSnapshot(incident).category // "fire"
 */
export function alertSnapshot(incident: Incident): AlertSnapshot {
  if (!incident.category || !incident.severity || !incident.location) {
    throw new Error(`incident ${incident.incidentId}: not classified (no category, severity or location)`);
  }
  return {
    shortCode: incident.shortCode,
    category: incident.category,
    severity: incident.severity,
    location: incident.location,
    notes: incident.notes,
    callerNumber: incident.callerNumber,
    receivedAt: incident.receivedAt,
  };
}

/**
 * A new pending entry for one step of a classified incident.
 *
 * @example
 * newOutboxEntry(incident, { incidentId, agencyId: "damkar", round: 0, step: 0 }, ["piket"], now)
 */
export function newOutboxEntry(
  incident: Incident,
  at: OutboxPosition,
  contacts: readonly string[],
  dueAt: string,
): OutboxEntry & { readonly expiresAt?: number } {
  return {
    ...alertSnapshot(incident),
    ...at,
    contacts,
    status: "pending",
    attempts: 0,
    dueAt,
    expiresAt: (incident as { expiresAt?: number }).expiresAt,
  };
}

/** Nobody owns the entry: it waits, or the relay that claimed it is past its lease (crashed). */
const CLAIMABLE =
  "#status = :pending OR (#status = :sending AND (attribute_not_exists(claimUntil) OR claimUntil < :now))";

/**
 * @example
 * const outbox = new OutboxEntries(deps);
 * const entry = await outbox.claim({ incidentId, agencyId: "damkar", round: 0, step: 0 }, now, 60_000);
 */
export class OutboxEntries {
  constructor(private readonly table: ItemTable) {}

  /** Writes the entry unless it exists (a retry or the recovery path writes nothing twice). */
  async putIfAbsent(entry: OutboxEntry & { readonly expiresAt?: number }): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...outboxKey(entry.incidentId, entry.agencyId, entry.round, entry.step),
            ...entry,
            [INCIDENT_TABLE.indexes.pendingOutbox.partitionKey]: PENDING_OUTBOX,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    );
  }

  /**
   * Claims the entry for `leaseMillis` (pending, or claimed by a relay whose lease lapsed), counting
   * an attempt. Undefined when someone else owns or settled it: only the claimant sends.
   */
  async claim(at: OutboxPosition, now: number, leaseMillis: number): Promise<OutboxEntry | undefined> {
    try {
      const claimed = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: outboxKey(at.incidentId, at.agencyId, at.round, at.step),
          UpdateExpression: "SET #status = :sending, claimUntil = :until, attempts = attempts + :one",
          ConditionExpression: CLAIMABLE,
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":sending": "sending",
            ":pending": "pending",
            ":until": now + leaseMillis,
            ":now": now,
            ":one": 1,
          },
          ReturnValues: "ALL_NEW",
        }),
      );
      return claimed.Attributes as OutboxEntry;
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }

  /** Settles a claimed entry for good: it leaves the pending index and nobody claims it again. */
  async settle(
    entry: OutboxPosition,
    status: "sent" | "skipped" | "dead",
    iso: string,
    reason?: string,
  ): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: outboxKey(entry.incidentId, entry.agencyId, entry.round, entry.step),
        UpdateExpression: `SET #status = :status, ${status === "sent" ? "sentAt" : "settledAt"} = :now${reason ? ", lastError = :reason" : ""} REMOVE outboxPk, claimUntil`,
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":status": status,
          ":now": iso,
          ...(reason ? { ":reason": reason } : {}),
        },
      }),
    );
  }

  /** Gives a claimed entry back for a retry at `dueAt` (the sweeper re-drives it then). */
  async release(entry: OutboxPosition, dueAt: string, reason: string): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: outboxKey(entry.incidentId, entry.agencyId, entry.round, entry.step),
        UpdateExpression: "SET #status = :pending, dueAt = :due, lastError = :reason REMOVE claimUntil",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":pending": "pending", ":due": dueAt, ":reason": reason },
      }),
    );
  }

  /** Undelivered entries due at `nowIso` or before, oldest first. */
  async due(nowIso: string, limit: number): Promise<OutboxEntry[]> {
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
    return (Items ?? []) as OutboxEntry[];
  }
}
