import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Incident } from "../../../domain/incident";
import { signLocationToken } from "../../../domain/location-link";
import { closeIncident, readIncident } from "../../../lambdas/calltaker-api/operations";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { IncidentItems } from "../../../lambdas/items/incidents";
import { handleLocationRequest } from "../../../lambdas/location/location-routes";
import type { HttpRequest } from "../../../lambdas/shared/ports";
import { centrePerTest, LOCATION_BASE, SECRET } from "../support/centre";

const t = centrePerTest();

const get = (path: string): HttpRequest => ({
  method: "GET",
  path,
  headers: {},
  query: {},
  authorized: false,
});
const postJson = (path: string, body: unknown): HttpRequest => ({
  ...get(path),
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const postForm = (path: string, body: string): HttpRequest => ({
  ...get(path),
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body,
});
const fix = (lat = 1.4748, lon = 124.8421) => ({
  outcome: "shared",
  lat,
  lon,
  accuracy: 12,
  fixAt: t.centre.now() - 3000,
});

/** A call, a location request, and the path of the link the caller got. */
async function linkedIncident(): Promise<{ id: string; path: string }> {
  const id = await t.centre.call("+6281234567890");
  await handleCallTakerRequest(t.centre.api, {
    ...get(`/incidents/${id}/location-request`),
    method: "POST",
    authorized: true,
    identity: { subject: "test:petugas", username: "petugas", groups: ["call-taker"] },
  });
  const text = t.centre.callerSms.at(-1)!.text;
  return { id, path: text.slice(text.indexOf(LOCATION_BASE) + LOCATION_BASE.length) };
}

const itemOf = async (id: string) =>
  (
    await t.db.doc.send(
      new GetCommand({ TableName: t.centre.tableName, Key: { pk: `INC#${id}`, sk: "INCIDENT" } }),
    )
  ).Item as Incident & { expiresAt: number };

describe("the caller's location page", () => {
  it("shows a small Indonesian page on GET, saying what is shared and with whom, and changes nothing", async () => {
    const { id, path } = await linkedIncident();
    const before = await itemOf(id);
    t.centre.pending.length = 0;
    const page = await handleLocationRequest(t.centre.location, get(path));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="id"');
    expect(page.body).toContain("hanya kepada petugas Pusat Layanan 112 Kota Manado");
    expect(page.body).toContain("Bagikan lokasi saya");
    expect(page.body).toContain("getCurrentPosition");
    expect(page.headers).toMatchObject({
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
      "content-type": "text/html; charset=utf-8",
    });
    expect(page.headers["content-security-policy"]).toMatch(
      /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'/,
    );
    expect(page.headers["content-security-policy"]).not.toContain("unsafe");
    expect(page.body).not.toMatch(/src=|https?:\/\//);
    for (let i = 0; i < 3; i++)
      await handleLocationRequest(t.centre.location, { ...get(path), method: "HEAD" });
    expect(t.centre.pending).toEqual([]);
    expect(await itemOf(id)).toEqual(before);
  });

  it("adds a shared position to the incident, which the call-taker reads with accuracy, fix time and a map link", async () => {
    const { id, path } = await linkedIncident();
    const shared = await handleLocationRequest(t.centre.location, postJson(path, fix()));
    expect(shared.statusCode).toBe(200);
    expect(JSON.parse(shared.body)).toEqual({
      ok: true,
      outcome: "shared",
      message: "Terima kasih. Lokasi Anda sudah diterima Pusat Layanan 112 Kota Manado.",
    });
    const view = JSON.parse(
      (
        await handleCallTakerRequest(t.centre.api, {
          ...get(`/incidents/${id}`),
          authorized: true,
          identity: { subject: "test:petugas", username: "petugas", groups: ["call-taker"] },
        })
      ).body,
    );
    expect(view.callerLocation).toEqual({
      latest: {
        outcome: "shared",
        receivedAt: "2026-11-27T13:00:00.000Z",
        position: { lat: 1.4748, lon: 124.8421, accuracyMeters: 12, fixAt: "2026-11-27T12:59:57.000Z" },
      },
      position: {
        lat: 1.4748,
        lon: 124.8421,
        accuracyMeters: 12,
        fixAt: "2026-11-27T12:59:57.000Z",
        mapUrl: "https://www.openstreetmap.org/?mlat=1.4748&mlon=124.8421#map=17/1.4748/124.8421",
      },
    });
    expect(view.callerLocations).toHaveLength(1);
  });

  it("records a refusal, keeps the history of every report, and takes the caller's own words by form", async () => {
    const { id, path } = await linkedIncident();
    await handleLocationRequest(t.centre.location, postJson(path, fix()));
    t.centre.advance(30_000);
    const denied = await handleLocationRequest(t.centre.location, postJson(path, { outcome: "denied" }));
    expect(JSON.parse(denied.body).message).toContain("Izin lokasi tidak diberikan");
    const words = await handleLocationRequest(
      t.centre.location,
      postForm(path, "outcome=described&description=Depan+Masjid+Raya%2C+lantai+2"),
    );
    expect(words.statusCode).toBe(200);
    expect(words.headers["content-type"]).toContain("text/html");
    expect(words.body).toContain("Keterangan lokasi Anda sudah diterima");
    const incident = await readIncident(t.centre.api, id);
    expect(incident.callerLocations!.map((r) => [r.outcome, r.description])).toEqual([
      ["shared", undefined],
      ["denied", undefined],
      ["described", "Depan Masjid Raya, lantai 2"],
    ]);
  });

  it("writes without bumping the version, keeps the retention, and survives the call-taker's next write", async () => {
    const { id, path } = await linkedIncident();
    const items = new IncidentItems(t.centre.api);
    const readBefore = (await items.get(id))!;
    await handleLocationRequest(t.centre.location, postJson(path, fix()));
    const after = await itemOf(id);
    expect([after.version, after.expiresAt]).toEqual([
      readBefore.version,
      (readBefore as { expiresAt?: number }).expiresAt,
    ]);
    expect(after.expiresAt).toBe(Math.floor(Date.parse(readBefore.receivedAt) / 1000) + 90 * 86_400);
    // The call-taker read before the report arrived and writes after it: no conflict, report kept.
    expect(
      await items.writeChanges(readBefore, {
        ...readBefore,
        notes: "api di lantai 2",
        version: readBefore.version + 1,
      }),
    ).toBe(true);
    expect((await itemOf(id)).callerLocations).toHaveLength(1);
  });

  it("refuses a forged link, another tenant's or another incident's, and an expired one", async () => {
    const { id, path } = await linkedIncident();
    const other = await t.centre.call("+6281200001111");
    const { shortCode } = await readIncident(t.centre.api, id);
    const expiresAt = Math.floor(t.centre.now() / 1000) + 3600;
    const forged = path.slice(0, -4) + (path.endsWith("AAAA") ? "BBBB" : "AAAA");
    const otherTenant = `/l/${signLocationToken({ tenant: "35.78", incidentId: id, shortCode, expiresAt }, SECRET)}`;
    const otherIncident = `/l/${signLocationToken({ tenant: "71.71", incidentId: other, shortCode, expiresAt }, SECRET)}`;
    const otherSecret = `/l/${signLocationToken({ tenant: "71.71", incidentId: id, shortCode, expiresAt }, "secret-of-surabaya-0123456789abcdef")}`;
    for (const bad of [forged, otherTenant, otherIncident, otherSecret]) {
      expect((await handleLocationRequest(t.centre.location, get(bad))).statusCode).toBe(403);
      expect((await handleLocationRequest(t.centre.location, postJson(bad, fix()))).statusCode).toBe(403);
    }
    expect((await handleLocationRequest(t.centre.location, get("/l/../../etc"))).statusCode).toBe(404);
    t.centre.advance(61 * 60_000);
    const expired = await handleLocationRequest(t.centre.location, postJson(path, fix()));
    expect([expired.statusCode, JSON.parse(expired.body).error]).toEqual([410, "expired"]);
    expect((await readIncident(t.centre.api, id)).callerLocations).toBeUndefined();
  });

  it("answers a link of an unknown code exactly like a forged one, and keeps a link signed before a rotation", async () => {
    const { id, path } = await linkedIncident();
    const forged = path.slice(0, -4) + (path.endsWith("AAAA") ? "BBBB" : "AAAA");
    const [, expiry, signature] = path.slice("/l/".length).split(".");
    const { shortCode } = await readIncident(t.centre.api, id);
    const unknownCode = `/l/${shortCode === "222222" ? "333333" : "222222"}.${expiry}.${signature}`;
    const answers = await Promise.all(
      [forged, unknownCode].map(async (bad) => {
        const response = await handleLocationRequest(t.centre.location, postJson(bad, fix()));
        return { statusCode: response.statusCode, body: response.body };
      }),
    );
    expect(answers[0]).toMatchObject({ statusCode: 403 });
    expect(answers[1]).toEqual(answers[0]);
    const rotated = {
      ...t.centre.location,
      secret: { get: async () => ({ current: "new-secret-after-rotation-0123456789", previous: SECRET }) },
    };
    expect((await handleLocationRequest(rotated, get(path))).statusCode).toBe(200);
  });

  it("stops working once the incident is closed, even before it expires", async () => {
    const { id, path } = await linkedIncident();
    await closeIncident(t.centre.api, id, "information");
    const page = await handleLocationRequest(t.centre.location, get(path));
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain("sudah ditutup");
    const replay = await handleLocationRequest(t.centre.location, postJson(path, fix()));
    expect([replay.statusCode, JSON.parse(replay.body).error]).toEqual([410, "closed"]);
    expect((await readIncident(t.centre.api, id)).callerLocations).toBeUndefined();
  });

  it("names bad fields, refuses oversized bodies, and caps the reports of one incident", async () => {
    const { path } = await linkedIncident();
    const bad = await handleLocationRequest(
      t.centre.location,
      postJson(path, { outcome: "shared", lat: 200 }),
    );
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).problems.map((p: { field: string }) => p.field)).toEqual([
      "lat",
      "lon",
      "accuracy",
      "fixAt",
    ]);
    const huge = await handleLocationRequest(
      t.centre.location,
      postJson(path, { outcome: "described", description: "x".repeat(5000) }),
    );
    expect(huge.statusCode).toBe(400);
    for (let i = 0; i < 20; i++) {
      expect(
        (await handleLocationRequest(t.centre.location, postJson(path, { outcome: "timeout" }))).statusCode,
      ).toBe(200);
    }
    const full = await handleLocationRequest(t.centre.location, postJson(path, { outcome: "timeout" }));
    expect([full.statusCode, JSON.parse(full.body).error]).toEqual([429, "full"]);
  });

  it("keeps the position and the caller's words out of national events and logs", async () => {
    const { id, path } = await linkedIncident();
    await t.centre.drain();
    const eventsBefore = t.centre.events.length;
    await handleLocationRequest(t.centre.location, postJson(path, fix(-8.123456, 115.654321)));
    await handleLocationRequest(
      t.centre.location,
      postForm(path, "outcome=described&description=Rumah+biru+Pak+Hasan"),
    );
    await t.centre.drain();
    expect(t.centre.events.length).toBe(eventsBefore);
    expect((await readIncident(t.centre.api, id)).callerLocations).toHaveLength(2);
    const published = JSON.stringify(t.centre.events);
    const logged = JSON.stringify(t.centre.logs);
    for (const secret of ["-8.12", "115.65", "Pak Hasan", "81234567890"]) {
      expect([secret, published.includes(secret), logged.includes(secret)]).toEqual([secret, false, false]);
    }
  });
});
