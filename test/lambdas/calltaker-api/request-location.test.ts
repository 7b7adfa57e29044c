import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { parseLocationToken, verifyLocationToken } from "../../../domain/location-link";
import { gsm7Segments, isGsm7 } from "../../../domain/messages-gsm7";
import { classifyIncident, closeIncident, readIncident } from "../../../lambdas/calltaker-api/operations";
import { type CallTakerDeps, handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { recordCall } from "../../../lambdas/intake/record-call";
import type { HttpRequest } from "../../../lambdas/shared/ports";
import { LOCATION_BASE, SECRET, startCentre, type TestCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";
import { contactFlowEvent } from "../support/tenant";

let db: TestTable;
let centre: TestCentre;
let api: CallTakerDeps;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());
beforeEach(async () => {
  centre = await startCentre(db);
  api = centre.api;
});

const request = (method: string, path: string): HttpRequest => ({
  method,
  path,
  headers: {},
  query: {},
  authorized: true,
  identity: { subject: "test:petugas", username: "petugas", groups: ["call-taker"] },
});
const ask = (id: string) => handleCallTakerRequest(api, request("POST", `/incidents/${id}/location-request`));
const read = async (id: string) =>
  JSON.parse((await handleCallTakerRequest(api, request("GET", `/incidents/${id}`))).body);

describe("POST /incidents/{id}/location-request", () => {
  it("sends the caller one short SMS with a link signed for this tenant and incident only", async () => {
    const id = await centre.call("+6281234567890");
    const answer = await ask(id);
    expect(answer.statusCode).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({
      incidentId: id,
      status: "sent",
      requestedAt: "2026-11-27T13:00:00.000Z",
      linkExpiresAt: "2026-11-27T14:00:00.000Z",
      to: "+62*********90",
      requestsLeft: 2,
      message:
        "SMS permintaan lokasi dikirim ke +62*********90. Tautan berlaku sampai 27/11/2026 22:00 WITA.",
    });
    expect(centre.callerSms).toHaveLength(1);
    const sms = centre.callerSms[0]!;
    expect(sms.to).toBe("+6281234567890");
    expect(isGsm7(sms.text) && gsm7Segments(sms.text) <= 2).toBe(true);
    const shortCode = (await readIncident(centre.api, id)).shortCode;
    expect(sms.text).toContain(`insiden #${shortCode}`);
    const token = sms.text.slice(sms.text.indexOf(`${LOCATION_BASE}/l/`) + LOCATION_BASE.length + 3);
    const parsed = parseLocationToken(token)!;
    expect(
      verifyLocationToken(
        parsed,
        { tenant: "71.71", incidentId: id },
        { current: SECRET },
        Date.parse("2026-11-27T13:59:59Z") / 1000,
      ),
    ).toBe("valid");
    expect(verifyLocationToken(parsed, { tenant: "35.78", incidentId: id }, { current: SECRET }, 0)).toBe(
      "bad-signature",
    );
  });

  it("refuses a caller without a number, with the reason in Bahasa Indonesia", async () => {
    const id = randomUUID();
    await recordCall(centre.intake, contactFlowEvent(id));
    const answer = await ask(id);
    expect(answer.statusCode).toBe(409);
    expect(JSON.parse(answer.body)).toEqual({
      error: "location-request-refused",
      reason: "no-caller-number",
      message: expect.stringContaining("tanpa nomor"),
    });
    expect((await read(id)).locationRequest).toEqual({
      allowed: false,
      sent: 0,
      max: 3,
      reason: "no-caller-number",
      message: expect.stringContaining("tanpa kartu SIM"),
    });
    expect(centre.callerSms).toEqual([]);
  });

  it("refuses on a closed incident", async () => {
    const id = await centre.call();
    await closeIncident(centre.api, id, "prank");
    const answer = await ask(id);
    expect([answer.statusCode, JSON.parse(answer.body).reason]).toEqual([409, "closed"]);
  });

  it("allows one SMS a minute and three per incident", async () => {
    const id = await centre.call();
    expect((await ask(id)).statusCode).toBe(202);
    centre.advance(20_000);
    const soon = await ask(id);
    expect(soon.statusCode).toBe(429);
    expect(soon.headers["retry-after"]).toBe("40");
    expect(JSON.parse(soon.body)).toMatchObject({ reason: "too-soon", retryAfterSeconds: 40 });
    centre.advance(40_000);
    expect((await ask(id)).statusCode).toBe(202);
    centre.advance(60_000);
    expect(JSON.parse((await ask(id)).body).requestsLeft).toBe(0);
    centre.advance(600_000);
    const limit = await ask(id);
    expect([limit.statusCode, JSON.parse(limit.body).reason]).toEqual([429, "limit-reached"]);
    expect(centre.callerSms).toHaveLength(3);
    expect((await read(id)).locationRequest).toMatchObject({
      allowed: false,
      sent: 3,
      reason: "limit-reached",
    });
  });

  it("sends one SMS when two call-takers press at the same moment", async () => {
    const id = await centre.call();
    const answers = await Promise.all([ask(id), ask(id), ask(id)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 429, 429]);
    expect(centre.callerSms).toHaveLength(1);
  });

  it("takes a request back when SNS refuses the SMS, and logs neither the number nor SNS's message", async () => {
    const id = await centre.call("+6281234567890");
    centre.failCallerSms(1);
    const failed = await ask(id);
    expect(failed.statusCode).toBe(502);
    expect(JSON.parse(failed.body).message).toBe(
      "SMS permintaan lokasi gagal dikirim. Coba lagi sebentar lagi.",
    );
    expect((await read(id)).locationRequest).toMatchObject({ allowed: true, sent: 0 });
    expect((await ask(id)).statusCode).toBe(202);
    expect(JSON.stringify(centre.logs)).not.toContain("81234567890");
    expect(centre.logs.map((l) => l.fields?.to).filter(Boolean)).toEqual([
      "+62*********90",
      "+62*********90",
    ]);
  });

  it("does not bump the version: the call-taker's next write goes through, and retention is unchanged", async () => {
    const id = await centre.call();
    const key = { pk: `INC#${id}`, sk: "INCIDENT" };
    const before = (await db.doc.send(new GetCommand({ TableName: centre.tableName, Key: key }))).Item!;
    expect((await ask(id)).statusCode).toBe(202);
    const after = (await db.doc.send(new GetCommand({ TableName: centre.tableName, Key: key }))).Item!;
    expect([after.version, after.expiresAt]).toEqual([before.version, before.expiresAt]);
    const classified = await classifyIncident(centre.api, id, {
      category: "fire",
      severity: "high",
      location: { text: "Jl. Sam Ratulangi 12" },
    });
    expect(classified.state).toBe("classified");
    expect((await readIncident(centre.api, id)).locationRequests).toHaveLength(1);
  });

  it("answers 404 for an unknown incident and 503 where sending is not set up", async () => {
    expect((await ask(randomUUID())).statusCode).toBe(404);
    const id = await centre.call();
    const bare = await handleCallTakerRequest(
      { ...api, location: undefined },
      request("POST", `/incidents/${id}/location-request`),
    );
    expect(bare.statusCode).toBe(503);
  });
});
