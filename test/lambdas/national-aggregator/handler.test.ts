/**
 * The deployed wrappers, bundled by esbuild as the build bundles them (middy, Powertools, SDK):
 * the aggregator's EventBridge handler and the monitoring API's HTTP handler, with the real SDK
 * pointed at dynalite through the standard endpoint variable. No area names in the environment:
 * the monitoring API names every kab/kota from the official list bundled with it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import type { APIGatewayProxyEventV2, Context, EventBridgeEvent } from "aws-lambda";
import { build } from "esbuild";
import { createStatisticsTableInput, STATISTICS_ENV } from "../../../domain/statistics-table";
import { aggregateIncidentEvents } from "../../../lambdas/national-aggregator/aggregate";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { generateRegistry } from "../../../registry/generated-registry";
import { validateRegistry } from "../../../registry/load-registry";
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
  });
  delete process.env.AREA_NAMES; // the variable the names once came from
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
  expect(body.provinces[0].name).toBe("Sulawesi Utara");
});

it("names every kab/kota and province of a registry of all 514 kab/kota, without any environment", async () => {
  const generated = generateRegistry(514);
  const { tenants } = validateRegistry(generated.platform, generated.tenants, { promptSets: ["default"] });
  expect(tenants).toHaveLength(509); // Jakarta's six administrative kab/kota are one tenant, "31"
  const day = "2026-06-01";
  await aggregateIncidentEvents(
    tenants.map((t, i) =>
      received({ tenant: t.code, province: t.province.code, incidentId: `all-${i}`, at: `${day}T01:00:00Z` }),
    ),
    new DynamoStatisticsStore(dynamo.documents, "national-stats"),
  );

  const response = (await monitoring(httpGet("/api/statistics", { from: day, to: day }), context)) as {
    body: string;
  };
  const body = JSON.parse(response.body);
  const shown = new Map(body.tenants.map((t: { code: string; name: string }) => [t.code, t.name]));
  expect(shown.size).toBe(tenants.length);
  for (const tenant of tenants)
    expect([tenant.code, shown.get(tenant.code)]).toEqual([tenant.code, tenant.name]);
  expect(body.provinces).toHaveLength(38);
  for (const province of body.provinces) expect(province.name).not.toBe(province.code);
  expect(body.provinces.find((p: { code: string }) => p.code === "34").name).toBe(
    "Daerah Istimewa Yogyakarta",
  );
});

it("offers the dashboard's filter all 38 provinces by name, with the kab/kota that sent data", async () => {
  const body = JSON.parse(((await monitoring(httpGet("/api/areas"), context)) as { body: string }).body);
  const provinces = body.provinces as {
    code: string;
    name: string;
    live: boolean;
    tenants: { code: string }[];
  }[];
  expect(provinces).toHaveLength(38);
  expect(provinces.find((p) => p.code === "31")?.name).toBe("DKI Jakarta");
  const manado = provinces.find((p) => p.code === "71")!;
  expect(manado.live).toBe(true);
  expect(manado.tenants.map((t) => t.code)).toContain("71.71");
});

it("answers a bad filter with 400 through the HTTP handler", async () => {
  const response = (await monitoring(httpGet("/api/statistics", { province: "x" }), context)) as {
    statusCode: number;
  };
  expect(response.statusCode).toBe(400);
});
