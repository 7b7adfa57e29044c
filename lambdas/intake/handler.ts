/**
 * Intake Lambda (invoked by the contact flow). Thin wiring around `recordCall`; the whole module
 * graph stays small because a quiet kabupaten hits a cold function on nearly every call.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";
import { ENV } from "../shared/environment";
import { readRuntimeConfig } from "../shared/runtime-config";
import type { IntakeAnswer } from "./answer";
import { type IntakeDeps, recordCall } from "./record-call";

function loadTenant(): TenantRuntimeConfig | undefined {
  try {
    return readRuntimeConfig(process.env);
  } catch (error) {
    console.error(JSON.stringify({ level: "ERROR", message: (error as Error).message }));
    return undefined;
  }
}

const deps: IntakeDeps = {
  tenant: loadTenant(),
  // Bounded (with recordCall's deadline) so that intake answers within the flow's 3 s limit.
  dynamodb: new DynamoDBClient({
    region: process.env[ENV.tableRegion] || process.env.AWS_REGION,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 500, requestTimeout: 1000, throwOnRequestTimeout: true },
  }),
  tableName: process.env[ENV.tableName] ?? "",
  clock: Date,
  log: (entry) => console.log(JSON.stringify(entry)),
};

/** Connect ContactFlowEvent in, flat STRING_MAP out (see answer.ts). */
export const handler = (event: unknown): Promise<IntakeAnswer> => recordCall(deps, event);
