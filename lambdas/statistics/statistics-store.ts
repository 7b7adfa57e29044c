/**
 * The national statistics table in DynamoDB: applies incident events as atomic counter updates
 * and reads counter cells back. Used by the aggregator (writes) and the monitoring API (reads).
 *
 * Idempotence: an event is applied only if its dedupe marker could be created; when applying
 * fails the marker is removed so that the retry applies it again. Without transactions a crash
 * between the label update and its counter update can still lose that one correction.
 */
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { IncidentEvent } from "../../domain/incident-events";
import {
  type CellKey,
  type Counters,
  cellOf,
  eventCounters,
  type IncidentLabel,
  relabel,
  type StatisticsCell,
} from "../../domain/statistics";
import {
  cellKey,
  EVENT_MARKER_DAYS,
  eventMarkerKey,
  LABEL_DAYS,
  labelKey,
  STATISTICS_TABLE,
} from "../../domain/statistics-table";

export type ApplyResult = "applied" | "duplicate";

export interface StatisticsStore {
  /** Applies one event once; a second delivery of the same `eventId` is a "duplicate". */
  applyEvent(event: IncidentEvent): Promise<ApplyResult>;
  /** The cells of these local days, optionally of one province only. */
  readCells(days: readonly string[], province?: string): Promise<StatisticsCell[]>;
}

const LABEL_RETRIES = 5;
const READ_CONCURRENCY = 8;

/**
 * `StatisticsStore` over one DynamoDB table (see domain/statistics-table.ts).
 *
 * @example
 * const store = new DynamoStatisticsStore(documents, "siaga112-national-statistics");
 * await store.applyEvent(event);
 */
export class DynamoStatisticsStore implements StatisticsStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async applyEvent(event: IncidentEvent): Promise<ApplyResult> {
    const marker = eventMarkerKey(event.eventId);
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...marker, type: event.type, expiresAt: this.expiresAt(EVENT_MARKER_DAYS) },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return "duplicate";
      throw error;
    }
    try {
      await this.addToCell(cellOf(event), eventCounters(event));
      await this.applyLabel(event);
      return "applied";
    } catch (error) {
      await this.documents
        .send(new DeleteCommand({ TableName: this.tableName, Key: marker }))
        .catch(() => {});
      throw error;
    }
  }

  async readCells(days: readonly string[], province?: string): Promise<StatisticsCell[]> {
    const cells: StatisticsCell[] = [];
    const queue = [...days];
    const worker = async () => {
      for (let day = queue.shift(); day !== undefined; day = queue.shift()) {
        cells.push(...(await this.readDay(day, province)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, days.length) }, worker));
    return cells.sort((a, b) => `${a.day}|${a.tenant}`.localeCompare(`${b.day}|${b.tenant}`));
  }

  private async readDay(day: string, province?: string): Promise<StatisticsCell[]> {
    const cells: StatisticsCell[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": cellKey({ day, tenant: "" }).pk },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const cell = toCell(item);
        if (!province || cell.province === province) cells.push(cell);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return cells;
  }

  private async addToCell(cell: CellKey, counters: Counters): Promise<void> {
    const entries = Object.entries(counters).filter(([, n]) => n !== 0);
    if (entries.length === 0) return;
    const names: Record<string, string> = { "#tenant": "tenant", "#province": "province", "#day": "day" };
    const values: Record<string, unknown> = {
      ":tenant": cell.tenant,
      ":province": cell.province,
      ":day": cell.day,
    };
    const adds = entries.map(([name, amount], i) => {
      names[`#c${i}`] = `${STATISTICS_TABLE.counterPrefix}${name}`;
      values[`:c${i}`] = amount;
      return `#c${i} :c${i}`;
    });
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: cellKey(cell),
        UpdateExpression: `SET #tenant = :tenant, #province = :province, #day = :day ADD ${adds.join(", ")}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  /** Optimistic read-modify-write of the incident's label, then the counts it moves. */
  private async applyLabel(event: IncidentEvent): Promise<void> {
    const key = labelKey(event.tenant, event.incidentId);
    for (let attempt = 0; attempt < LABEL_RETRIES; attempt++) {
      const current = await this.documents.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      const revision = typeof current.Item?.revision === "number" ? current.Item.revision : 0;
      const previous = current.Item ? (current.Item.label as IncidentLabel) : undefined;
      const change = relabel(previous, event);
      if (!change) return;
      try {
        await this.documents.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...key,
              label: change.label,
              revision: revision + 1,
              expiresAt: this.expiresAt(LABEL_DAYS),
            },
            ConditionExpression: current.Item ? "revision = :revision" : "attribute_not_exists(pk)",
            ExpressionAttributeValues: current.Item ? { ":revision": revision } : undefined,
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) continue;
        throw error;
      }
      for (const delta of change.deltas) await this.addToCell(delta.cell, delta.counters);
      return;
    }
    throw new Error(
      `incident ${event.tenant}/${event.incidentId}: label changed concurrently ${LABEL_RETRIES} times; retry the event`,
    );
  }

  private expiresAt(days: number): number {
    return Math.floor(this.now() / 1000) + days * 86_400;
  }
}

function toCell(item: Record<string, unknown>): StatisticsCell {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(STATISTICS_TABLE.counterPrefix) && typeof value === "number" && value !== 0)
      counters[name.slice(STATISTICS_TABLE.counterPrefix.length)] = value;
  }
  return { tenant: String(item.tenant), province: String(item.province), day: String(item.day), counters };
}
