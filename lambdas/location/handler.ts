/**
 * Caller location Lambda (function URL, `/l/{token}`): the page behind the SMS link and the POST
 * that records what the caller's phone reported.
 */
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { secretsManagerSigningSecret } from "../shared/aws-signing-secret";
import { ENV } from "../shared/environment";
import { toHttpRequest, toHttpResult } from "../shared/http-event";
import type { LocationDeps } from "../shared/ports";
import { observability } from "../shared/powertools";
import { readRuntimeConfig } from "../shared/runtime-config";
import { documentClient, requireEnv } from "../shared/table-client";
import { handleLocationRequest } from "./location-routes";

const tenant = readRuntimeConfig(process.env);
const { log, metrics, middlewares } = observability("location", tenant.code);
const deps: LocationDeps = {
  tenant,
  db: documentClient(),
  tableName: requireEnv(ENV.tableName),
  clock: Date,
  log,
  metrics,
  secret: secretsManagerSigningSecret(new SecretsManagerClient({}), requireEnv(ENV.ackSecretArn), Date),
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use([...middlewares])
  .handler(async (event) => toHttpResult(await handleLocationRequest(deps, toHttpRequest(event))));
