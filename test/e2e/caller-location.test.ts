/**
 * The caller's location link end to end in a real browser (Debian's chromium driven by
 * playwright-core), in the local centre, through the console: a call is placed from a number and
 * rings at the console, the call-taker answers it and presses "Minta lokasi" on its incident, the
 * SMS appears in the local inbox for the caller's number, the caller opens its link with the
 * browser's geolocation set and shares, and the console shows the position within two seconds;
 * with the permission refused, the console shows the refusal (then the caller's own words). A call
 * without a number shows "Minta lokasi" disabled with the reason. Screenshots go to
 * test-output/e2e/location/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { callTakerPaths } from "../../local/calltaker-paths";
import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";
import { launchChromium, type TestBrowser } from "../support/chromium";

const SHOTS = join(__dirname, "..", "..", "test-output", "e2e", "location");
/** Issue 13: the console shows what the caller shared within two seconds. */
const WITHIN_MILLIS = 2000;

let centre: LocalCentre;
let client: CentreClient;
let chromium: TestBrowser;
let browser: BrowserContext;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  chromium = await launchChromium();
  browser = chromium.context;
  centre = await startLocalCentre({ port: 0 });
  client = new CentreClient(centre.url);
});

afterAll(async () => {
  await chromium?.close();
  await centre?.stop();
});

interface IncidentView {
  readonly callerLocation?: {
    readonly latest: { readonly outcome: string; readonly description?: string };
    readonly position?: { readonly lat: number; readonly lon: number; readonly accuracyMeters: number };
  };
}

/** The console of Kota Manado, signed in locally as a call-taker. */
async function consolePage(width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript(() => {
    localStorage.setItem("siaga112.user", "rina");
    localStorage.setItem("siaga112.role", "call-taker");
  });
  await page.goto(`${centre.pages.console}?tenant=71.71`);
  await page.getByTestId("counts").locator("li").first().waitFor();
  return page;
}

/**
 * A call from `number` (none: a phone without a SIM card) rings at the console; the call-taker
 * answers it and its incident opens by itself.
 */
async function answeredCall(console: Page, number?: string): Promise<{ id: string; shortCode: string }> {
  const ringing = client.call({ tenant: "71.71", ring: true, ...(number ? { callerNumber: number } : {}) });
  await console.locator("[data-testid=call][data-status=ringing]").waitFor();
  await console.keyboard.press("a");
  const report = await ringing;
  expect(report.answer?.kind).toBe("answered");
  const { incidentId, shortCode } = report.incident!;
  await console.locator("#detail-title", { hasText: `#${shortCode}` }).waitFor();
  return { id: incidentId, shortCode };
}

/** The call-taker presses "Minta lokasi" (or its shortcut); the console says the SMS went to the caller. */
async function askLocation(console: Page, number: string, how: "click" | "shortcut"): Promise<void> {
  const button = console.getByTestId("location-request");
  expect(await button.isEnabled()).toBe(true);
  if (how === "click") await button.click();
  else await console.keyboard.press("Alt+L");
  await console
    .getByTestId("status")
    .filter({ hasText: number.slice(-2) })
    .waitFor();
  const note = console.getByTestId("location-request-note");
  await note.filter({ hasText: "Sudah diminta 1 dari 3 kali" }).waitFor();
  // One a minute: right after, the button waits, with the reason shown.
  expect(await button.isDisabled()).toBe(true);
  expect(await note.textContent()).toContain("SMS permintaan lokasi baru saja dikirim");
}

/** The caller's phone: the inbox shows the SMS to `number`; its link opens the location page. */
async function openLinkFromInbox(page: Page, number: string, shot: string): Promise<void> {
  await page.goto(`${centre.pages.inbox}?tenant=71.71`);
  const sms = page.locator(`[data-testid=message][data-recipient=caller][data-to="${number}"]`);
  await sms.first().waitFor();
  expect(await sms.first().textContent()).toContain("petugas meminta lokasi Anda");
  await page.screenshot({ path: join(SHOTS, `${shot}-inbox.png`), fullPage: true });
  await sms.first().getByTestId("location-link").click();
  await page.getByRole("button", { name: "Bagikan lokasi saya" }).waitFor();
}

/** How long after `started` the console showed `what` (fails after the two seconds). */
async function shownWithin(console: Page, what: string, started: number): Promise<number> {
  await console.getByTestId(what).waitFor({ timeout: WITHIN_MILLIS });
  return Date.now() - started;
}

it("shares the caller's position from the SMS link, and the console shows it within two seconds", async () => {
  const number = "+6281234567890";
  const console = await consolePage(1366);
  const { id } = await answeredCall(console, number);
  expect(await console.getByTestId("caller-location").textContent()).toBe("belum ada");
  await askLocation(console, number, "click");

  await browser.grantPermissions(["geolocation"], { origin: centre.url });
  await browser.setGeolocation({ latitude: 1.4748, longitude: 124.8421, accuracy: 15 });
  const phone = await browser.newPage();
  await openLinkFromInbox(phone, number, "1");
  expect(await phone.textContent("body")).toContain("hanya kepada petugas Pusat Layanan 112 Kota Manado");
  await phone.screenshot({ path: join(SHOTS, "2-page.png"), fullPage: true });

  await phone.getByRole("button", { name: "Bagikan lokasi saya" }).click();
  const started = Date.now();
  const waited = await shownWithin(console, "caller-position", started);
  expect(waited).toBeLessThanOrEqual(WITHIN_MILLIS);
  const position = console.getByTestId("caller-position");
  expect(await position.textContent()).toMatch(/^1\.47480, 124\.84210 · akurasi ±15 m · baru saja \(/);
  expect(await position.getByTestId("caller-map").getAttribute("href")).toContain("mlat=1.4748");
  await console
    .getByTestId("status")
    .filter({ hasText: "Jawaban penelepon tentang lokasinya diterima" })
    .waitFor();
  await phone.getByText("Lokasi Anda sudah diterima").waitFor();
  await phone.screenshot({ path: join(SHOTS, "3-shared.png"), fullPage: true });
  // The local centre's messages on the incident name the caller as the SMS's recipient.
  expect(await console.locator("#alerts [data-recipient=caller]").textContent()).toContain(
    `SMS ke penelepon ${number} (minta lokasi)`,
  );
  await console.screenshot({ path: join(SHOTS, "4-console-position-1366.png"), fullPage: true });

  // What the console shows is what the incident holds.
  const view = await client.callTaker<IncidentView>("71.71", "GET", callTakerPaths(id).incident);
  expect(view.callerLocation).toMatchObject({
    latest: { outcome: "shared" },
    position: { lat: 1.4748, lon: 124.8421, accuracyMeters: 15 },
  });
  await phone.close();
  await console.close();
});

it("shows the caller's refused permission on the console within two seconds, then their own words", async () => {
  const number = "+6281298765432";
  const console = await consolePage(390);
  await answeredCall(console, number);
  await askLocation(console, number, "shortcut");

  await browser.clearPermissions();
  const phone = await browser.newPage();
  await openLinkFromInbox(phone, number, "5");
  await phone.getByRole("button", { name: "Bagikan lokasi saya" }).click();
  const started = Date.now();
  const waited = await shownWithin(console, "caller-location-latest", started);
  expect(waited).toBeLessThanOrEqual(WITHIN_MILLIS);
  expect(await console.getByTestId("caller-location-latest").textContent()).toContain(
    "izin lokasi ditolak penelepon",
  );
  expect(await console.getByTestId("caller-position").count()).toBe(0);
  await phone.getByText("Izin lokasi tidak diberikan").waitFor();
  await phone.screenshot({ path: join(SHOTS, "6-denied.png"), fullPage: true });
  await console.screenshot({ path: join(SHOTS, "7-console-denied-390.png"), fullPage: true });

  // The caller types where they are; the console shows their words (refreshing as it always does).
  const words = "Depan Masjid Raya Ahmad Yani, pagar hijau, di samping warung yang namanya panjang sekali";
  await phone.getByLabel("Atau tulis lokasi Anda").fill(words);
  await phone.getByRole("button", { name: "Kirim keterangan" }).click();
  await phone.getByText("Keterangan lokasi Anda sudah diterima").waitFor();
  await console.getByTestId("caller-location-latest").filter({ hasText: words }).waitFor();
  expect(await console.getByTestId("caller-location-latest").textContent()).toContain(
    "keterangan lokasi dari penelepon",
  );
  // Long words wrap: the console still fits 390 px.
  expect(
    await console.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    ),
  ).toBe(true);
  await console.screenshot({ path: join(SHOTS, "8-console-words-390.png"), fullPage: true });
  await phone.close();
  await console.close();
});

it("disables Minta lokasi for a call without a number, with the reason", async () => {
  const console = await consolePage(1366);
  await answeredCall(console);
  const button = console.getByTestId("location-request");
  await button.waitFor();
  expect(await button.isDisabled()).toBe(true);
  expect(await console.getByTestId("location-request-note").textContent()).toMatch(/nomor/i);
  await console.close();
});
