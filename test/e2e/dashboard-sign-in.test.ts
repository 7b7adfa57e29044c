/**
 * The dashboard as the national stack serves it: the same files with a `config.json` naming the
 * officers' user pool, and an `api/` that refuses requests without a token. In chromium, the
 * officer signs in (password, then authenticator code) and the figures appear.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { monitoringApi } from "../../lambdas/monitoring-api/monitoring-api";
import { serveStatic } from "../../local/http-kit";
import { launchChromium, type TestBrowser } from "../support/chromium";
import { type FakeCognito, startFakeCognito } from "../web/dashboard/fake-cognito";

const SHOTS = join(__dirname, "..", "..", "test-output", "e2e");
const officer = { email: "petugas@monitoring.example", password: "Rahasia-112-Nasional!", mfaCode: "654321" };
let cognito: FakeCognito;
let site: Server;
let siteUrl: string;
let chromium: TestBrowser;
let browser: BrowserContext;
const apiAuthorizations: string[] = [];

beforeAll(async () => {
  chromium = await launchChromium();
  browser = chromium.context;
  cognito = await startFakeCognito(officer);
  const none = { items: [], cost: { queries: 1, pages: 1, items: 0, capacityUnits: 0 } };
  const store = {
    applyEvent: async () => "applied" as const,
    readRows: async () => none,
    readSeries: async () => none,
    readOpenAlerts: async () => none,
    readLiveTenants: async () => none,
  };
  site = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://site");
    if (url.pathname === "/config.json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(cognito.config));
      return;
    }
    if (url.pathname.startsWith("/api/")) {
      // What the API Gateway JWT authorizer does in front of the function.
      apiAuthorizations.push(String(request.headers.authorization));
      if (request.headers.authorization !== "Bearer access-token-for-officer") {
        response.writeHead(401, { "content-type": "application/json" });
        response.end('{"message":"Unauthorized"}');
        return;
      }
      const answer = await monitoringApi(
        {
          method: "GET",
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: {},
          authorized: true,
        },
        { store, names: { "71": "Sulawesi Utara" } },
      );
      response.writeHead(answer.statusCode, answer.headers);
      response.end(answer.body);
      return;
    }
    if (!serveStatic(response, join(__dirname, "..", "..", "web", "dashboard"), url.pathname)) {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await chromium?.close();
  await cognito?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

it("asks the officer to sign in, then shows the figures with the token", async () => {
  const page = await browser.newPage();
  await page.goto(siteUrl);
  await page.locator("#sign-in-email").waitFor();
  expect(await page.getByTestId("card-calls").count()).toBe(0);
  await page.locator("#sign-in-email").fill(officer.email);
  await page.locator("#sign-in-password").fill(officer.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.locator("#sign-in-extra-input").waitFor();
  expect(await page.locator("#sign-in-extra-label").textContent()).toContain("aplikasi autentikator");
  await page.locator("#sign-in-extra-input").fill(officer.mfaCode);
  await page.screenshot({ path: join(SHOTS, "cloud-1-sign-in.png") });
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByTestId("card-calls").waitFor();
  expect(await page.locator("#sign-in").isHidden()).toBe(true);
  expect(apiAuthorizations).toContain("Bearer access-token-for-officer");
  expect(apiAuthorizations.every((a) => a === "Bearer access-token-for-officer")).toBe(true);
  await page.screenshot({ path: join(SHOTS, "cloud-2-signed-in.png") });
});
