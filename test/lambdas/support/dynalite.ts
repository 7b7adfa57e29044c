/**
 * A real DynamoDB API for tests: dynalite in-process, the real SDK against it, the incident
 * table created from the shared design.
 */
import type { AddressInfo } from "node:net";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createIncidentTableInput } from "../../../domain/incident-table";

// biome-ignore lint/suspicious/noExplicitAny: dynalite ships no types
const dynalite: (options: Record<string, unknown>) => any = require("dynalite");

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
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: "ap-southeast-3",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    client,
    doc,
    endpoint,
    async newTable() {
      const name = `siaga112-test-${process.pid}-${++counter}`;
      await client.send(new CreateTableCommand(createIncidentTableInput(name) as never));
      return name;
    },
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
