/**
 * A real DynamoDB API for tests: the local centre's in-process dynalite, the real SDK against it,
 * and incident tables created from the shared design.
 */
import { CreateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createIncidentTableInput } from "../../../domain/incident-table";
import { startDynalite as startLocalDynamo } from "../../../local/dynalite-server";

export interface TestTable {
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  readonly endpoint: string;
  /** A fresh table each call, so tests do not share items. */
  newTable(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export async function startDynalite(): Promise<TestTable> {
  const dynamo = await startLocalDynamo();
  return {
    client: dynamo.client,
    doc: dynamo.documents,
    endpoint: dynamo.endpoint,
    async newTable() {
      const name = `siaga112-test-${process.pid}-${++counter}`;
      await dynamo.client.send(new CreateTableCommand(createIncidentTableInput(name) as never));
      return name;
    },
    close: dynamo.stop,
  };
}
