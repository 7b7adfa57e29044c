/**
 * An in-process DynamoDB (dynalite) for the local centre, the tests and the benchmarks: the real
 * AWS SDK talks HTTP to it, so the data layer under test is the one that runs in the cloud.
 */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

type DynaliteFactory = (options: {
  createTableMs: number;
  deleteTableMs: number;
  updateTableMs: number;
}) => Server;
// dynalite ships no types; its factory returns a node:http server.
const dynalite = require("dynalite") as DynaliteFactory;

export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
  stop(): Promise<void>;
}

/** Region and credentials the local SDK clients use; nothing leaves the machine. */
export const LOCAL_AWS = {
  region: "ap-southeast-3",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
} as const;

/**
 * Starts dynalite on a free port (or `port`) with tables ready at once.
 *
 * @example
 * const dynamo = await startDynalite();
 * await dynamo.documents.send(new PutCommand({ TableName: "t", Item: { pk: "a", sk: "b" } }));
 * await dynamo.stop();
 */
export async function startDynalite(port = 0): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint, maxAttempts: 3 });
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    endpoint,
    client,
    documents,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
