/**
 * End to end in a real browser (Debian's chromium driven by playwright-core): a call is placed,
 * the call-taker classifies it as fire in the console, the fire brigade's SMS appears in the
 * agency inbox, the officer acknowledges it on the link's page (POST), and the national dashboard
 * counts the call and the acknowledgement. Screenshots go to test-output/e2e/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";
import { launchChromium, type TestBrowser } from "../support/chromium";

const SHOTS = join(__dirname, "..", "..", "test-output", "e2e");

let centre: LocalCentre;
let chromium: TestBrowser;
let browser: BrowserContext;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  chromium = await launchChromium();
  browser = chromium.context;
  centre = await startLocalCentre({ port: 0 });
});

afterAll(async () => {
  await chromium?.close();
  await centre?.stop();
});

async function cardValue(page: Page, key: string): Promise<string> {
  return (await page.getByTestId(`card-${key}`).locator(".value").textContent()) ?? "";
}

it("places a call, classifies it as fire, acknowledges the alert and sees the dashboard count it", async () => {
  const page = await browser.newPage();

  // The national dashboard before the call.
  await page.goto(centre.pages.dashboard);
  await page.getByTestId("card-calls").waitFor();
  expect(await cardValue(page, "calls")).toBe("0");
  expect(await cardValue(page, "acks")).toBe("0");
  expect(await cardValue(page, "answer")).toBe("–");

  // A caller dials 112 in Kota Manado (the phone is the terminal; here its HTTP client).
  const report = await new CentreClient(centre.url).call({ tenant: "71.71", callerNumber: "+6281234567890" });
  expect(report.outcome).toBe("queued");
  expect(report.answer?.kind).toBe("answered");
  const shortCode = report.incident!.shortCode;

  // The call-taker sees it live and classifies it as fire.
  await page.goto(`${centre.pages.console}?tenant=71.71`);
  const row = page.locator(`[data-testid=incident][data-short-code="${shortCode}"]`);
  await row.click();
  await page.getByTestId("category").selectOption("fire");
  await page.getByTestId("severity").selectOption("high");
  await page.getByTestId("location").fill("Jl. Sam Ratulangi 12, depan apotek");
  await page.screenshot({ path: join(SHOTS, "1-console-classify.png"), fullPage: true });
  await page.getByTestId("classify").click();
  await page.locator('[data-fact="Kategori"]', { hasText: "Kebakaran" }).waitFor();
  await page.getByTestId("alerts").locator("li").first().waitFor();
  await page.screenshot({ path: join(SHOTS, "2-console-escalated.png"), fullPage: true });

  // The fire brigade's duty officer finds the SMS in the agency inbox.
  await page.goto(`${centre.pages.inbox}?tenant=71.71`);
  const sms = page.locator("[data-testid=message][data-agency=damkar].sms", { hasText: `#${shortCode}` });
  await sms.first().waitFor();
  expect(await sms.first().textContent()).toContain("KEBAKARAN");
  await page.screenshot({ path: join(SHOTS, "3-inbox.png"), fullPage: true });

  // The SMS carries the officer's duty board; opening it changes nothing, the button (a POST) acknowledges.
  await sms.first().getByTestId("board-link").waitFor();
  await sms.first().getByTestId("ack-link").click();
  await page.getByRole("button", { name: "Konfirmasi terima" }).waitFor();
  await page.screenshot({ path: join(SHOTS, "4-ack-page.png"), fullPage: true });
  await page.getByRole("button", { name: "Konfirmasi terima" }).click();
  await page.getByText("Tercatat: dikonfirmasi").waitFor();
  await page.screenshot({ path: join(SHOTS, "5-ack-recorded.png"), fullPage: true });

  // Back in the console, the call-taker sees the fire brigade's answer.
  await page.goto(`${centre.pages.console}?tenant=71.71`);
  await row.click();
  await page
    .getByTestId("agency-progress")
    .filter({ hasText: "Dinas Pemadam Kebakaran Kota Manado: dikonfirmasi" })
    .waitFor();
  await page.screenshot({ path: join(SHOTS, "5b-console-acknowledged.png"), fullPage: true });

  // The national dashboard counts the call, the escalations and the acknowledgement.
  await page.goto(centre.pages.dashboard);
  await page.waitForFunction(
    () => document.querySelector("[data-testid=card-acks] .value")?.textContent === "1",
    undefined,
    { timeout: 15_000 },
  );
  expect(await cardValue(page, "calls")).toBe("1");
  expect(await cardValue(page, "genuine")).toBe("1");
  expect(await cardValue(page, "escalations")).toBe("2"); // fire brigade and police
  // A call-taker answered after the flow and the queue wait: the COCOM answer figures appear.
  expect(await cardValue(page, "answer")).toBe(`${report.answer!.seconds.toLocaleString("id-ID")} dtk`);
  expect(await cardValue(page, "abandon")).toBe("0");
  await expect(page.locator("[data-testid=tenants] tr[data-code='71.71']").textContent()).resolves.toContain(
    "Kota Manado",
  );
  await page.screenshot({ path: join(SHOTS, "6-dashboard.png"), fullPage: true });

  // Only provinces whose kab/kota sent data can be chosen; Jawa Timur has not yet.
  expect(await page.locator("[data-testid=province] option[value='35']").isDisabled()).toBe(true);
  await page.getByTestId("province").selectOption("71");
  await page.waitForFunction(() => location.search.includes("province=71"));
  expect(await page.locator("[data-testid=tenants] tbody tr").count()).toBe(1);
  await page.screenshot({ path: join(SHOTS, "7-dashboard-sulawesi-utara.png"), fullPage: true });
});
