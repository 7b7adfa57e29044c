/**
 * The hosted console (web/console/ as the console site serves it) in chromium, on ONE contract: the
 * page takes its tenant from `?tenant=<code>` (remembered), reads everything from that tenant's
 * `/config/<code>.json` (built here as the data stack builds it: sign-in settings of the pool,
 * `consolePageSettings` of domain/console-settings.ts, `apiUrl`, `phonePanel`), signs in on the
 * pool's hosted page (the stand-in of test/support/oidc-stand-in-server.mjs: oidc-provider, PKCE
 * required), and calls the tenant's API with the access token. The API is the real call-taker API on
 * dynalite behind a stand-in of API Gateway's JWT authorizer (issuer, signature, scope, CORS for
 * the site's origin only). The site answers 403 for files it does not have, as S3 behind
 * CloudFront does.
 *
 * The same site serves the city page of a kab/kota's own staff (web/dashboard/city.html, issue 16):
 * a supervisor opens it, signs in on the tenant's pool (whose one callback is the console at the
 * root, which sends the browser back) and sees the month the tenant's API reads from the national
 * statistics (the centre's calls, applied as the aggregator does); a call-taker is refused.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { JwtVerifier } from "aws-jwt-verify";
import type { BrowserContext, Page } from "playwright-core";
import { consolePageSettings } from "../../../domain/console-settings";
import { createStatisticsTableInput } from "../../../domain/statistics-table";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { identityOfClaims } from "../../../lambdas/shared/http-event";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { CITY_PAGE, pageFiles } from "../../../lib/stacks/console-stack";
import type { ConsoleSettings } from "../../../lib/tenant-console-settings";
import { serveStatic } from "../../../local/http-kit";
import { requireRegistry } from "../../../registry/load-registry";
import { startCentre, type TestCentre } from "../../lambdas/support/centre";
import { startDynalite, type TestTable } from "../../lambdas/support/dynalite";
import { launchChromium, type TestBrowser } from "../../support/chromium";
import { type StandIn, startStandIn } from "../../support/oidc-stand-in";

const WEB = join(__dirname, "..", "..", "..", "web");
const SCOPE = "siaga112/console";
const RESOURCE = "urn:siaga112:console:71.71";
const CLIENT = "konsol-71-71";
const CALL_TAKER = "rina@112.manadokota.go.id";
const SUPERVISOR = "andi@112.manadokota.go.id";
/** What the console stack deploys under dashboard/: the city page and the files it loads. */
const DASHBOARD_FILES = new Set([
  "siaga112.css",
  "dom.js",
  CITY_PAGE,
  ...pageFiles(join(WEB, "dashboard", CITY_PAGE)),
]);
const manado = requireRegistry({ dir: "tenants", promptsDir: "prompts" }).tenants.find(
  (t) => t.code === "71.71",
)!;

let chromium: TestBrowser;
let browser: BrowserContext;
let db: TestTable;
let centre: TestCentre;
let site: Server;
let siteUrl: string;
let api: Server;
let apiUrl: string;
let idp: StandIn;
let verifier: ReturnType<typeof JwtVerifier.create>;
/** The national statistics the tenant's API reads its month from (lambdas/calltaker-api/city-figures.ts). */
let statistics: DynamoStatisticsStore;
/** What the API side saw: path, bearer token, and whether it verified. */
const apiCalls: { path: string; token: string; verified: boolean }[] = [];
/** Paths the site was asked for. */
const siteRequests: string[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  chromium = await launchChromium();
  browser = chromium.context;
  db = await startDynalite();
  centre = await startCentre(db);
  await db.client.send(new CreateTableCommand(createStatisticsTableInput("console-statistics")));
  statistics = new DynamoStatisticsStore(db.doc, "console-statistics");
  site = createServer((request, response) => void answerSite(request, response));
  siteUrl = `${await listen(site)}/`;
  api = createServer((request, response) => {
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
});

afterAll(async () => {
  await chromium?.close();
  await idp?.stop();
  await new Promise((resolve) => site?.close(resolve));
  await new Promise((resolve) => api?.close(resolve));
  await db?.close();
});

/** `config/71.71.json` as the data stack writes it (lib/stacks/tenant-data-stack.ts). */
function settingsFile(): ConsoleSettings {
  return {
    authority: idp.issuer,
    clientId: CLIENT,
    signInDomain: idp.issuer,
    redirectUri: siteUrl,
    scope: `openid email ${SCOPE}`,
    ...consolePageSettings(manado),
    apiUrl,
    // The hub's contact control panel; here a blank page of the site (no network beyond this machine).
    phonePanel: { kind: "streams", ccpUrl: `${siteUrl}ccp-v2/`, region: "ap-southeast-1" },
  };
}

/**
 * The console site as lib/stacks/console-stack.ts deploys it: console at the root, /shared/, the
 * dashboard files of the console and the city page with its config.json pointer, config/<code>.json;
 * else 403.
 */
function answerSite(request: IncomingMessage, response: ServerResponse): void {
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
}

/** The tenant's API as API Gateway runs it: CORS for the site, the JWT authorizer, then the function. */
async function answerApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
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
  const claims = await verifier.verify(token).catch(() => undefined);
  apiCalls.push({ path: url.pathname, token, verified: claims !== undefined });
  if (!claims) {
    response.writeHead(401, { ...cors, "content-type": "application/json" });
    response.end('{"message":"Unauthorized"}');
    return;
  }
  let body = "";
  for await (const chunk of request) body += chunk;
  const answer = await handleCallTakerRequest(
    { ...centre.api, city: { statistics, overflowMeasured: false } },
    {
      method: request.method ?? "GET",
      path: url.pathname,
      headers: {},
      query: Object.fromEntries(url.searchParams),
      body: body || undefined,
      authorized: true,
      identity: identityOfClaims(claims),
    },
  );
  response.writeHead(answer.statusCode, { ...answer.headers, ...cors });
  response.end(answer.body);
}

/** Signs in on the stand-in's hosted page (any password). */
async function signInThere(page: Page, login = CALL_TAKER): Promise<void> {
  await page.waitForURL((u) => u.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("Rahasia-112-Manado!");
  await page.locator('button[type="submit"]').click();
}

describe("the hosted console on its tenant's settings file", () => {
  let page: Page;
  let shortCode: string;

  beforeAll(async () => {
    await centre.call("+6281234567890");
    const list = await handleCallTakerRequest(centre.api, {
      method: "GET",
      path: "/incidents",
      headers: {},
      query: {},
      authorized: true,
      identity: { subject: "s", username: "supervisor", groups: ["supervisor"] },
    });
    shortCode = JSON.parse(list.body).incidents[0].shortCode;
    page = await browser.newPage();
  });

  it("asks which kab/kota when the site's address names none and nothing is remembered", async () => {
    await page.goto(siteUrl);
    await page.getByTestId("choose-tenant").waitFor();
    expect(await page.getByTestId("choose-tenant").textContent()).toContain("kab/kota");
    expect(await page.locator("#layout").isHidden()).toBe(true);
    expect((await idp.requests()).some((r) => r.path === "/auth")).toBe(false);
  });

  it("says a code the site has no settings for is not registered, and asks again", async () => {
    await page.getByTestId("choose-code").fill("71.72");
    await page.getByRole("button", { name: "Lanjut ke halaman masuk" }).click();
    await page.getByTestId("choose-error").waitFor();
    expect(await page.getByTestId("choose-error").textContent()).toBe(
      "Layanan 112 dengan kode 71.72 belum terdaftar di konsol ini. Periksa kodenya.",
    );
    expect(siteRequests).toContain("/config/71.72.json");
  });

  it("signs in on the tenant's hosted page and lists its incidents from the API with the access token", async () => {
    await page.getByTestId("choose-code").fill("71.71");
    await page.getByRole("button", { name: "Lanjut ke halaman masuk" }).click();
    await signInThere(page);
    await page.locator(`[data-testid=incident][data-short-code="${shortCode}"]`).waitFor();
    expect(page.url()).toBe(`${siteUrl}?tenant=71.71`);
    expect(await page.getByTestId("who").textContent()).toBe(`${CALL_TAKER} (petugas penerima panggilan)`);
    expect(await page.getByTestId("tenant").inputValue()).toBe("71.71");
    expect(await page.getByTestId("tenant").textContent()).toBe("71.71 Kota Manado");
    // A call-taker has no link to the kab/kota's own figures.
    expect(await page.getByTestId("city-link").isHidden()).toBe(true);
    expect(apiCalls.map((c) => c.path)).toEqual(expect.arrayContaining(["/incidents", "/incidents/counts"]));
    expect(apiCalls.every((c) => c.verified)).toBe(true);
    // Each refresh of the lists asks the sign-in module again: the tokens change as they are renewed.
    await page.waitForTimeout(3000);
    expect(new Set(apiCalls.map((c) => c.token)).size).toBeGreaterThan(1);
    expect(apiCalls.every((c) => c.verified)).toBe(true);
  });

  it("opens an incident with the labels of the settings file, showing what the token's groups allow", async () => {
    await page.locator(`[data-testid=incident][data-short-code="${shortCode}"]`).click();
    await page.locator("#detail-title", { hasText: `#${shortCode}` }).waitFor();
    await page.locator('[data-fact="Status"]', { hasText: "baru" }).waitFor();
    const categories = await page.getByTestId("category").locator("option").allTextContents();
    expect(categories).toContain(consolePageSettings(manado).labels.categories.fire);
    // The groups of the access token decide what shows: a call-taker classifies, does not reassign.
    expect(await page.getByTestId("classify-form").isVisible()).toBe(true);
    expect(await page.locator("#reassign-box").isHidden()).toBe(true);
  });

  it("embeds the hub's contact control panel with the Streams library the site serves", async () => {
    await page.locator('iframe[src*="/ccp-v2/"]').waitFor({ state: "attached" });
    expect(siteRequests).toContain("/vendor/amazon-connect-streams.min.js");
    expect(
      await page.evaluate(() => typeof (globalThis as { connect?: { core?: unknown } }).connect?.core),
    ).toBe("object");
  });

  it("keeps the tenant across sign-out: the bare site address signs in to the same kab/kota again", async () => {
    await page.getByTestId("sign-out").click();
    await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/logout`));
    expect(new URL(page.url()).searchParams.get("logout_uri")).toBe(siteUrl);
    const authorizations = (await idp.requests()).filter((r) => r.path === "/auth").length;
    // Cognito's sign-out lands on the site's root, without ?tenant.
    await page.goto(siteUrl);
    await signInThere(page);
    await page.locator(`[data-testid=incident][data-short-code="${shortCode}"]`).waitFor();
    expect(page.url()).toBe(siteUrl);
    expect(await page.getByTestId("tenant").inputValue()).toBe("71.71");
    const auth = (await idp.requests()).filter((r) => r.path === "/auth");
    expect(auth).toHaveLength(authorizations + 1);
    expect(new URLSearchParams(auth.at(-1)!.query).get("client_id")).toBe(CLIENT);
  });

  it("forgets the kab/kota with ?tenant= and asks again", async () => {
    await page.goto(`${siteUrl}?tenant=`);
    await page.getByTestId("choose-tenant").waitFor();
    await page.goto(siteUrl);
    await page.getByTestId("choose-tenant").waitFor();
  });
});

describe("the city page on the console site, for a kab/kota's own supervisors and manager", () => {
  const cityPage = () => `${siteUrl}dashboard/city.html?tenant=71.71`;
  let calls: number;

  beforeAll(async () => {
    await centre.call("+6281234567891");
    await centre.call("+6281234567892");
    await centre.drain();
    // The aggregator's work: the centre's events into the national statistics.
    for (const event of centre.events) await statistics.applyEvent(event);
    const month = await handleCallTakerRequest(
      { ...centre.api, city: { statistics, overflowMeasured: false } },
      {
        method: "GET",
        path: "/city",
        headers: {},
        query: {},
        authorized: true,
        identity: { subject: "s", username: "supervisor", groups: ["supervisor"] },
      },
    );
    calls = JSON.parse(month.body).figures.calls;
  });

  beforeEach(() => browser.clearCookies());

  it("says how to name the kab/kota when neither the address nor the browser names one, or names one it does not know", async () => {
    const page = await browser.newPage();
    const authorizations = (await idp.requests()).filter((r) => r.path === "/auth").length;
    await page.goto(`${siteUrl}?tenant=`);
    await page.goto(`${siteUrl}dashboard/city.html`);
    await page.getByTestId("error").waitFor();
    expect(await page.getByTestId("error").textContent()).toContain("?tenant=71.71");
    expect(await page.getByTestId("error").textContent()).toContain("Konsol Petugas 112");
    // A code the site has no settings for (S3's 403), in the console's words.
    await page.goto(`${siteUrl}dashboard/city.html?tenant=71.72`);
    await page.getByTestId("error").waitFor();
    expect(await page.getByTestId("error").textContent()).toBe(
      "Gagal masuk: Layanan 112 dengan kode 71.72 belum terdaftar di konsol ini. Periksa kodenya.",
    );
    expect((await idp.requests()).filter((r) => r.path === "/auth")).toHaveLength(authorizations);
    await page.close();
  });

  it("signs a supervisor in on the tenant's pool and comes back to the city page with its month from the tenant's API", async () => {
    const page = await browser.newPage();
    const before = apiCalls.length;
    await page.goto(cityPage());
    await signInThere(page, SUPERVISOR);
    await page.getByTestId("card-calls").waitFor();
    // The pool's one callback is the site's root (the console): it sends the browser on.
    expect(page.url()).toBe(cityPage());
    expect(await page.getByTestId("title").textContent()).toBe("Angka 112 Kota Manado");
    expect(await page.getByTestId("who").textContent()).toBe(SUPERVISOR);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId("card-calls").textContent()).toContain(String(calls));
    const cityCalls = apiCalls.slice(before).filter((c) => c.path === "/city");
    expect(cityCalls.length).toBeGreaterThan(0);
    expect(cityCalls.every((c) => c.verified)).toBe(true);
    // Back on the console, the supervisor's link leads to the same page.
    await page.goto(siteUrl);
    await page.getByTestId("city-link").waitFor();
    expect(await page.getByTestId("city-link").textContent()).toBe("Angka kab/kota");
    await page.getByTestId("city-link").click();
    await page.getByTestId("card-calls").waitFor();
    expect(page.url()).toBe(cityPage());
    await page.close();
  });

  it("refuses a call-taker the kab/kota's figures, in Indonesian", async () => {
    const page = await browser.newPage();
    await page.goto(cityPage());
    await signInThere(page, CALL_TAKER);
    await page.getByTestId("error").waitFor();
    expect(page.url()).toBe(cityPage());
    expect(await page.getByTestId("error").textContent()).toBe(
      "Gagal memuat data: peran Anda tidak diizinkan melihat angka kab/kota ini.",
    );
    expect(await page.getByTestId("card-calls").count()).toBe(0);
    await page.close();
  });
});
