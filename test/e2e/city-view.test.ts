/**
 * A kab/kota's 112 manager after a simulated day, in a real browser (Debian's chromium driven by
 * playwright-core): traffic from `siaga112 simulate`'s generator over three simulated hours for
 * every tenant, then Kota Manado's own page, one click from the landing page. It shows only Manado
 * (its calls, no other kab/kota), its calls by hour of the day, how many call-takers each hour
 * needs, and a monthly report whose CSV names the kab/kota, the period and the data attribution,
 * with the totals of the cards; the API refuses Manado's manager Surabaya's figures. Screenshots at
 * 1366 and 390 px go to test-output/e2e/ (git-ignored), beside the national dashboard's.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Page } from "playwright-core";
import { itemKind } from "../../domain/incident-table";
import { localClock, zoneOfProvince } from "../../domain/time-zones";
import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";
import { parseMix, runTraffic, type TrafficSummary } from "../../local/traffic-generator";
import { launchChromium, type TestBrowser } from "../support/chromium";

const SHOTS = join(__dirname, "..", "..", "test-output", "e2e");
const MANADO = "71.71";

let centre: LocalCentre;
let chromium: TestBrowser;
let traffic: TrafficSummary;
/** Manado's incidents by local month (`YYYY-MM`), from its own table. */
let manadoCalls: Map<string, number>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [chromium, centre] = await Promise.all([launchChromium(), startLocalCentre({ port: 0 })]);
  traffic = await runTraffic(
    new CentreClient(centre.url),
    {
      calls: 40,
      tenants: "all",
      mix: parseMix({ prank: "0.3", information: "0.1", ghost: "0", wrongNumber: "0" }),
      abandonShare: 0.25,
      hours: 3,
      ackShare: 0.6,
      concurrency: 6,
      seed: 16,
    },
    () => {},
  );
  await centre.settled();
  manadoCalls = new Map();
  const manado = [...centre.tenants.values()].find((t) => t.tenant.code === MANADO)!;
  const { Items = [] } = await centre.dynamo.documents.send(new ScanCommand({ TableName: manado.tableName }));
  for (const item of Items)
    if (itemKind(item as { sk: string }) === "incident") {
      const clock = localClock(Date.parse(String(item.receivedAt)), zoneOfProvince("71").utcOffsetHours);
      const month = clock.date.slice(0, 7);
      manadoCalls.set(month, (manadoCalls.get(month) ?? 0) + 1);
    }
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await centre?.stop();
});

const cardValue = async (page: Page, key: string) =>
  (await page.getByTestId(`card-${key}`).locator(".value").textContent()) ?? "";
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

it("shows a kab/kota only its own month: hourly chart, call-takers needed, and a monthly report", async () => {
  expect(traffic.errors).toEqual([]);
  const page = await chromium.context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(centre.pages.landing);
  await page.getByTestId(`city-${MANADO}`).click();
  await page.waitForURL(/\/dashboard\/city\.html\?tenant=71\.71/);
  await page
    .getByTestId("card-calls")
    .waitFor({ timeout: 10_000 })
    .catch(async () => {
      throw new Error(`no cards: ${pageErrors.join("; ")} ${await page.getByTestId("error").textContent()}`);
    });

  // Only Manado: its name and code, its calls, and no other kab/kota anywhere on the page.
  expect(await page.getByTestId("title").textContent()).toBe("Angka 112 Kota Manado");
  expect(await page.getByTestId("title").getAttribute("data-tenant")).toBe(MANADO);
  const month = await page.getByTestId("month").inputValue();
  const calls = manadoCalls.get(month) ?? 0;
  expect(calls).toBeGreaterThan(0);
  expect(calls).toBeLessThan(traffic.calls);
  expect(await cardValue(page, "calls")).toBe(String(calls));
  const text = (await page.locator("body").textContent()) ?? "";
  expect(text).not.toMatch(/Surabaya|Jakarta/);

  // Calls by hour of the day: 24 columns holding Manado's calls of the month.
  const hours = await page
    .locator("[data-testid=hours-chart] g.column")
    .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-calls"))));
  expect(hours).toHaveLength(24);
  expect(hours.reduce((n, c) => n + c, 0)).toBe(calls);
  expect(await page.locator("[data-testid=week] tbody tr").count()).toBe(24);

  // Call-takers needed per hour, beside staff logged in (not measured), against NFPA 1225.
  expect(await page.getByTestId("staffing-hint").textContent()).toContain("NFPA 1225");
  const needed = await page
    .locator("[data-testid=hours] tbody td[data-key=needed]")
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))));
  expect(needed).toHaveLength(24);
  expect(Math.min(...needed)).toBeGreaterThanOrEqual(1);
  expect(await page.locator("[data-testid=hours] tbody td[data-key=loggedIn]").first().textContent()).toBe(
    "belum terukur",
  );
  await page.screenshot({ path: join(SHOTS, "city-1366.png"), fullPage: true });
  expect(await fitsWidth(page)).toBe(true);

  // The monthly report's CSV: kab/kota, period, attribution; its days add up to the cards' total.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("report-csv").click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
  const lines = csv.trim().split(/\r\n/);
  const comments = lines.filter((l) => l.startsWith("# ")).join(" ");
  expect(comments).toContain("Laporan bulanan 112: Kota Manado (71.71)");
  expect(comments).toContain(`${month}-01 s.d.`);
  expect(comments).toContain("Open Database License (ODbL)");
  const [header, ...rows] = lines.filter((l) => !l.startsWith("# ")).map((l) => l.split(","));
  const column = header!.indexOf("Panggilan");
  const total = rows.find((r) => r[0] === "Jumlah")!;
  const days = rows.filter((r) => r[0] !== "Jumlah");
  expect(Number(total[column])).toBe(calls);
  expect(days.reduce((n, r) => n + Number(r[column]), 0)).toBe(calls);
  expect(new Set(rows.map((r) => r[header!.indexOf("Kabupaten/kota")]))).toEqual(new Set(["Kota Manado"]));

  // The API takes the kab/kota from who asks: Manado's manager is refused Surabaya's figures.
  const refused = await page.evaluate(async () => {
    const response = await fetch("api/city?tenant=35.78", {
      headers: { "x-siaga112-role": "manager", "x-siaga112-tenant": "71.71" },
    });
    return { status: response.status, body: await response.text() };
  });
  expect(refused.status).toBe(403);
  expect(refused.body).not.toContain("Surabaya");

  // The national dashboard links each kab/kota's name to its own month.
  await page.goto(centre.pages.dashboard);
  const link = page.locator(`[data-testid=tenants] tr[data-code="${MANADO}"] td[data-key=name] a`);
  expect(await link.getAttribute("href")).toBe(`city.html?tenant=${MANADO}`);
  await link.click();
  await page.getByTestId("card-calls").waitFor();
  expect(await cardValue(page, "calls")).toBe(String(calls));

  // A phone: 390 px wide, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByTestId("card-calls").waitFor();
  await page.screenshot({ path: join(SHOTS, "city-390.png"), fullPage: true });
  expect(await fitsWidth(page)).toBe(true);
  expect(pageErrors).toEqual([]);
}, 60_000);
