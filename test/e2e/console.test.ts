/**
 * The call-taker's shift in a real browser (Debian's chromium via playwright-core) against the
 * local centre: a call rings in the phone panel (highlight and ring), the call-taker answers, the
 * incident intake recorded opens by itself with the repeat caller's flag, nothing is preselected,
 * it is classified, its alert waits in the panel of unacknowledged alerts until the agency
 * acknowledges it; an abandoned call is listed for call-back and called back; a supervisor's console
 * links to the kab/kota's own figures (the city page). Every page (landing,
 * console, inbox, acknowledgement, dashboard) is checked at 390 and 1366 px for sideways scrolling.
 * Screenshots go to test-output/e2e/console/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";
import { launchChromium, type TestBrowser } from "../support/chromium";

const SHOTS = join(__dirname, "..", "..", "test-output", "e2e", "console");
const WIDTHS = [390, 1366] as const;

let centre: LocalCentre;
let chromium: TestBrowser;
let client: CentreClient;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  chromium = await launchChromium();
  centre = await startLocalCentre({ port: 0 });
  client = new CentreClient(centre.url);
});

afterAll(async () => {
  await chromium?.close();
  await centre?.stop();
});

async function consolePage(width: number): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript(() => {
    localStorage.setItem("siaga112.user", "rina");
    localStorage.setItem("siaga112.role", "call-taker");
  });
  await page.goto(`${centre.pages.console}?tenant=71.71`);
  await page.getByTestId("counts").locator("li").first().waitFor();
  return page;
}

/** Whether the page scrolls sideways (wider than its viewport). */
async function scrollsSideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

it("rings, answers, opens the incident with the caller's flags, classifies, and shows its alert until acknowledged", async () => {
  // The same number called an hour earlier: the next call is a repeat caller's.
  await client.call({ tenant: "71.71", callerNumber: "+6281234567890", queueWaitSeconds: 3 });
  const page = await consolePage(1366);

  // A call the flow queues rings at the console until the call-taker answers it.
  const ringing = client.call({ tenant: "71.71", callerNumber: "+6281234567890", ring: true });
  const call = page.locator("[data-testid=call][data-status=ringing]");
  await call.waitFor();
  await page.locator("#phone.ringing").waitFor();
  expect(
    await page.evaluate(() => (globalThis as { siaga112Ring?: { played: number } }).siaga112Ring?.played),
  ).toBeGreaterThan(0);
  expect(await call.textContent()).toContain("penelepon berulang");
  await page.screenshot({ path: join(SHOTS, "1-ringing-1366.png"), fullPage: true });
  await page.keyboard.press("a"); // the answer shortcut
  const report = await ringing;
  expect(report.answer?.kind).toBe("answered");
  const shortCode = report.incident!.shortCode;

  // The incident intake recorded for this contact opens by itself, with the caller's flag.
  await page.locator("#detail-title", { hasText: `#${shortCode}` }).waitFor();
  await page.locator('[data-fact="Tanda"]', { hasText: "penelepon berulang" }).waitFor();
  await page.locator('[data-fact="Panggilan"]', { hasText: "dijawab" }).waitFor();
  // Nothing is preselected in the classification form.
  expect(await page.getByTestId("category").inputValue()).toBe("");
  expect(await page.getByTestId("severity").inputValue()).toBe("");
  await page.getByTestId("category").selectOption("fire");
  await page.getByTestId("severity").selectOption("high");
  await page
    .getByTestId("location")
    .fill("Jl. Sam Ratulangi 12, depan apotek, di samping rumah makan yang namanya panjang sekali");
  await page.screenshot({ path: join(SHOTS, "2-classify-1366.png"), fullPage: true });
  await page.getByTestId("classify").click();
  await page.locator('[data-fact="Kategori"]', { hasText: "Kebakaran" }).waitFor();

  // Its alerts wait in the panel, per agency, with their round.
  const damkarAlert = page.locator(
    `[data-agency=damkar] [data-testid=open-alert][data-short-code="${shortCode}"]`,
  );
  await damkarAlert.waitFor();
  expect(await damkarAlert.textContent()).toContain("putaran 1, tahap 1");
  await page
    .locator(`[data-testid=incident][data-short-code="${shortCode}"] [data-testid=open-alerts-count]`)
    .waitFor();
  await page.screenshot({ path: join(SHOTS, "3-alerts-waiting-1366.png"), fullPage: true });

  // The fire brigade acknowledges through its link: its alert leaves the panel, the police's stays.
  await centre.settled();
  const [sms] = (await client.inbox({ tenant: "71.71", text: `#${shortCode}` })).filter(
    (m) => m.channel === "sms" && m.agencyId === "damkar",
  );
  const ackPage = await chromium.context.newPage();
  await ackPage.goto(sms!.links[0]!);
  await ackPage.getByRole("button", { name: "Konfirmasi terima" }).click();
  await ackPage.getByText("Tercatat: dikonfirmasi").waitFor();
  await ackPage.close();
  await damkarAlert.waitFor({ state: "detached" });
  expect(
    await page.locator(`[data-testid=open-alert][data-short-code="${shortCode}"]`).count(),
  ).toBeGreaterThan(0);
  await page.screenshot({ path: join(SHOTS, "4-acknowledged-1366.png"), fullPage: true });
  await page.close();
});

it("lists an abandoned call for call-back and calls the caller back, recording the result", async () => {
  const page = await consolePage(390);
  const abandoned = await client.call({
    tenant: "71.71",
    callerNumber: "+6281355550000",
    queueWaitSeconds: 30,
    hangUpInQueueAfterSeconds: 5,
  });
  expect(abandoned.answer?.kind).toBe("abandoned");
  const shortCode = abandoned.incident!.shortCode;
  const item = page.locator(`[data-testid=callback-item][data-short-code="${shortCode}"]`);
  await item.waitFor();
  expect(await item.textContent()).toContain("ditinggalkan penelepon");
  await page.screenshot({ path: join(SHOTS, "5-callback-list-390.png"), fullPage: true });
  await item.getByTestId("callback-dial").click();
  // The local caller picks up after a second; the call-taker hangs up when done.
  await page.locator("[data-testid=call][data-status=connected]").waitFor();
  await page.locator("#detail-title", { hasText: `#${shortCode}` }).waitFor();
  await page.getByTestId("hang-up").click();
  await page.getByTestId("callback-attempts").locator("li", { hasText: "tersambung" }).waitFor();
  await item.waitFor({ state: "detached" });
  await page.screenshot({ path: join(SHOTS, "6-called-back-390.png"), fullPage: true });
  await page.close();
});

it("shows API errors in Indonesian", async () => {
  const page = await chromium.context.newPage();
  await page.addInitScript(() => {
    localStorage.setItem("siaga112.user", "lihat");
    localStorage.setItem("siaga112.role", "read-only");
  });
  await page.goto(`${centre.pages.console}?tenant=71.71`);
  await page.getByTestId("counts").locator("li").first().waitFor();
  // A read-only user's page hides the buttons; a write sent anyway is refused by the API.
  const message = await page.evaluate(async () => {
    try {
      await (globalThis as unknown as { act: (p: string, b: unknown) => Promise<boolean> }).act(
        "/incidents/abc/close",
        {},
      );
    } catch {}
    return document.querySelector("[data-testid=error]")?.textContent;
  });
  expect(message).toBe("Gagal: Peran Anda tidak diizinkan melakukan tindakan ini.");
  await page.close();
});

it("links a supervisor, not a call-taker, to the kab/kota's own figures (the city page under /dashboard/)", async () => {
  const page = await consolePage(1366);
  expect(await page.getByTestId("city-link").isHidden()).toBe(true);
  await page.getByTestId("who-role").selectOption("supervisor");
  await page.getByTestId("city-link").waitFor();
  expect(await page.getByTestId("city-link").textContent()).toBe("Angka kab/kota");
  await page.getByTestId("city-link").click();
  await page.getByTestId("card-calls").waitFor();
  expect(new URL(page.url()).pathname).toBe("/dashboard/city.html");
  expect(await page.getByTestId("title").textContent()).toBe("Angka 112 Kota Manado");
  await page.close();
});

it("fits every page at 390 and 1366 px without sideways scrolling", async () => {
  const report = await client.call({ tenant: "71.71", callerNumber: "+6281277771111", queueWaitSeconds: 2 });
  await client.callTaker("71.71", "POST", `/incidents/${report.incident!.incidentId}/classification`, {
    category: "medical",
    severity: "critical",
    location: { text: "Jalan yang sangat panjang namanya sekali ".repeat(4) },
  });
  await centre.settled();
  const [sms] = (await client.inbox({ tenant: "71.71", text: `#${report.incident!.shortCode}` })).filter(
    (m) => m.channel === "sms",
  );
  const shortCode = report.incident!.shortCode;
  // Each page with what shows that it has drawn its data; the console also with that incident open
  // (its long location, the caller's location and "Minta lokasi").
  const pages: [string, string, string, ((page: Page) => Promise<void>)?][] = [
    ["landing", `${centre.url}/`, "#tenants tbody tr"],
    ["console", `${centre.pages.console}?tenant=71.71`, "[data-testid=incident]"],
    [
      "console-incident",
      `${centre.pages.console}?tenant=71.71`,
      `[data-testid=incident][data-short-code="${shortCode}"]`,
      async (page) => {
        await page.locator(`[data-testid=incident][data-short-code="${shortCode}"]`).click();
        await page.locator('[data-fact="Lokasi"]', { hasText: "Jalan yang sangat panjang" }).waitFor();
        await page.getByTestId("location-request").waitFor();
      },
    ],
    ["inbox", `${centre.pages.inbox}?tenant=71.71`, "[data-testid=message]"],
    ["ack", sms!.links[0]!, "button"],
    ["dashboard", centre.pages.dashboard, "[data-testid=tenants] tr"],
  ];
  const sideways: string[] = [];
  for (const width of WIDTHS) {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    // The call-taker whose desk the classification above put the incident on (the browser
    // remembers the last user and role chosen, e.g. the read-only user above).
    await page.addInitScript(() => {
      localStorage.setItem("siaga112.user", "petugas-lokal");
      localStorage.setItem("siaga112.role", "call-taker");
    });
    for (const [name, url, drawn, then] of pages) {
      await page.goto(url);
      await page.locator(drawn).first().waitFor();
      await then?.(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `page-${name}-${width}.png`), fullPage: true });
      const { scrollWidth, clientWidth } = await scrollsSideways(page);
      if (scrollWidth > clientWidth) sideways.push(`${name} at ${width} px: ${scrollWidth} > ${clientWidth}`);
    }
    await page.close();
  }
  expect(sideways).toEqual([]);
});
