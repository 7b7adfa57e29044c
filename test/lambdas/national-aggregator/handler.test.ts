/**
 * The deployed wrappers, bundled by esbuild as the build bundles them (middy, Powertools, SDK):
 * the aggregator's EventBridge handler and the monitoring API's HTTP handler, with the real SDK
 * pointed at dynalite through the standard endpoint variable.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import type { APIGatewayProxyEventV2, Context, EventBridgeEvent } from "aws-lambda";
import { build } from "esbuild";
import { createStatisticsTableInput, STATISTICS_ENV } from "../../../domain/statistics-table";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { outcome, received } from "../../domain/statistics-events";

let dynamo: LocalDynamo;
const saved = { ...process.env };
type Handler = (event: unknown, context: Context) => Promise<unknown>;
let aggregator: Handler;
let monitoring: Handler;

beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput("national-stats")));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: "ap-southeast-3",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    [STATISTICS_ENV.tableName]: "national-stats",
    [STATISTICS_ENV.areaNames]: JSON.stringify({ "71.71": "Kota Manado", "71": "Sulawesi Utara" }),
  });
  aggregator = await loadHandler("national-aggregator");
  monitoring = await loadHandler("monitoring-api");
});

/** Bundles a handler like the build does and loads the bundle. */
async function loadHandler(name: string): Promise<Handler> {
  const outfile = join(mkdtempSync(join(tmpdir(), "siaga112-national-")), `${name}.js`);
  await build({
    entryPoints: [join(__dirname, "../../../lambdas", name, "handler.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "silent",
  });
  return require(outfile).handler;
}
afterAll(async () => {
  process.env = saved;
  await dynamo.stop();
});

const context = {} as Context;
const envelope = (detail: unknown): EventBridgeEvent<string, unknown> => ({
  version: "0",
  id: "e",
  "detail-type": (detail as { type: string }).type,
  source: "siaga112.tenant.71.71",
  account: "111111111111",
  time: "2026-11-27T01:00:00Z",
  region: "ap-southeast-3",
  resources: [],
  detail,
});

function httpGet(path: string, query: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    rawPath: path,
    queryStringParameters: query,
    requestContext: { http: { method: "GET" } },
  } as unknown as APIGatewayProxyEventV2;
}

it("counts EventBridge events once and serves them to the dashboard", async () => {
  const call = received({ incidentId: "a", at: "2026-11-27T01:00:00Z" });
  await aggregator(envelope(call), context);
  await aggregator(envelope(call), context); // redelivered
  await aggregator(envelope(outcome("prank", { incidentId: "a", at: "2026-11-27T01:02:00Z" })), context);

  const response = (await monitoring(
    httpGet("/api/statistics", { from: "2026-11-27", to: "2026-11-27" }),
    context,
  )) as {
    statusCode: number;
    body: string;
  };
  expect(response.statusCode).toBe(200);
  const body = JSON.parse(response.body);
  expect(body.national.calls).toBe(1);
  expect(body.national.outcomes.prank).toBe(1);
  expect(body.tenants[0].name).toBe("Kota Manado");
});

it("answers a bad filter with 400 through the HTTP handler", async () => {
  const response = (await monitoring(httpGet("/api/statistics", { province: "x" }), context)) as {
    statusCode: number;
  };
  expect(response.statusCode).toBe(400);
});
