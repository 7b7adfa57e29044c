/** A fresh national statistics table in dynalite for each test (not a test file itself). */
import { CreateTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { createStatisticsTableInput } from "../../../domain/statistics-table";
import type { LocalDynamo } from "../../../local/dynalite-server";

let counter = 0;

/** Creates a statistics table with its indexes and waits until dynalite has it active. */
export async function freshStatisticsTable(dynamo: LocalDynamo, prefix = "statistics"): Promise<string> {
  const name = `${prefix}-${process.pid}-${++counter}`;
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput(name)));
  // dynalite activates a table asynchronously; with many tables that can lag behind the first write.
  await waitUntilTableExists({ client: dynamo.client, maxWaitTime: 10, minDelay: 0.05 }, { TableName: name });
  return name;
}
