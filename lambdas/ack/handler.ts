/**
 * Acknowledgement Lambda (function URL or HTTP API route `/a/{token}`).
 */
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { secretsManagerSigningSecret } from "../shared/aws-signing-secret";
import { eventBridgeStepScheduler } from "../shared/aws-step-scheduler";
import { ENV } from "../shared/environment";
import { toHttpRequest, toHttpResult } from "../shared/http-event";
import type { AckDeps } from "../shared/ports";
import { observability } from "../shared/powertools";
import { readRuntimeConfig } from "../shared/runtime-config";
import { documentClient, requireEnv } from "../shared/table-client";
import { handleAckRequest } from "./ack-routes";

const tenant = readRuntimeConfig(process.env);
const { log, metrics, middlewares } = observability("ack", tenant.code);
const deps: AckDeps = {
  tenant,
  db: documentClient(),
  tableName: requireEnv(ENV.tableName),
  clock: Date,
  log,
  metrics,
  // Only DeleteSchedule is used here: target and role are not needed.
  scheduler: eventBridgeStepScheduler(new SchedulerClient({}), {
    groupName: requireEnv(ENV.scheduleGroup),
    targetArn: "",
    roleArn: "",
  }),
  secret: secretsManagerSigningSecret(new SecretsManagerClient({}), requireEnv(ENV.ackSecretArn), Date),
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use([...middlewares])
  .handler(async (event) => toHttpResult(await handleAckRequest(deps, toHttpRequest(event))));
