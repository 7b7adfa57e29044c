/**
 * The call-takers' console site of the cloud, on this machine, for browser tests: the site as
 * lib/stacks/console-stack.ts deploys it (the console at the root, `/shared/`, the dashboard files
 * of the console and the city page with its `dashboard/config.json` pointer, the tenant's
 * `/config/71.71.json` as the data stack writes it; 403 for any other file, as S3 behind CloudFront
 * answers), Kota Manado's pool as the hosted sign-in stand-in (test/support/oidc-stand-in-server.mjs:
 * oidc-provider, PKCE required), and the real call-taker API on dynalite behind a stand-in of API
 * Gateway's JWT authorizer (issuer, signature, scope, CORS for the site's origin only), with the
 * national statistics its `GET /city` reads.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { JwtVerifier } from "aws-jwt-verify";
import type { BrowserContext, Page } from "playwright-core";
import { consolePageSettings } from "../../domain/console-settings";
import { createStatisticsTableInput } from "../../domain/statistics-table";
import { type CallTakerDeps, handleCallTakerRequest } from "../../lambdas/calltaker-api/routes";
import { identityOfClaims } from "../../lambdas/shared/http-event";
import { DynamoStatisticsStore } from "../../lambdas/statistics/statistics-store";
import { CITY_PAGE, pageFiles } from "../../lib/stacks/console-stack";
import type { ConsoleSettings } from "../../lib/tenant-console-settings";
import { serveStatic } from "../../local/http-kit";
import { requireRegistry } from "../../registry/load-registry";
import { startCentre, type TestCentre } from "../lambdas/support/centre";
import { startDynalite, type TestTable } from "../lambdas/support/dynalite";
import { launchChromium } from "./chromium";
import { type StandIn, startStandIn } from "./oidc-stand-in";

const WEB = join(__dirname, "..", "..", "web");
const SCOPE = "siaga112/console";
const RESOURCE = "urn:siaga112:console:71.71";
export const CLIENT = "konsol-71-71";
/** Logins of the stand-in pool: a call-taker (the default) and a supervisor. */
export const CALL_TAKER = "rina@112.manadokota.go.id";
export const SUPERVISOR = "andi@112.manadokota.go.id";
/** What the console stack deploys under dashboard/: the console's two files, the city page and what it loads. */
const DASHBOARD_FILES = new Set([
  "siaga112.css",
  "dom.js",
  CITY_PAGE,
  ...pageFiles(join(WEB, "dashboard", CITY_PAGE)),
]);

export interface ConsoleSite {
  readonly browser: BrowserContext;
  readonly centre: TestCentre;
  /** The national statistics the tenant's API reads its month from (lambdas/calltaker-api/city-figures.ts). */
  readonly statistics: DynamoStatisticsStore;
  /** The site's address, with its trailing slash (the pool's one callback). */
  readonly siteUrl: string;
  readonly idp: StandIn;
  /** What the API side saw: path, bearer token, and whether it verified. */
  readonly apiCalls: { path: string; token: string; verified: boolean }[];
  /** Paths the site was asked for. */
  readonly siteRequests: string[];
  /** The call-taker API's deps, with its city figures. */
  readonly apiDeps: CallTakerDeps;
  /** Signs in on the stand-in's hosted page (any password). */
  signInThere(page: Page, login?: string): Promise<void>;
  stop(): Promise<void>;
}

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/**
 * @example
 * const site = await startConsoleSite(); const page = await site.browser.newPage(); await page.goto(site.siteUrl);
 */
export async function startConsoleSite(): Promise<ConsoleSite> {
  const manado = requireRegistry({ dir: "tenants", promptsDir: "prompts" }).tenants.find(
    (t) => t.code === "71.71",
  )!;
  const chromium = await launchChromium();
  const db: TestTable = await startDynalite();
  const centre = await startCentre(db);
  await db.client.send(new CreateTableCommand(createStatisticsTableInput("console-statistics")));
  const statistics = new DynamoStatisticsStore(db.doc, "console-statistics");
  const apiDeps: CallTakerDeps = { ...centre.api, city: { statistics, overflowMeasured: false } };
  const apiCalls: ConsoleSite["apiCalls"] = [];
  const siteRequests: string[] = [];
  let siteUrl = "";
  let apiUrl = "";
  let idp: StandIn | undefined;
  let verifier: ReturnType<typeof JwtVerifier.create> | undefined;

  /** `config/71.71.json` as the data stack writes it (lib/stacks/tenant-data-stack.ts). */
  const settingsFile = (): ConsoleSettings => ({
    authority: idp!.issuer,
    clientId: CLIENT,
    signInDomain: idp!.issuer,
    redirectUri: siteUrl,
    scope: `openid email ${SCOPE}`,
    ...consolePageSettings(manado),
    apiUrl,
    // The hub's contact control panel; here a blank page of the site (no network beyond this machine).
    phonePanel: { kind: "streams", ccpUrl: `${siteUrl}ccp-v2/`, region: "ap-southeast-1" },
  });

  const answerSite = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? "/", siteUrl).pathname;
    siteRequests.push(path);
    if (path === "/dashboard/config.json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ tenantSettings: "/config/{tenant}.json" }));
      return;
    }
    if (path === "/config/71.71.json") {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" });
      response.end(JSON.stringify(settingsFile()));
      return;
    }
    if (path === "/ccp-v2/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end("<!doctype html><title>CCP</title>");
      return;
    }
    const served =
      (path.startsWith("/shared/") && serveStatic(response, join(WEB, "shared"), path.slice(8))) ||
      (path.startsWith("/dashboard/") &&
        DASHBOARD_FILES.has(path.slice(11)) &&
        serveStatic(response, join(WEB, "dashboard"), path.slice(11))) ||
      (!path.startsWith("/dashboard/") && serveStatic(response, join(WEB, "console"), path));
    if (served) return;
    response.writeHead(403, { "content-type": "application/xml" });
    response.end("<Error><Code>AccessDenied</Code></Error>");
  };

  /** The tenant's API as API Gateway runs it: CORS for the site, the JWT authorizer, then the function. */
  const answerApi = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const cors = {
      "access-control-allow-origin": new URL(siteUrl).origin,
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-methods": "GET, POST",
    };
    if (request.method === "OPTIONS") {
      response.writeHead(204, cors);
      response.end();
      return;
    }
    const url = new URL(request.url ?? "/", apiUrl);
    const token = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
    const claims = await verifier!.verify(token).catch(() => undefined);
    apiCalls.push({ path: url.pathname, token, verified: claims !== undefined });
    if (!claims) {
      response.writeHead(401, { ...cors, "content-type": "application/json" });
      response.end('{"message":"Unauthorized"}');
      return;
    }
    let body = "";
    for await (const chunk of request) body += chunk;
    const answer = await handleCallTakerRequest(apiDeps, {
      method: request.method ?? "GET",
      path: url.pathname,
      headers: {},
      query: Object.fromEntries(url.searchParams),
      body: body || undefined,
      authorized: true,
      identity: identityOfClaims(claims),
    });
    response.writeHead(answer.statusCode, { ...answer.headers, ...cors });
    response.end(answer.body);
  };

  const site = createServer((request, response) => void answerSite(request, response));
  siteUrl = `${await listen(site)}/`;
  const api = createServer((request, response) => {
    answerApi(request, response).catch((error) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  apiUrl = await listen(api);
  idp = await startStandIn({
    clientId: CLIENT,
    redirectUri: siteUrl,
    scope: SCOPE,
    resource: RESOURCE,
    groups: ["call-taker"],
    groupsByLogin: { [SUPERVISOR]: ["supervisor"] },
    // Under the sign-in module's 60 s renewal margin: every request needs a renewed token, as a
    // console open for more than an hour does (a token cached by the page would be refused).
    accessTokenSeconds: 30,
  });
  verifier = JwtVerifier.create({ issuer: idp.issuer, audience: RESOURCE, scope: SCOPE });
  verifier.cacheJwks(idp.jwks as Parameters<typeof verifier.cacheJwks>[0], idp.issuer);
  const hosted = idp;

  return {
    browser: chromium.context,
    centre,
    statistics,
    siteUrl,
    idp: hosted,
    apiCalls,
    siteRequests,
    apiDeps,
    async signInThere(page, login = CALL_TAKER) {
      await page.waitForURL((u) => u.href.startsWith(hosted.issuer));
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill("Rahasia-112-Manado!");
      await page.locator('button[type="submit"]').click();
    },
    async stop() {
      await chromium.close();
      await hosted.stop();
      await new Promise((resolve) => site.close(resolve));
      await new Promise((resolve) => api.close(resolve));
      await db.close();
    },
  };
}
