/**
 * The document client of the incident table and required environment variables: shared by every
 * function except intake (which stays on the low-level client for its cold start).
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { EnvName } from "./environment";

/**
 * A required environment variable, or an error naming it.
 *
 * @example
 * requireEnv(ENV.tableName) // "siaga112-71-71-incidents"
 */
export function requireEnv(name: EnvName): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/**
 * The document client every table-reading function uses.
 *
 * @example
 * const db = documentClient();
 */
export function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
