/**
 * Caller location Lambda (function URL, `/l/{token}`): the page behind the SMS link and the POST
 * that records what the caller's phone reported.
 */
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { signingSecretFromEnv } from "../shared/aws-signing-secret";
import { toHttpRequest, toHttpResult } from "../shared/http-event";
import type { LocationDeps } from "../shared/ports";
import { tenantDepsFromEnv } from "../shared/tenant-deps";
import { handleLocationRequest } from "./location-routes";

const { deps: common, middlewares } = tenantDepsFromEnv("location");
const deps: LocationDeps = { ...common, secret: signingSecretFromEnv() };

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use([...middlewares])
  .handler(async (event) => toHttpResult(await handleLocationRequest(deps, toHttpRequest(event))));
