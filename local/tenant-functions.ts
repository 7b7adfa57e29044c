/**
 * One tenant's functions wired with local adapters: the call-taker API, the escalation relay fed
 * by captured table changes, the re-escalation fired by the local clock and the acknowledgement
 * pages. The plain functions are the lifecycle's own (lambdas/*); only the adapters are local.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Tenant } from "../domain/tenant";
import type { TenantRuntimeConfig } from "../domain/tenant-runtime";
import type { HttpRequest, HttpResponse } from "../lambdas/shared/ports";
import type { AgencyInbox } from "./agency-inbox";
import type { LocalDynamo } from "./dynalite-server";
import type { LocalEventBus } from "./event-bus";
import type { LocalClock } from "./local-clock";

export interface TenantFunctionsOptions {
  readonly tenant: Tenant;
  readonly runtime: TenantRuntimeConfig;
  readonly dynamo: LocalDynamo;
  readonly tableName: string;
  readonly clock: LocalClock;
  readonly inbox: AgencyInbox;
  readonly bus: LocalEventBus;
  /** `<centre>/t/<code>/ack`: links in SMS and e-mail point here. */
  readonly ackBaseUrl: string;
  readonly apiKey: string;
}

export interface TenantFunctions {
  /** The DynamoDB client intake writes through; its writes reach the relay like a table stream. */
  readonly capturingClient: Pick<DynamoDBClient, "send">;
  callTaker(request: HttpRequest): Promise<HttpResponse>;
  ack(request: HttpRequest): Promise<HttpResponse>;
}

const notYet = async (): Promise<HttpResponse> => ({
  statusCode: 503,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: JSON.stringify({ error: "not wired yet in the local centre" }),
});

/**
 * @example
 * const functions = startTenantFunctions({ tenant, runtime, dynamo, tableName, clock, inbox, bus, ackBaseUrl, apiKey });
 */
export function startTenantFunctions(options: TenantFunctionsOptions): TenantFunctions {
  return { capturingClient: options.dynamo.client, callTaker: notYet, ack: notYet };
}
