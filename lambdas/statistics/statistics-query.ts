/**
 * The one Query behind each view of the statistics, paginated to the end, with what it cost.
 * Every read asks for `ReturnConsumedCapacity: TOTAL` (free) so the API, the tests and the bench
 * report the read units a refresh consumes: a Query consumes the summed size of the items it
 * returns, rounded up to 4 KB, halved for eventually consistent reads
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html).
 */
import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { RangeQuery } from "../../domain/statistics-table";

/** What one view's read cost: one Query, in as many 1 MB pages as it took. */
export interface ReadCost {
  readonly queries: number;
  readonly pages: number;
  readonly items: number;
  /** Read capacity units DynamoDB reported (eventually consistent reads). */
  readonly capacityUnits: number;
}

export interface Reads<T> {
  readonly items: T[];
  readonly cost: ReadCost;
}

/** Adds read costs (several views of one refresh). */
export function addCosts(costs: readonly ReadCost[]): ReadCost {
  return costs.reduce(
    (sum, c) => ({
      queries: sum.queries + c.queries,
      pages: sum.pages + c.pages,
      items: sum.items + c.items,
      capacityUnits: sum.capacityUnits + c.capacityUnits,
    }),
    { queries: 0, pages: 0, items: 0, capacityUnits: 0 },
  );
}

/**
 * A key condition: a sort-key range (`BETWEEN`) or prefix (`begins_with`) within one partition;
 * `consistent` for a strongly consistent read of the table (indexes have none).
 */
export type KeyCondition = (RangeQuery | (Omit<RangeQuery, "from" | "to"> & { readonly prefix: string })) & {
  readonly consistent?: boolean;
};

/**
 * Runs one Query to its last page.
 *
 * @example
 * const { items, cost } = await queryAll(documents, "siaga112-national-statistics", rowsQuery(scope, from, to));
 */
export async function queryAll(
  documents: Pick<DynamoDBDocumentClient, "send">,
  tableName: string,
  condition: KeyCondition,
): Promise<Reads<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  let pages = 0;
  let capacityUnits = 0;
  let startKey: Record<string, unknown> | undefined;
  // An empty prefix means the whole partition (a key condition cannot compare with "").
  const whole = "prefix" in condition && condition.prefix === "";
  const range = "prefix" in condition ? " AND begins_with(#sk, :prefix)" : " AND #sk BETWEEN :from AND :to";
  const values: Record<string, unknown> =
    "prefix" in condition
      ? { ":pk": condition.partition, ...(whole ? {} : { ":prefix": condition.prefix }) }
      : { ":pk": condition.partition, ":from": condition.from, ":to": condition.to };
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: condition.indexName,
        KeyConditionExpression: whole ? "#pk = :pk" : `#pk = :pk${range}`,
        ExpressionAttributeNames: whole
          ? { "#pk": condition.partitionKey }
          : { "#pk": condition.partitionKey, "#sk": condition.sortKey },
        ExpressionAttributeValues: values,
        ExclusiveStartKey: startKey,
        ConsistentRead: condition.consistent,
        ReturnConsumedCapacity: "TOTAL",
      }),
    );
    pages++;
    capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { items, cost: { queries: 1, pages, items: items.length, capacityUnits } };
}
