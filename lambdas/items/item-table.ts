/**
 * The tenant's incident table as the item modules see it (one module per item kind, see
 * domain/incident-table.ts for the keys), and the one way they tell a failed condition.
 */
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
