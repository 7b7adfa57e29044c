/**
 * The national centre's duty officer after a busy simulated day, in a real browser (Debian's
 * chromium driven by playwright-core): traffic from `siaga112 simulate`'s generator (in process)
 * over three simulated hours, with abandoned calls, calls sent to the backup centre and agencies
 * that leave some alerts unacknowledged. The hourly chart shows those hours, the unacknowledged
 * panel lists exactly the alerts left, a province filter survives a reload through the URL, a
 * click on a heading re-sorts, the kab/kota table's CSV holds the table's figures, and the page
 * fits 390 and 1366 px. Screenshots go to test-output/e2e/ (git-ignored).
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

let centre: LocalCentre;
let chromium: TestBrowser;
let traffic: TrafficSummary;
/** What the tenants' own tables hold: every call's local hour, and the alerts still unacknowledged. */
let callsPerSlot: Map<string, number>;
let unacknowledged: string[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [chromium, centre] = await Promise.all([launchChromium(), startLocalCentre({ port: 0 })]);
  traffic = await runTraffic(
    new CentreClient(centre.url),
    {
      calls: 45,
      tenants: "all",
      mix: parseMix({ prank: "0.3", information: "0.1", ghost: "0", wrongNumber: "0" }),
      abandonShare: 0.3,
      overflowShare: 0.1,
      hours: 3,
      ackShare: 0.5,
      concurrency: 6,
      seed: 15,
    },
    () => {},
  );
  await centre.settled();
  callsPerSlot = new Map();
  unacknowledged = [];
  for (const { tenant, tableName } of centre.tenants.values()) {
    const { Items = [] } = await centre.dynamo.documents.send(new ScanCommand({ TableName: tableName }));
    for (const item of Items) {
      const kind = itemKind(item as { sk: string });
      if (kind === "incident") {
        const clock = localClock(
          Date.parse(String(item.receivedAt)),
          zoneOfProvince(tenant.province.code).utcOffsetHours,
        );
        const slot = `${clock.date}T${String(clock.hour).padStart(2, "0")}`;
        callsPerSlot.set(slot, (callsPerSlot.get(slot) ?? 0) + 1);
      }
      if (kind === "agency" && item.status === "alerted")
        unacknowledged.push(`${tenant.code} ${item.incidentId} ${item.agencyId}`);
    }
  }
  unacknowledged.sort();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await centre?.stop();
});

const cardValue = async (page: Page, key: string) =>
  (await page.getByTestId(`card-${key}`).locator(".value").textContent()) ?? "";
const tenantCodes = (page: Page) =>
  page
    .locator("[data-testid=tenants] tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

it("shows the simulated hours, what is left unacknowledged, and keeps filters, order and CSV as shown", async () => {
  expect(traffic.errors).toEqual([]);
  expect(traffic.abandoned + traffic.overflowed).toBeGreaterThan(0);
  expect(unacknowledged.length).toBeGreaterThan(0);
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(centre.pages.dashboard);
  await page.waitForFunction(
    (calls) => document.querySelector("[data-testid=card-calls] .value")?.textContent === String(calls),
    traffic.calls,
  );
  expect(await cardValue(page, "abandon")).toBe(String(traffic.abandoned));
  expect(await cardValue(page, "overflow")).toBe(String(traffic.overflowed));

  // When: every simulated hour is a column, with the calls the kab/kota received in it (local time).
  const columns = await page
    .locator("[data-testid=series] g.column")
    .evaluateAll((gs) => gs.map((g) => [g.getAttribute("data-slot"), Number(g.getAttribute("data-calls"))]));
  const busy = new Map(columns.filter(([, calls]) => (calls as number) > 0) as [string, number][]);
  expect(busy.size).toBeGreaterThanOrEqual(3);
  expect(busy).toEqual(callsPerSlot);

  // Today by the quarter-hour: 96 columns, with the calls of today.
  await page.getByTestId("grain-quarter").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=series] g.column").length === 96);
  expect(page.url()).toContain("grain=quarter");
  const today = await page
    .locator("[data-testid=series] g.column")
    .evaluateAll((gs) => gs.reduce((n, g) => n + Number(g.getAttribute("data-calls")), 0));
  expect(today).toBeGreaterThan(0);
  await page.getByTestId("grain-hour").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=series] g.column").length === 168);

  // What is being dropped: the panel lists exactly the alerts the agencies left unacknowledged.
  const listed = await page
    .locator("[data-testid=alerts] tbody tr[data-incident]")
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.getAttribute("data-tenant")} ${r.getAttribute("data-incident")} ${r.getAttribute("data-agency")}`,
      ),
    );
  expect([...listed].sort()).toEqual(unacknowledged);
  expect(await page.getByTestId("alerts-count").textContent()).toContain(String(unacknowledged.length));
  await page.screenshot({ path: join(SHOTS, "national-1366.png"), fullPage: true });
  expect(await fitsWidth(page)).toBe(true);

  // Sorting by a heading changes the order (and the link keeps it). By default: most calls first.
  const calls = await page
    .locator("[data-testid=tenants] tbody td[data-key=calls]")
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))));
  expect(calls).toEqual([...calls].sort((a, b) => b - a));
  await page.locator("[data-testid=tenants] th button[data-key=code]").click();
  expect(await tenantCodes(page)).toEqual(["31", "35.78", "71.71"]);
  await page.locator("[data-testid=tenants] th button[data-key=code]").click();
  expect(await tenantCodes(page)).toEqual(["71.71", "35.78", "31"]);
  expect(page.url()).toContain("sort_tenants=code.desc");

  // The kab/kota table's CSV holds the table as shown, with the attribution.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("tenants-csv").click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
  const lines = csv.trim().split(/\r\n/);
  expect(lines.filter((l) => l.startsWith("# ")).join(" ")).toContain("Open Database License (ODbL)");
  const [header, ...rows] = lines.filter((l) => !l.startsWith("# ")).map((l) => l.split(","));
  const shown = await page
    .locator("[data-testid=tenants] tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll("td"), (td) => td.getAttribute("data-value") ?? td.textContent),
      ),
    );
  expect(header).toContain("Panggilan");
  expect(rows).toEqual(shown.map((cells) => cells.map((c) => (c === "–" ? "" : c))));
  const callsColumn = header!.indexOf("Panggilan");
  expect(rows.reduce((n, r) => n + Number(r[callsColumn]), 0)).toBe(traffic.calls);

  // An impossible date range says so and keeps the figures.
  await page.getByTestId("from").fill("2030-01-02");
  await page.getByTestId("to").fill("2030-01-01");
  await page.getByTestId("apply").click();
  await page.getByTestId("error").filter({ hasText: "Rentang tanggal tidak valid" }).waitFor();
  expect(await cardValue(page, "calls")).toBe(String(traffic.calls));
  await page.reload();

  // A province filter survives a reload through the URL.
  await page.getByTestId("province").selectOption("71");
  await page.waitForFunction(() => location.search.includes("province=71"));
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=tenants] tbody tr").length === 1);
  await page.reload();
  await page.waitForFunction(
    () => document.querySelector("[data-testid=tenants] tbody tr")?.getAttribute("data-code") === "71.71",
  );
  expect(await page.getByTestId("province").inputValue()).toBe("71");
  expect(await tenantCodes(page)).toEqual(["71.71"]);

  // A phone: 390 px wide, nothing scrolls sideways but the tables inside their panels.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(centre.pages.dashboard);
  await page.getByTestId("card-calls").waitFor();
  await page.screenshot({ path: join(SHOTS, "national-390.png"), fullPage: true });
  expect(await fitsWidth(page)).toBe(true);
}, 60_000);
