/**
 * The hosted console (web/console/ as the console site serves it) in chromium, on ONE contract: the
 * page takes its tenant from `?tenant=<code>` (remembered), reads everything from that tenant's
 * `/config/<code>.json` (built as the data stack builds it: sign-in settings of the pool,
 * `consolePageSettings` of domain/console-settings.ts, `apiUrl`, `phonePanel`), signs in on the
 * pool's hosted page, and calls the tenant's API with the access token. The site, the pool's
 * stand-in and the real call-taker API behind a stand-in of the JWT authorizer:
 * test/support/console-site.ts.
 */
import type { Page } from "playwright-core";
import { consolePageSettings } from "../../../domain/console-settings";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { requireRegistry } from "../../../registry/load-registry";
import { CALL_TAKER, CLIENT, type ConsoleSite, startConsoleSite } from "../../support/console-site";

const manado = requireRegistry({ dir: "tenants", promptsDir: "prompts" }).tenants.find(
  (t) => t.code === "71.71",
)!;

let site: ConsoleSite;
beforeAll(async () => {
  site = await startConsoleSite();
});
afterAll(() => site?.stop());

describe("the hosted console on its tenant's settings file", () => {
  let page: Page;
  let shortCode: string;

  beforeAll(async () => {
    await site.centre.call("+6281234567890");
    const list = await handleCallTakerRequest(site.centre.api, {
      method: "GET",
      path: "/incidents",
      headers: {},
      query: {},
      authorized: true,
      identity: { subject: "s", username: "supervisor", groups: ["supervisor"] },
    });
    shortCode = JSON.parse(list.body).incidents[0].shortCode;
    page = await site.browser.newPage();
  });

  it("asks which kab/kota when the site's address names none and nothing is remembered", async () => {
    await page.goto(site.siteUrl);
    await page.getByTestId("choose-tenant").waitFor();
    expect(await page.getByTestId("choose-tenant").textContent()).toContain("kab/kota");
    expect(await page.locator("#layout").isHidden()).toBe(true);
    expect((await site.idp.requests()).some((r) => r.path === "/auth")).toBe(false);
  });

  it("says a code the site has no settings for is not registered, and asks again", async () => {
    await page.getByTestId("choose-code").fill("71.72");
    await page.getByRole("button", { name: "Lanjut ke halaman masuk" }).click();
    await page.getByTestId("choose-error").waitFor();
    expect(await page.getByTestId("choose-error").textContent()).toBe(
      "Layanan 112 dengan kode 71.72 belum terdaftar di konsol ini. Periksa kodenya.",
    );
    expect(site.siteRequests).toContain("/config/71.72.json");
  });

  it("signs in on the tenant's hosted page and lists its incidents from the API with the access token", async () => {
    await page.getByTestId("choose-code").fill("71.71");
    await page.getByRole("button", { name: "Lanjut ke halaman masuk" }).click();
    await site.signInThere(page);
    await page.locator(`[data-testid=incident][data-short-code="${shortCode}"]`).waitFor();
    expect(page.url()).toBe(`${site.siteUrl}?tenant=71.71`);
    expect(await page.getByTestId("who").textContent()).toBe(`${CALL_TAKER} (petugas penerima panggilan)`);
    expect(await page.getByTestId("tenant").inputValue()).toBe("71.71");
    expect(await page.getByTestId("tenant").textContent()).toBe("71.71 Kota Manado");
    // A call-taker has no link to the kab/kota's own figures.
    expect(await page.getByTestId("city-link").isHidden()).toBe(true);
    expect(site.apiCalls.map((c) => c.path)).toEqual(
      expect.arrayContaining(["/incidents", "/incidents/counts"]),
    );
    expect(site.apiCalls.every((c) => c.verified)).toBe(true);
    // Each refresh of the lists asks the sign-in module again: the tokens change as they are renewed.
    await page.waitForTimeout(3000);
    expect(new Set(site.apiCalls.map((c) => c.token)).size).toBeGreaterThan(1);
    expect(site.apiCalls.every((c) => c.verified)).toBe(true);
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
    expect(site.siteRequests).toContain("/vendor/amazon-connect-streams.min.js");
    expect(
      await page.evaluate(() => typeof (globalThis as { connect?: { core?: unknown } }).connect?.core),
    ).toBe("object");
  });

  it("keeps the tenant across sign-out: the bare site address signs in to the same kab/kota again", async () => {
    await page.getByTestId("sign-out").click();
    await page.waitForURL((u) => u.href.startsWith(`${site.idp.issuer}/logout`));
    expect(new URL(page.url()).searchParams.get("logout_uri")).toBe(site.siteUrl);
    const authorizations = (await site.idp.requests()).filter((r) => r.path === "/auth").length;
    // Cognito's sign-out lands on the site's root, without ?tenant.
    await page.goto(site.siteUrl);
    await site.signInThere(page);
    await page.locator(`[data-testid=incident][data-short-code="${shortCode}"]`).waitFor();
    expect(page.url()).toBe(site.siteUrl);
    expect(await page.getByTestId("tenant").inputValue()).toBe("71.71");
    const auth = (await site.idp.requests()).filter((r) => r.path === "/auth");
    expect(auth).toHaveLength(authorizations + 1);
    expect(new URLSearchParams(auth.at(-1)!.query).get("client_id")).toBe(CLIENT);
  });

  it("forgets the kab/kota with ?tenant= and asks again", async () => {
    await page.goto(`${site.siteUrl}?tenant=`);
    await page.getByTestId("choose-tenant").waitFor();
    await page.goto(site.siteUrl);
    await page.getByTestId("choose-tenant").waitFor();
  });
});
