/**
 * Acknowledgement Lambda (function URL or HTTP API route `/a/{token}`).
 */
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { signingSecretFromEnv } from "../shared/aws-signing-secret";
import { eventBridgeStepScheduler } from "../shared/aws-step-scheduler";
import { ENV } from "../shared/environment";
import { toHttpRequest, toHttpResult } from "../shared/http-event";
import type { AckDeps } from "../shared/ports";
import { requireEnv } from "../shared/table-client";
import { tenantDepsFromEnv } from "../shared/tenant-deps";
import { handleAckRequest } from "./ack-routes";

const { deps: common, middlewares } = tenantDepsFromEnv("ack");
const deps: AckDeps = {
  ...common,
  // Only DeleteSchedule is used here: target and role are not needed.
  scheduler: eventBridgeStepScheduler(new SchedulerClient({}), {
    groupName: requireEnv(ENV.scheduleGroup),
    targetArn: "",
    roleArn: "",
  }),
  secret: signingSecretFromEnv(),
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use([...middlewares])
  .handler(async (event) => toHttpResult(await handleAckRequest(deps, toHttpRequest(event))));
