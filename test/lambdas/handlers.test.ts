/**
 * The deployed handlers themselves, bundled by esbuild as the build bundles them (middy,
 * Powertools, environment, SDK clients), against dynalite and a local Secrets Manager stand-in
 * reached through the SDK's AWS_ENDPOINT_URL_*.
 */

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { build } from "esbuild";
import { createStatisticsTableInput } from "../../domain/statistics-table";
import { TENANT_RUNTIME_ENV } from "../../domain/tenant-runtime";
import { ENV, LOCAL_API_KEY_HEADER } from "../../lambdas/shared/environment";
import { startDynalite, type TestTable } from "./support/dynalite";
import { contactFlowEvent, manadoRuntime } from "./support/tenant";

const out = mkdtempSync(join(tmpdir(), "siaga112-handlers-"));

/** Bundles a handler like the build does and loads the bundle. */
async function loadHandler(name: string, variant = "") {
  const outfile = join(out, `${name}${variant}.js`);
  await build({
    entryPoints: [join(__dirname, "../../lambdas", name, "handler.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "silent",
  });
  return require(outfile).handler;
}

let db: TestTable;
let secrets: Server;
const secretRequests: string[] = [];
const context = {
  functionName: "siaga112-71-71-test",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:ap-southeast-3:111111111111:function:siaga112-71-71-test",
  memoryLimitInMB: "256",
  awsRequestId: "req-1",
  getRemainingTimeInMillis: () => 5000,
};

beforeAll(async () => {
  db = await startDynalite();
  secrets = createServer((request, response) => {
    secretRequests.push(String(request.headers["x-amz-target"]));
    response.setHeader("content-type", "application/x-amz-json-1.1");
    response.end(JSON.stringify({ ARN: "arn:secret", Name: "ack", SecretString: "s".repeat(40) }));
  });
  await new Promise<void>((resolve) => secrets.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    AWS_REGION: "ap-southeast-3",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(secrets.address() as AddressInfo).port}`,
    POWERTOOLS_LOG_LEVEL: "CRITICAL",
    POWERTOOLS_METRICS_DISABLED: "true",
    [TENANT_RUNTIME_ENV]: JSON.stringify(manadoRuntime()),
    [ENV.tableName]: await db.newTable(),
    [ENV.tableRegion]: "ap-southeast-3",
    [ENV.localApiKey]: "local-key",
    [ENV.scheduleGroup]: "siaga112-71-71-escalation",
    [ENV.ackSecretArn]: "arn:secret",
    [ENV.locationBaseUrl]: "https://lokasi.manadokota.go.id",
    [ENV.statisticsTable]: "handlers-statistics",
    [ENV.statisticsRegion]: "ap-southeast-3",
  });
  await db.client.send(new CreateTableCommand(createStatisticsTableInput("handlers-statistics")));
});
afterAll(async () => {
  await db.close();
  await new Promise((resolve) => secrets.close(resolve));
});

/** Claims as the HTTP API JWT authorizer passes them (array claims as "[a b]"). */
const CALL_TAKER_CLAIMS = { sub: "c-1", "cognito:username": "rina", "cognito:groups": "[call-taker]" };

function httpEvent(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  claims?: Record<string, string>,
) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers,
    requestContext: {
      http: { method, path },
      stage: "$default",
      ...(claims ? { authorizer: { jwt: { claims } } } : {}),
    },
    isBase64Encoded: false,
  };
}

describe("the deployed handlers", () => {
  it("intake answers the flow through the real client and records the incident", async () => {
    const handler = await loadHandler("intake");
    const id = randomUUID();
    const answer = await handler(contactFlowEvent(id, "+6281234567890"), context);
    expect(answer).toMatchObject({ status: "ok", incidentId: id, repeatCaller: "false" });

    const api = await loadHandler("calltaker-api");
    const read = await api(
      httpEvent("GET", `/incidents/${id}`, { [LOCAL_API_KEY_HEADER]: "local-key" }, CALL_TAKER_CLAIMS),
      context,
    );
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ incidentId: id, state: "received" });
    const denied = await api(httpEvent("GET", `/incidents/${id}`), context);
    expect(denied.statusCode).toBe(401);

    // The kab/kota's own month, from the national statistics named in the environment.
    const manager = { ...CALL_TAKER_CLAIMS, "cognito:groups": "[manager]" };
    const city = await api(
      httpEvent("GET", "/city", { [LOCAL_API_KEY_HEADER]: "local-key" }, manager),
      context,
    );
    expect(city.statusCode).toBe(200);
    expect(JSON.parse(city.body)).toMatchObject({ tenant: { code: "71.71" }, reads: { queries: 2 } });
  });

  it("intake answers an error attribute, instead of hanging past the flow's limit, when the table does not answer", async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const previous = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const handler = await loadHandler("intake", "-silent-table");
      expect(await handler(contactFlowEvent(randomUUID(), "+6281234567890"), context)).toEqual({
        status: "error",
        error: "table",
      });
    } finally {
      process.env.AWS_ENDPOINT_URL_DYNAMODB = previous;
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("ack reads the signing secret from Secrets Manager and answers a bad link with a page", async () => {
    const handler = await loadHandler("ack");
    const response = await handler(httpEvent("GET", "/a/K7Q2XM.damkar.t3k9zz.AbCdEfGhIjKl"), context);
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("text/html");
    // AWSCURRENT and AWSPREVIOUS: links signed before a rotation still work.
    expect(secretRequests).toEqual(["secretsmanager.GetSecretValue", "secretsmanager.GetSecretValue"]);
  });

  it("location reads the signing secret and answers a link to no incident with a strict page", async () => {
    const handler = await loadHandler("location");
    const before = secretRequests.length;
    const response = await handler(httpEvent("GET", "/l/K7Q2XM.t3k9zz.AbCdEfGhIjKl"), context);
    // Like a forged link: a public link tells nobody which codes exist.
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
    // AWSCURRENT and AWSPREVIOUS: location links signed before a rotation still work too.
    expect(secretRequests.slice(before)).toEqual([
      "secretsmanager.GetSecretValue",
      "secretsmanager.GetSecretValue",
    ]);
  });

  it("relay and reescalate load from their environment and answer without touching anything", async () => {
    Object.assign(process.env, {
      [ENV.agencyTopicArnPrefix]: "arn:aws:sns:ap-southeast-3:111111111111:siaga112-71-71-agency-",
      [ENV.scheduleTargetArn]: "arn:aws:lambda:ap-southeast-3:111111111111:function:reescalate",
      [ENV.scheduleRoleArn]: "arn:aws:iam::111111111111:role/scheduler",
      [ENV.eventBus]: "siaga112-national",
      [ENV.ackBaseUrl]: "https://112.manadokota.go.id",
    });
    const relay = await loadHandler("escalation-relay");
    expect(
      await relay({ Records: [{ eventName: "REMOVE", dynamodb: { SequenceNumber: "1" } }] }, context),
    ).toEqual({
      batchItemFailures: [],
    });
    const reescalate = await loadHandler("reescalate");
    expect(await reescalate({ kind: "nonsense" }, context)).toEqual({
      kind: "ignored",
      reason: "not a scheduled task",
    });
  });
});
