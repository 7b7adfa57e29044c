/**
 * The city page of a kab/kota's own staff (web/dashboard/city.html, issue 16) on the call-takers'
 * console site, where city-source.js finds its settings: a supervisor of 71.71 opens
 * `dashboard/city.html?tenant=71.71`, signs in on the tenant's pool (whose one callback is the
 * console at the root, which sends the browser back) and sees the month the tenant's call-taker API
 * reads from the national statistics (the centre's calls, applied as the aggregator does); a
 * call-taker is refused; a kab/kota not named or not known is said in Indonesian. The site, the
 * pool's stand-in and the real call-taker API behind a stand-in of the JWT authorizer:
 * test/support/console-site.ts.
 */
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { CALL_TAKER, type ConsoleSite, SUPERVISOR, startConsoleSite } from "../../support/console-site";

let site: ConsoleSite;
beforeAll(async () => {
  site = await startConsoleSite();
});
afterAll(() => site?.stop());

describe("the city page on the console site, for a kab/kota's own supervisors and manager", () => {
  const cityPage = () => `${site.siteUrl}dashboard/city.html?tenant=71.71`;
  let calls: number;

  beforeAll(async () => {
    for (const number of ["+6281234567890", "+6281234567891", "+6281234567892"])
      await site.centre.call(number);
    await site.centre.drain();
    // The aggregator's work: the centre's events into the national statistics.
    for (const event of site.centre.events) await site.statistics.applyEvent(event);
    const month = await handleCallTakerRequest(site.apiDeps, {
      method: "GET",
      path: "/city",
      headers: {},
      query: {},
      authorized: true,
      identity: { subject: "s", username: "supervisor", groups: ["supervisor"] },
    });
    calls = JSON.parse(month.body).figures.calls;
  });

  beforeEach(() => site.browser.clearCookies());

  it("says how to name the kab/kota when neither the address nor the browser names one, or names one it does not know", async () => {
    const page = await site.browser.newPage();
    const authorizations = (await site.idp.requests()).filter((r) => r.path === "/auth").length;
    await page.goto(`${site.siteUrl}?tenant=`);
    await page.goto(`${site.siteUrl}dashboard/city.html`);
    await page.getByTestId("error").waitFor();
    expect(await page.getByTestId("error").textContent()).toContain("?tenant=71.71");
    expect(await page.getByTestId("error").textContent()).toContain("Konsol Petugas 112");
    // A code the site has no settings for (S3's 403), in the console's words.
    await page.goto(`${site.siteUrl}dashboard/city.html?tenant=71.72`);
    await page.getByTestId("error").waitFor();
    expect(await page.getByTestId("error").textContent()).toBe(
      "Gagal masuk: Layanan 112 dengan kode 71.72 belum terdaftar di konsol ini. Periksa kodenya.",
    );
    expect((await site.idp.requests()).filter((r) => r.path === "/auth")).toHaveLength(authorizations);
    await page.close();
  });

  it("signs a supervisor in on the tenant's pool and comes back to the city page with its month from the tenant's API", async () => {
    const page = await site.browser.newPage();
    const before = site.apiCalls.length;
    await page.goto(cityPage());
    await site.signInThere(page, SUPERVISOR);
    await page.getByTestId("card-calls").waitFor();
    // The pool's one callback is the site's root (the console): it sends the browser on.
    expect(page.url()).toBe(cityPage());
    expect(await page.getByTestId("title").textContent()).toBe("Angka 112 Kota Manado");
    expect(await page.getByTestId("who").textContent()).toBe(SUPERVISOR);
    expect(calls).toBe(3);
    expect(await page.getByTestId("card-calls").textContent()).toContain(String(calls));
    const cityCalls = site.apiCalls.slice(before).filter((c) => c.path === "/city");
    expect(cityCalls.length).toBeGreaterThan(0);
    expect(cityCalls.every((c) => c.verified)).toBe(true);
    // Back on the console, the supervisor's link leads to the same page.
    await page.goto(site.siteUrl);
    await page.getByTestId("city-link").waitFor();
    expect(await page.getByTestId("city-link").textContent()).toBe("Angka kab/kota");
    await page.getByTestId("city-link").click();
    await page.getByTestId("card-calls").waitFor();
    expect(page.url()).toBe(cityPage());
    await page.close();
  });

  it("refuses a call-taker the kab/kota's figures, in Indonesian", async () => {
    const page = await site.browser.newPage();
    await page.goto(cityPage());
    await site.signInThere(page, CALL_TAKER);
    await page.getByTestId("error").waitFor();
    expect(page.url()).toBe(cityPage());
    expect(await page.getByTestId("error").textContent()).toBe(
      "Gagal memuat data: peran Anda tidak diizinkan melihat angka kab/kota ini.",
    );
    expect(await page.getByTestId("card-calls").count()).toBe(0);
    await page.close();
  });
});
