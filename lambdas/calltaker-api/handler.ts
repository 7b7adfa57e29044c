/**
 * Call-taker API Lambda (HTTP API payload 2.0 behind an authorizer; local mode: key header).
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { snsCallerSms } from "../shared/aws-caller-sms";
import { signingSecretFromEnv } from "../shared/aws-signing-secret";
import { ENV } from "../shared/environment";
import { toHttpRequest, toHttpResult } from "../shared/http-event";
import { requireEnv } from "../shared/table-client";
import { tenantDepsFromEnv } from "../shared/tenant-deps";
import { DynamoStatisticsStore } from "../statistics/statistics-store";
import { type CallTakerDeps, handleCallTakerRequest } from "./routes";

const { deps: common, middlewares } = tenantDepsFromEnv("calltaker-api");
const deps: CallTakerDeps = {
  ...common,
  localApiKey: process.env[ENV.localApiKey] || undefined,
  location: {
    sms: snsCallerSms(new SNSClient({}), common.tenant.smsSenderId),
    secret: signingSecretFromEnv(),
    baseUrl: requireEnv(ENV.locationBaseUrl),
  },
  // The kab/kota's own figures: the national statistics table, in the national Region, read with a
  // grant on this kab/kota's two partitions only (lib/stacks/tenant-data-stack.ts).
  city: {
    statistics: new DynamoStatisticsStore(
      DynamoDBDocumentClient.from(new DynamoDBClient({ region: requireEnv(ENV.statisticsRegion) })),
      requireEnv(ENV.statisticsTable),
    ),
    overflowMeasured: false,
  },
};

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use([...middlewares])
  .handler(async (event) => toHttpResult(await handleCallTakerRequest(deps, toHttpRequest(event))));
