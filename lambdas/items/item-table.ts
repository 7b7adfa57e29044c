/**
 * The tenant's incident table as the item modules see it (one module per item kind, see
 * domain/incident-table.ts for the keys), and the one way they tell a failed condition.
 */
import { BatchGetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { DocumentStore } from "../shared/ports";

/** Where the items live: a DocumentClient and the tenant's table name. */
export interface ItemTable {
  readonly db: DocumentStore;
  readonly tableName: string;
}

/** Whether an error is DynamoDB's failed condition (works for the client and document client). */
export function isConditionFailed(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "ConditionalCheckFailedException";
}

/**
 * Runs a conditional write: true when it was written, false when its condition failed; any other
 * error is thrown.
 *
 * @example
 * const written = await writtenUnlessConditionFails(table.db.send(new PutCommand({ ... })));
 */
export async function writtenUnlessConditionFails(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** BatchGetItem reads at most this many keys per call. */
const BATCH_GET_LIMIT = 100;

/**
 * Reads items by key with consistent reads, in batches, retrying what DynamoDB left unprocessed.
 * Missing items are left out; the order is not kept.
 *
 * @example
 * const items = await batchGetAll(table, ids.map((id) => incidentKey(id)));
 */
export async function batchGetAll(
  table: ItemTable,
  keys: readonly object[],
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
    let batch = keys.slice(i, i + BATCH_GET_LIMIT);
    while (batch.length > 0) {
      const { Responses, UnprocessedKeys } = await table.db.send(
        new BatchGetCommand({
          RequestItems: { [table.tableName]: { Keys: batch, ConsistentRead: true } },
        }),
      );
      found.push(...((Responses?.[table.tableName] ?? []) as Record<string, unknown>[]));
      batch = (UnprocessedKeys?.[table.tableName]?.Keys ?? []) as object[];
    }
  }
  return found;
}

/**
 * The items of one partition of a global secondary index, newest first (sort key descending), at
 * most `limit`; `more` tells whether older ones remain.
 *
 * @example
 * const { items } = await newestInIndex<Incident>(table, INCIDENT_TABLE.indexes.byShortCode, "K7Q2XM", 20);
 */
export async function newestInIndex<T>(
  table: ItemTable,
  index: { readonly name: string; readonly partitionKey: string },
  partition: string,
  limit: number,
): Promise<{ items: T[]; more: boolean }> {
  const { Items, LastEvaluatedKey } = await table.db.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: index.name,
      KeyConditionExpression: "#pk = :pk",
      ExpressionAttributeNames: { "#pk": index.partitionKey },
      ExpressionAttributeValues: { ":pk": partition },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return { items: (Items ?? []) as T[], more: LastEvaluatedKey !== undefined };
}
