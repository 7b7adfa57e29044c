/**
 * The pages' sign-in module (web/shared/sign-in.js) in chromium.
 *
 * Cloud: the national dashboard, served as the national stack serves it (its files at the site's
 * root, `config.json`, `/shared/`), against a stand-in of the pool's hosted sign-in
 * (test/support/oidc-stand-in-server.mjs: oidc-provider with PKCE required). The officer is sent to the
 * hosted page, signs in, comes back; the page exchanges the code with its PKCE verifier and calls
 * the API with the access token, which the API side verifies as API Gateway would (issuer,
 * signature, scope) before the figures show. Tokens about to expire are renewed with the refresh
 * token; signing out revokes it and ends the hosted session at `/logout`. The pool has one callback
 * (the site's root): sign-in started on another page of the site goes on to that page, never to
 * another site.
 *
 * Local: no settings file (404), the local centre's word is the identity and its headers go along.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { JwtVerifier } from "aws-jwt-verify";
import type { BrowserContext, Page, Request } from "playwright-core";
import { monitoringApi } from "../../../lambdas/monitoring-api/monitoring-api";
import { serveStatic } from "../../../local/http-kit";
import { launchChromium, type TestBrowser } from "../../support/chromium";
import { type StandIn, startStandIn } from "../../support/oidc-stand-in";

const WEB = join(__dirname, "..", "..", "..", "web");
const SCOPE = "siaga112/monitoring";
const RESOURCE = "urn:siaga112:monitoring";
const OFFICER = "petugas@monitoring.example";

let chromium: TestBrowser;
let browser: BrowserContext;
let site: Server;
let siteUrl: string;
let idp: StandIn;
let verifier: ReturnType<typeof JwtVerifier.create>;
/** What the API side saw: the bearer token of each call, and whether it verified. */
const apiCalls: { token: string; verified: boolean; groups?: unknown }[] = [];
const localEchoes: Record<string, string | undefined>[] = [];

beforeAll(async () => {
  chromium = await launchChromium();
  browser = chromium.context;
  site = createServer((request, response) => {
    answer(request, response).catch((error) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  // Access tokens live 30 s, under the module's 60 s renewal margin: every call renews them.
  idp = await startStandIn({
    clientId: "dashboard",
    redirectUri: siteUrl,
    scope: SCOPE,
    resource: RESOURCE,
    groups: ["national"],
    accessTokenSeconds: 30,
  });
  verifier = JwtVerifier.create({
    issuer: idp.issuer,
    audience: RESOURCE,
    scope: SCOPE,
    jwksUri: `${idp.issuer}/jwks`,
  });
  verifier.cacheJwks(idp.jwks as Parameters<typeof verifier.cacheJwks>[0], idp.issuer);
});

afterAll(async () => {
  await chromium?.close();
  await idp?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

/** The national stack's site: dashboard at the root, config.json, /shared/; the API behind api/. */
async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", siteUrl);
  if (url.pathname === "/config.json") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        authority: idp.issuer,
        clientId: "dashboard",
        signInDomain: idp.issuer,
        redirectUri: siteUrl,
        scope: `openid email ${SCOPE}`,
      }),
    );
    return;
  }
  if (url.pathname.startsWith("/api/")) {
    // What API Gateway's JWT authorizer does before the function runs.
    const token = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
    const claims = await verifier.verify(token).catch(() => undefined);
    apiCalls.push({ token, verified: claims !== undefined, groups: claims?.["cognito:groups"] });
    if (!claims) {
      response.writeHead(401, { "content-type": "application/json" });
      response.end('{"message":"Unauthorized"}');
      return;
    }
    const none = { items: [], cost: { queries: 1, pages: 1, items: 0, capacityUnits: 0.5 } };
    const store = {
      applyEvent: async () => "applied" as const,
      readRows: async () => none,
      readSeries: async () => none,
      readOpenAlerts: async () => none,
      // Manado has sent data, so the province filter of the page's address stays (no "belum aktif").
      readLiveTenants: async () => ({
        ...none,
        items: [{ tenant: "71.71", province: "71", firstEventAt: "2026-11-01T00:00:00.000Z" }],
      }),
    };
    const result = await monitoringApi(
      {
        method: "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: {},
        authorized: true,
      },
      { store, names: { "71": "Sulawesi Utara" } },
    );
    response.writeHead(result.statusCode, result.headers);
    response.end(result.body);
    return;
  }
  if (url.pathname === "/blank.html") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>kosong</title>");
    return;
  }
  if (url.pathname === "/local/echo") {
    localEchoes.push({ key: request.headers["x-siaga112-key"] as string | undefined });
    response.writeHead(200, { "content-type": "application/json" });
    response.end("{}");
    return;
  }
  if (
    url.pathname.startsWith("/shared/") &&
    serveStatic(response, join(WEB, "shared"), url.pathname.slice(8))
  )
    return;
  if (serveStatic(response, join(WEB, "dashboard"), url.pathname)) return;
  response.writeHead(404);
  response.end();
}

/** Signs in on the stand-in's hosted page (any login and password). */
async function signInThere(page: Page): Promise<void> {
  await page.waitForURL((u) => u.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(OFFICER);
  await page.locator('input[name="password"]').fill("Rahasia-112-Nasional!");
  await page.locator('button[type="submit"]').click();
}

describe("in the cloud (hosted sign-in, code flow with PKCE)", () => {
  let page: Page;
  const tokenRequests: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage();
    page.on("request", (r: Request) => {
      if (r.method() === "POST" && r.url().startsWith(`${idp.issuer}/token`))
        tokenRequests.push(r.postData() ?? "");
    });
    await page.goto(`${siteUrl}?province=71`);
    await signInThere(page);
    await page.getByTestId("card-calls").waitFor();
  });

  it("sends the officer to the hosted page with a PKCE challenge, and redeems the code with its verifier", async () => {
    const authorize = (await idp.requests()).find((r) => r.path === "/auth")!;
    const query = new URLSearchParams(authorize.query);
    expect([query.get("response_type"), query.get("client_id"), query.get("code_challenge_method")]).toEqual([
      "code",
      "dashboard",
      "S256",
    ]);
    expect(query.get("scope")).toBe(`openid email ${SCOPE}`);
    const redeem = new URLSearchParams(
      tokenRequests.find((body) => body.includes("grant_type=authorization_code")),
    );
    const verifierText = redeem.get("code_verifier")!;
    expect(createHash("sha256").update(verifierText).digest("base64url")).toBe(query.get("code_challenge"));
    expect(redeem.has("client_secret")).toBe(false);
  });

  it("returns to the address the page had, without the code, showing who is signed in", async () => {
    expect(page.url()).toBe(`${siteUrl}?province=71`);
    expect(await page.getByTestId("who").textContent()).toBe(OFFICER);
  });

  it("calls the API only with access tokens that verify, carrying the officer's groups", async () => {
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((c) => c.verified)).toBe(true);
    expect(apiCalls[0].groups).toEqual(["national"]);
  });

  it("gives the page its session: a verified access token, the user, the groups", async () => {
    const session = (await page.evaluate(() =>
      (globalThis as unknown as { siaga112SignIn: { session(): Promise<unknown> } }).siaga112SignIn.session(),
    )) as { accessToken: string; username: string; groups: string[]; tenant: string | null };
    expect({ ...session, accessToken: undefined }).toEqual({
      accessToken: undefined,
      username: OFFICER,
      groups: ["national"],
      tenant: null,
    });
    await expect(verifier.verify(session.accessToken)).resolves.toMatchObject({
      scope: expect.stringContaining(SCOPE),
    });
  });

  it("renews a token about to expire with the refresh token, without another visit to the hosted page", async () => {
    const before = apiCalls.length;
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/dashboard")),
      page.getByRole("button", { name: "Terapkan" }).click(),
    ]);
    expect(apiCalls.length).toBeGreaterThan(before);
    expect(tokenRequests.some((body) => body.includes("grant_type=refresh_token"))).toBe(true);
    expect(apiCalls.at(-1)!.verified).toBe(true);
    expect(apiCalls.at(-1)!.token).not.toBe(apiCalls[0].token);
    expect((await idp.requests()).filter((r) => r.path === "/auth")).toHaveLength(1);
  });

  it("signs out: revokes the refresh token and ends the hosted session at /logout, back to the dashboard", async () => {
    await page.getByTestId("sign-out").click();
    await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/logout`));
    const logout = new URL(page.url());
    expect([logout.searchParams.get("client_id"), logout.searchParams.get("logout_uri")]).toEqual([
      "dashboard",
      siteUrl,
    ]);
    expect((await idp.requests()).some((r) => r.path === "/oauth2/revoke")).toBe(true);
    await page.goto(siteUrl);
    // The tokens and the hosted session are gone: the hosted page asks for the password again.
    await page.locator('input[name="login"]').waitFor();
    expect(page.url().startsWith(`${idp.issuer}/interaction/`)).toBe(true);
  });
});

describe("back from the hosted page to the site's one callback address (its root)", () => {
  /** A page of the site other than the callback: the sign-in module alone, on the site's settings. */
  async function otherPage(page: Page): Promise<{ username: string } | null> {
    await page.addScriptTag({ url: "/shared/vendor/oidc-client-ts.min.js" });
    await page.addScriptTag({ url: "/shared/sign-in.js" });
    return page.evaluate(async () => {
      const signIn = (
        globalThis as unknown as { siaga112SignIn: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).siaga112SignIn;
      await signIn.configure({ settingsUrl: "/config.json" });
      void signIn.signIn();
      return signIn.identity() as Promise<{ username: string } | null>;
    });
  }

  beforeEach(() => browser.clearCookies());

  it("goes on to the page of the same site that sent the user to sign in, which finds the user", async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}blank.html?bulan=2026-11`);
    void otherPage(page).catch(() => undefined); // leaves for the hosted page
    await signInThere(page);
    // The callback (the dashboard at the root) exchanges the code, then sends the browser on.
    await page.waitForURL(`${siteUrl}blank.html?bulan=2026-11`);
    await page.waitForLoadState();
    // That page itself, not the dashboard under its address.
    expect(await page.title()).toBe("kosong");
    expect(await otherPage(page)).toMatchObject({ username: OFFICER });
    expect(page.url()).toBe(`${siteUrl}blank.html?bulan=2026-11`);
    await page.close();
  });

  it("never goes to another site named in the sign-in's state: it stays at the callback address", async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}blank.html`);
    void otherPage(page).catch(() => undefined);
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    // The sign-in's state (oidc-client-ts keeps it in the site's localStorage) names another site.
    const other = await browser.newPage();
    await other.goto(`${siteUrl}blank.html`);
    const changed = await other.evaluate(() => {
      let n = 0;
      for (const key of Object.keys(localStorage).filter((k) => k.startsWith("oidc."))) {
        const state = JSON.parse(localStorage.getItem(key)!);
        if (state.data?.returnTo === undefined) continue;
        state.data.returnTo = "https://elsewhere.example/dashboard/";
        localStorage.setItem(key, JSON.stringify(state));
        n++;
      }
      return n;
    });
    await other.close();
    expect(changed).toBeGreaterThan(0);
    await signInThere(page);
    await page.getByTestId("card-calls").waitFor();
    expect(page.url()).toBe(siteUrl);
    await page.close();
  });
});

describe("in the local centre (no settings file)", () => {
  it("takes the local centre's word for the user and sends its headers, with no sign-in page", async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}blank.html`);
    await page.addScriptTag({ url: "/shared/vendor/oidc-client-ts.min.js" });
    await page.addScriptTag({ url: "/shared/sign-in.js" });
    const result = await page.evaluate(async () => {
      const signIn = (
        globalThis as unknown as { siaga112SignIn: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).siaga112SignIn;
      const configured = await signIn.configure({
        settingsUrl: "/config/71.71.json",
        local: async () => ({
          username: "petugas-lokal",
          groups: ["call-taker"],
          tenant: "71.71",
          headers: { "x-siaga112-key": "kunci-lokal" },
        }),
      });
      const who = await signIn.signIn();
      await signIn.authorizedFetch("/local/echo");
      return { configured, who, token: await signIn.accessToken() };
    });
    expect(result).toEqual({
      configured: { mode: "local", settings: null },
      who: {
        username: "petugas-lokal",
        groups: ["call-taker"],
        tenant: "71.71",
        headers: { "x-siaga112-key": "kunci-lokal" },
      },
      token: null,
    });
    expect(localEchoes).toEqual([{ key: "kunci-lokal" }]);
  });
});
