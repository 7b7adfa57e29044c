/**
 * Call-taker API Lambda (HTTP API payload 2.0 behind an authorizer; local mode: key header).
 */
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { ENV } from "../shared/environment";
import { toHttpRequest, toHttpResult } from "../shared/http-event";
import { observability } from "../shared/powertools";
import { readRuntimeConfig } from "../shared/runtime-config";
import { documentClient, requireEnv } from "../shared/table-client";
import { type CallTakerDeps, handleCallTakerRequest } from "./routes";

const tenant = readRuntimeConfig(process.env);
const { log, metrics, middlewares } = observability("calltaker-api", tenant.code);
const deps: CallTakerDeps = {
  tenant,
  db: documentClient(),
  tableName: requireEnv(ENV.tableName),
  clock: Date,
  log,
  metrics,
  localApiKey: process.env[ENV.localApiKey] || undefined,
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use([...middlewares])
  .handler(async (event) => toHttpResult(await handleCallTakerRequest(deps, toHttpRequest(event))));
