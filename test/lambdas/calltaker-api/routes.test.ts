import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { type CallTakerDeps, handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import type { HttpRequest } from "../../../lambdas/shared/ports";
import { startCentre, type TestCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";

let db: TestTable;
let centre: TestCentre;
let api: CallTakerDeps;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());
beforeEach(async () => {
  centre = await startCentre(db);
  api = { ...centre.api, localApiKey: "local-key-123" };
});

function request(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): HttpRequest {
  return {
    method,
    path,
    headers: { "x-siaga112-key": "local-key-123", ...headers },
    query: {},
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    authorized: false,
    identity: { subject: "local:rina", username: "rina", groups: ["call-taker"] },
  };
}
const parse = (body: string) => JSON.parse(body);

describe("the call-taker API", () => {
  it("refuses a request without the local key, and accepts an authorized one in the cloud", async () => {
    const denied = await handleCallTakerRequest(
      api,
      request("GET", "/incidents", undefined, { "x-siaga112-key": "wrong" }),
    );
    expect(denied.statusCode).toBe(401);
    const cloud = await handleCallTakerRequest(centre.api, {
      ...request("GET", "/incidents"),
      authorized: true,
    });
    expect(cloud.statusCode).toBe(200);
    const anonymous = await handleCallTakerRequest(centre.api, request("GET", "/incidents"));
    expect(anonymous.statusCode).toBe(401);
    // An authorizer that passed no claims says nobody: refused, whatever the route.
    const nobody = await handleCallTakerRequest(centre.api, {
      ...request("GET", "/incidents"),
      authorized: true,
      identity: undefined,
    });
    expect(nobody.statusCode).toBe(401);
  });

  it("lists today's incidents newest first and reads one, without internal keys", async () => {
    const first = await centre.call();
    centre.advance(60_000);
    const second = await centre.call("+6281200001111");
    const list = await handleCallTakerRequest(api, request("GET", "/incidents"));
    expect(parse(list.body).incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([
      second,
      first,
    ]);
    const one = await handleCallTakerRequest(api, request("GET", `/incidents/${first}`));
    expect(parse(one.body)).toMatchObject({
      incidentId: first,
      state: "received",
      callerNumber: "+6281234567890",
    });
    expect(parse(one.body)).not.toHaveProperty("pk");
    expect(parse(one.body)).not.toHaveProperty("callerKey");
    expect((await handleCallTakerRequest(api, request("GET", "/incidents/nope"))).statusCode).toBe(404);
  });

  it("answers 400 naming every bad field, its value and what is accepted", async () => {
    const id = await centre.call();
    const response = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/classification`, {
        category: "flood",
        severity: "high",
        location: { text: "", lat: 45 },
      }),
    );
    expect(response.statusCode).toBe(400);
    const body = parse(response.body);
    expect(body.problems.map((p: { field: string }) => p.field)).toEqual([
      "category",
      "location.text",
      "location.lat",
    ]);
    expect(body.message).toContain('category "flood": expected one of "medical", "fire"');
    expect(body.message).toContain('location.text "": expected at least 3 characters');
    expect(body.message).toContain("location.lat 45: expected at most 6.5");
    const notJson = await handleCallTakerRequest(api, request("POST", `/incidents/${id}/outcome`, "{oops"));
    expect(parse(notJson.body).message).toContain("expected a JSON object");
  });

  it("classifies, then refuses an illegal change with 409 naming the states", async () => {
    const id = await centre.call();
    const ok = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/classification`, {
        category: "medical",
        severity: "high",
        location: { text: "Pasar Bersehati", lat: 1.49, lon: 124.84 },
      }),
    );
    expect(ok.statusCode).toBe(200);
    expect(parse(ok.body)).toMatchObject({ state: "classified", agencies: ["psc119"] });
    const prank = await handleCallTakerRequest(api, request("POST", `/incidents/${id}/close`, {}));
    expect(prank.statusCode).toBe(200);
    const reopen = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/outcome`, { outcome: "prank" }),
    );
    expect(reopen.statusCode).toBe(409);
    expect(parse(reopen.body).message).toContain('cannot go from "closed" to "closed"');
  });

  it("keeps an answer time recorded between the call-taker's read and write", async () => {
    const id = await centre.call();
    const real = api.db;
    let answered = false;
    // The call-answer function writes right after the call-taker's read, without bumping the version.
    const racingDb = {
      async send(command: { constructor: { name: string } }) {
        const result = await (real.send as (c: unknown) => Promise<unknown>)(command);
        if (command.constructor.name === "GetCommand" && !answered) {
          answered = true;
          await real.send(
            new UpdateCommand({
              TableName: api.tableName,
              Key: { pk: `INC#${id}`, sk: "INCIDENT" },
              UpdateExpression: "SET answeredAt = :at, answerSeconds = :s",
              ExpressionAttributeValues: { ":at": "2026-11-28T01:00:07.000Z", ":s": 7 },
            }),
          );
        }
        return result;
      },
    } as unknown as typeof real;
    const response = await handleCallTakerRequest(
      { ...api, db: racingDb },
      request("POST", `/incidents/${id}/classification`, {
        category: "fire",
        severity: "high",
        location: { text: "Pasar 45" },
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(answered).toBe(true);
    const { Item } = await real.send(
      new GetCommand({ TableName: api.tableName, Key: { pk: `INC#${id}`, sk: "INCIDENT" } }),
    );
    expect(Item).toMatchObject({
      category: "fire",
      answeredAt: "2026-11-28T01:00:07.000Z",
      answerSeconds: 7,
    });
  });

  it("closes a prank call without alerting anyone, and flags the number's next call", async () => {
    const id = await centre.call("+6281277770000");
    const response = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/outcome`, { outcome: "prank" }),
    );
    expect(parse(response.body)).toMatchObject({ state: "closed", outcome: "prank" });
    await centre.drain();
    expect(centre.sent).toEqual([]);
    centre.advance(3600_000);
    const next = await (await import("../../../lambdas/intake/record-call")).recordCall(
      centre.intake,
      (await import("../support/tenant")).contactFlowEvent("next-call-1", "+6281277770000"),
    );
    expect(next).toMatchObject({ suspectedPrank: "true", repeatCaller: "true" });
    expect(centre.events.map((e) => e.type)).toEqual([
      "IncidentReceived",
      "IncidentOutcomeSet",
      "IncidentClosed",
    ]);
  });

  it("refuses to close a received incident without a non-emergency outcome", async () => {
    const id = await centre.call();
    const response = await handleCallTakerRequest(api, request("POST", `/incidents/${id}/close`, {}));
    expect(response.statusCode).toBe(400);
    expect(parse(response.body).message).toContain("outcome missing");
  });

  it("answers 500 without throwing when the table fails", async () => {
    const broken = { ...api, tableName: "no-such-table" };
    const response = await handleCallTakerRequest(broken, request("GET", "/incidents/abc"));
    expect(response.statusCode).toBe(500);
    expect(centre.logs.some((l) => l.level === "ERROR")).toBe(true);
  });

  it("keeps new notes given with the same classification, and refuses another classification", async () => {
    // Reproduced first: the second POST answered 200 and the notes were silently dropped.
    const id = await centre.call();
    const fire = { category: "fire", severity: "high", location: { text: "Jl. Sam Ratulangi 12" } };
    await handleCallTakerRequest(api, request("POST", `/incidents/${id}/classification`, fire));
    const again = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/classification`, {
        ...fire,
        notes: "Tiga rumah, satu lansia terjebak",
      }),
    );
    expect(again.statusCode).toBe(200);
    expect(parse(again.body).notes).toBe("Tiga rumah, satu lansia terjebak");
    const stored = await handleCallTakerRequest(api, request("GET", `/incidents/${id}`));
    expect(parse(stored.body).notes).toBe("Tiga rumah, satu lansia terjebak");
    const other = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/classification`, { ...fire, category: "medical" }),
    );
    expect(other.statusCode).toBe(409);
  });

  it("echoes at most a short part of a huge bad value, so the answer stays small", async () => {
    // Reproduced first: a 4 MB field made an 8 MB error body, over Lambda's 6 MB response limit.
    const id = await centre.call();
    const huge = "x".repeat(4 * 1024 * 1024);
    const response = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/classification`, {
        category: huge,
        severity: "high",
        location: { text: huge },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body.length).toBeLessThan(2048);
    const body = parse(response.body);
    expect(body.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      "category",
      "location.text",
    ]);
    expect(body.message).toContain(`(${huge.length} characters)`);
    const notJson = await handleCallTakerRequest(
      api,
      request("POST", `/incidents/${id}/classification`, huge),
    );
    expect(notJson.body.length).toBeLessThan(1024);
  });

  it("answers every arbitrary request with a well-formed JSON response", async () => {
    const id = await centre.call();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "get"),
        fc.oneof(
          fc.constantFrom(
            "/incidents",
            `/incidents/${id}`,
            `/incidents/${id}/classification`,
            `/incidents/${id}/outcome`,
            `/incidents/${id}/close`,
          ),
          fc.string(),
        ),
        fc.oneof(
          fc.constant(undefined),
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ category: "fire", severity: "high", location: v })),
        ),
        fc.dictionary(fc.constantFrom("day", "limit", "state"), fc.string()),
        async (method, path, body, query) => {
          const response = await handleCallTakerRequest(api, { ...request(method, path), body, query });
          expect(response.statusCode).toBeGreaterThanOrEqual(200);
          expect(response.statusCode).toBeLessThan(600);
          expect(response.statusCode).not.toBe(500);
          expect(() => JSON.parse(response.body)).not.toThrow();
        },
      ),
      { numRuns: 150 },
    );
  });
});
