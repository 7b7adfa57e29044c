import fc from "fast-check";
import { signAckToken } from "../../../domain/ack-link";
import { handleAckRequest } from "../../../lambdas/ack/ack-routes";
import { classifyIncident, readIncident } from "../../../lambdas/calltaker-api/operations";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import type { HttpRequest } from "../../../lambdas/shared/ports";
import { ACK_BASE, SECRET, startCentre, type TestCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";

let db: TestTable;
let centre: TestCentre;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());
beforeEach(async () => {
  centre = await startCentre(db);
});

const get = (path: string): HttpRequest => ({
  method: "GET",
  path,
  headers: {},
  query: {},
  authorized: false,
});
const post = (path: string, body: string): HttpRequest => ({ ...get(path), method: "POST", body });

async function alertedIncident(): Promise<{ id: string; path: string; shortCode: string }> {
  const id = await centre.call();
  await classifyIncident(centre.api, id, {
    category: "medical",
    severity: "high",
    location: { text: "Pasar Bersehati" },
  });
  await centre.drain();
  const link = centre.sent[0]!.email.body.match(/https:\/\/\S+\/a\/\S+/)![0];
  return {
    id,
    path: link.slice(ACK_BASE.length),
    shortCode: (await readIncident(centre.api, id)).shortCode,
  };
}

describe("the acknowledgement link", () => {
  it("shows a small Indonesian page on GET, never indexed or cached, and changes nothing", async () => {
    const { id, path } = await alertedIncident();
    const page = await handleAckRequest(centre.ack, get(path));
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain('lang="id"');
    expect(page.body).toContain("PSC 119 Dinas Kesehatan Kota Manado");
    expect(page.body).toContain("Pasar Bersehati");
    expect(page.body).toContain('method="post"');
    for (let i = 0; i < 3; i++) await handleAckRequest(centre.ack, get(path));
    await centre.drain();
    expect((await readIncident(centre.api, id)).state).toBe("escalated");
    expect(centre.events.map((e) => e.type)).not.toContain("EscalationAcknowledged");
  });

  it("lets an agency skip ahead to resolved, never back, and reports each status once", async () => {
    const { id, path } = await alertedIncident();
    expect((await handleAckRequest(centre.ack, post(path, "status=resolved"))).body).toContain(
      "Tercatat: selesai ditangani",
    );
    const back = await handleAckRequest(centre.ack, post(path, "status=dispatched"));
    expect(back.body).toContain("Status sudah tercatat: selesai ditangani");
    await centre.drain();
    expect((await readIncident(centre.api, id)).state).toBe("resolved");
    const view = await handleCallTakerRequest(centre.api, {
      method: "GET",
      path: `/incidents/${id}`,
      headers: {},
      query: {},
      authorized: true,
      identity: { subject: "s-1", username: "sari", groups: ["supervisor"] },
    });
    expect(JSON.parse(view.body).agencyProgress).toEqual([
      expect.objectContaining({ agencyId: "psc119", status: "resolved", round: 0, step: 0 }),
    ]);
    expect(centre.events.filter((e) => e.type === "EscalationAcknowledged")).toHaveLength(1);
    expect(centre.events.filter((e) => e.type === "AgencyStatusReported")).toHaveLength(1);
  });

  it("refuses an expired link (410), a tampered one (403), one for another tenant, and garbage (404)", async () => {
    const { id, path, shortCode } = await alertedIncident();
    const expired = signAckToken(
      {
        tenant: "71.71",
        incidentId: id,
        shortCode,
        agencyId: "psc119",
        expiresAt: Math.floor(centre.now() / 1000) - 1,
      },
      SECRET,
    );
    expect(
      (await handleAckRequest(centre.ack, post(`/a/${expired}`, "status=acknowledged"))).statusCode,
    ).toBe(410);
    const tampered = path.slice(0, -3) + (path.endsWith("AAA") ? "BBB" : "AAA");
    expect((await handleAckRequest(centre.ack, post(tampered, "status=acknowledged"))).statusCode).toBe(403);
    const otherTenant = signAckToken(
      { tenant: "35.78", incidentId: id, shortCode, agencyId: "psc119", expiresAt: 4_000_000_000 },
      SECRET,
    );
    expect(
      (await handleAckRequest(centre.ack, post(`/a/${otherTenant}`, "status=acknowledged"))).statusCode,
    ).toBe(403);
    const otherAgency = path.replace(".psc119.", ".damkar.");
    expect((await handleAckRequest(centre.ack, post(otherAgency, "status=acknowledged"))).statusCode).toBe(
      403,
    );
    expect((await handleAckRequest(centre.ack, get("/a/%E0%A4%A"))).statusCode).toBe(404);
    await centre.drain();
    expect((await readIncident(centre.api, id)).state).toBe("escalated");
  });

  it("answers an unknown short code, an unknown agency and a bad signature the same way", async () => {
    // Reproduced first: an unknown code answered 404 and a known one with a bad signature 403.
    const { path } = await alertedIncident();
    const token = path.slice("/a/".length);
    const [code, agency, expiry, signature] = token.split(".");
    const badSignature = `${code}.${agency}.${expiry}.${signature!.startsWith("A") ? "B" : "A"}${signature!.slice(1)}`;
    const unknownCode = `${code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ"}.${agency}.${expiry}.${signature}`;
    const unknownAgency = `${code}.nobody.${expiry}.${signature}`;
    const answers = await Promise.all(
      [badSignature, unknownCode, unknownAgency].map((t) => handleAckRequest(centre.ack, get(`/a/${t}`))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it("accepts links signed before a rotation until they expire, and none after AWSPREVIOUS is removed", async () => {
    // Reproduced first: after PutSecretValue every old link answered "tidak sah" (403).
    const { id, path } = await alertedIncident();
    const rotated = {
      current: "a-brand-new-secret-of-kota-manado-0123",
      previous: SECRET,
      currentSince: centre.now() / 1000,
    };
    const afterRotation = { ...centre.ack, secret: { get: async () => rotated } };
    expect((await handleAckRequest(afterRotation, get(path))).statusCode).toBe(200);
    const revoked = { ...centre.ack, secret: { get: async () => ({ current: rotated.current }) } };
    expect((await handleAckRequest(revoked, get(path))).statusCode).toBe(403);
    expect((await handleAckRequest(afterRotation, post(path, "status=acknowledged"))).statusCode).toBe(200);
    expect((await readIncident(centre.api, id)).state).toBe("acknowledged");
  });

  it("answers every arbitrary request with an HTML page and a sensible status", async () => {
    const { path } = await alertedIncident();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "HEAD", "DELETE"),
        fc.oneof(
          fc.constant(path),
          fc.string().map((s) => `/a/${s}`),
          fc.string().map((s) => `/p/${s}`),
          fc.string(),
        ),
        fc.option(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              "status=acknowledged",
              '{"status":"dispatched"}',
              "status=x",
              "incident=x&status=resolved",
            ),
          ),
        ),
        async (method, p, body) => {
          const response = await handleAckRequest(centre.ack, { ...get(p), method, body: body ?? undefined });
          expect([200, 400, 403, 404, 405, 409, 410]).toContain(response.statusCode);
          expect(response.headers["content-type"]).toContain("text/html");
        },
      ),
      { numRuns: 120 },
    );
  });
});
