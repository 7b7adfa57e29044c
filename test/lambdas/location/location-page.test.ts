import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Incident } from "../../../domain/incident";
import {
  LOCATION_PAGE_CSP,
  locationPage,
  problemPage,
  resultPage,
} from "../../../lambdas/location/location-page";
import { manadoRuntime } from "../support/tenant";

const tenant = manadoRuntime();
const incident = {
  incidentId: "c0ffee",
  shortCode: "K7Q2XM",
  state: "received",
  receivedAt: "2026-11-27T13:00:00.000Z",
  version: 1,
} as Incident;
const expiresAt = Date.parse("2026-11-27T14:00:00Z") / 1000;
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("the caller's location page", () => {
  const page = locationPage(tenant, incident, expiresAt);

  it("is small enough for a slow 2G connection: under 2 KB gzip'd, under 5 KB raw", () => {
    expect(gzipSync(page, { level: 9 }).length).toBeLessThan(2048);
    expect(Buffer.byteLength(page)).toBeLessThan(5120);
  });

  it("runs only the inline script and style its CSP hashes, and loads nothing else", () => {
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect([scripts.length, styles.length]).toEqual([1, 1]);
    expect(LOCATION_PAGE_CSP).toContain(`script-src ${sha256(scripts[0]!)}`);
    expect(LOCATION_PAGE_CSP).toContain(`style-src ${sha256(styles[0]!)}`);
    const markup = page.replace(/<script>[\s\S]*?<\/script>/, "");
    expect(markup).not.toMatch(/<(img|link|iframe|object)|\ssrc=|\son[a-z]+=/i);
  });

  it("asks with a timeout, reports refusals and timeouts, and says when the link ends and how long it is kept", () => {
    expect(page).toContain("getCurrentPosition");
    expect(page).toContain("timeout:20000");
    expect(page).toMatch(/e\.code===1\?"denied":e\.code===3\?"timeout":"unavailable"/);
    expect(page).toContain("Tautan berlaku sampai 27/11/2026 22:00 WITA");
    expect(page).toContain("dihapus bersama nomor Anda setelah 90 hari");
  });

  it("escapes what it shows on the result and problem pages", () => {
    expect(resultPage(tenant, "<b>x</b>")).toContain("&#60;b&#62;x&#60;/b&#62;");
    expect(problemPage("a & b")).toContain("a &#38; b");
  });
});
