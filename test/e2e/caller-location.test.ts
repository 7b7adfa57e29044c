/**
 * The caller's location link end to end in a real browser (Debian's chromium driven by
 * playwright-core), in the local centre: a call is placed from a number, the call-taker asks for
 * the location (the call-taker API's "Minta lokasi"), the SMS appears in the local inbox for the
 * caller's number, the caller opens its link with the browser's geolocation set and shares, and
 * the incident shows the position within two seconds; with the permission refused, the incident
 * shows the refusal. Screenshots go to test-output/e2e/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { callTakerPaths } from "../../local/calltaker-paths";
import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";
import { launchChromium, type TestBrowser } from "../support/chromium";

const SHOTS = join(__dirname, "..", "..", "test-output", "e2e");

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
    readonly latest: { readonly outcome: string };
    readonly position?: {
      readonly lat: number;
      readonly lon: number;
      readonly accuracyMeters: number;
      readonly mapUrl: string;
    };
  };
}

/** A call from `number`, and the call-taker's "Minta lokasi" on its incident. */
async function callAndAskLocation(number: string): Promise<string> {
  const report = await client.call({ tenant: "71.71", callerNumber: number });
  const id = report.incident!.incidentId;
  const asked = await client.callTaker<{ status: string; to: string }>(
    "71.71",
    "POST",
    callTakerPaths(id).locationRequest,
  );
  expect(asked).toMatchObject({ status: "sent", to: `+62*********${number.slice(-2)}` });
  return id;
}

/** Opens the inbox, finds the SMS to `number` and follows its location link. */
async function openLinkFromInbox(page: Page, number: string, shot: string): Promise<void> {
  await page.goto(`${centre.pages.inbox}?tenant=71.71`);
  const sms = page.locator(`[data-testid=message][data-recipient=caller][data-to="${number}"]`);
  await sms.first().waitFor();
  expect(await sms.first().textContent()).toContain("petugas meminta lokasi Anda");
  await page.screenshot({ path: join(SHOTS, `${shot}-inbox.png`), fullPage: true });
  await sms.first().getByTestId("location-link").click();
  await page.getByRole("button", { name: "Bagikan lokasi saya" }).waitFor();
}

/** Reads the incident until `done` holds, for at most `millis`; returns it and how long it took. */
async function incidentWhen(id: string, done: (view: IncidentView) => boolean, millis: number) {
  const started = Date.now();
  for (;;) {
    const view = await client.callTaker<IncidentView>("71.71", "GET", callTakerPaths(id).incident);
    if (done(view)) return { view, waited: Date.now() - started };
    if (Date.now() - started > millis) return { view, waited: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it("shares the caller's position from the SMS link, and the incident shows it within two seconds", async () => {
  const number = "+6281234567890";
  const id = await callAndAskLocation(number);
  await browser.grantPermissions(["geolocation"], { origin: centre.url });
  await browser.setGeolocation({ latitude: 1.4748, longitude: 124.8421, accuracy: 15 });
  const page = await browser.newPage();
  await openLinkFromInbox(page, number, "location-1");
  expect(await page.textContent("body")).toContain("hanya kepada petugas Pusat Layanan 112 Kota Manado");
  await page.screenshot({ path: join(SHOTS, "location-2-page.png"), fullPage: true });

  await page.getByRole("button", { name: "Bagikan lokasi saya" }).click();
  const { view, waited } = await incidentWhen(id, (v) => v.callerLocation?.position !== undefined, 2000);
  expect(waited).toBeLessThanOrEqual(2000);
  expect(view.callerLocation).toMatchObject({
    latest: { outcome: "shared" },
    position: {
      lat: 1.4748,
      lon: 124.8421,
      accuracyMeters: 15,
      mapUrl: expect.stringContaining("mlat=1.4748"),
    },
  });
  await page.getByText("Lokasi Anda sudah diterima").waitFor();
  await page.screenshot({ path: join(SHOTS, "location-3-shared.png"), fullPage: true });
  await page.close();
});

it("reports a refused permission to the incident, and lets the caller type where they are", async () => {
  const number = "+6281298765432";
  const id = await callAndAskLocation(number);
  await browser.clearPermissions();
  const page = await browser.newPage();
  await openLinkFromInbox(page, number, "location-4");
  await page.getByRole("button", { name: "Bagikan lokasi saya" }).click();
  const { view, waited } = await incidentWhen(id, (v) => v.callerLocation !== undefined, 2000);
  expect(waited).toBeLessThanOrEqual(2000);
  expect(view.callerLocation).toEqual({ latest: expect.objectContaining({ outcome: "denied" }) });
  await page.getByText("Izin lokasi tidak diberikan").waitFor();
  await page.screenshot({ path: join(SHOTS, "location-5-denied.png"), fullPage: true });

  await page.getByLabel("Atau tulis lokasi Anda").fill("Depan Masjid Raya Ahmad Yani, pagar hijau");
  await page.getByRole("button", { name: "Kirim keterangan" }).click();
  await page.getByText("Keterangan lokasi Anda sudah diterima").waitFor();
  const words = await incidentWhen(id, (v) => v.callerLocation?.latest.outcome === "described", 2000);
  expect(words.view.callerLocation?.latest).toMatchObject({
    outcome: "described",
    description: "Depan Masjid Raya Ahmad Yani, pagar hijau",
  });
  await page.close();
});
