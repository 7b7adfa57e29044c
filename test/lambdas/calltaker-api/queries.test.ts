/**
 * The call-taker's lists against dynalite: a state filter that fills its page whatever the other
 * states hold (the state is a key, not a filter after DynamoDB's Limit), opaque cursors refused
 * when they belong to another list, counts per state, filters past Limit, the call-back list and
 * the panel of alerts not acknowledged yet.
 */
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { recordCallAnswer } from "../../../lambdas/call-answer/record-answer";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { AgencyAlerts } from "../../../lambdas/items/agency-alerts";
import type { HttpRequest, RequestIdentity } from "../../../lambdas/shared/ports";
import { centrePerTest } from "../support/centre";

const t = centrePerTest();

const SUPERVISOR: RequestIdentity = { subject: "s-1", username: "sari", groups: ["supervisor"] };

async function get(path: string, query: Record<string, string> = {}, identity = SUPERVISOR) {
  const request: HttpRequest = { method: "GET", path, headers: {}, query, authorized: true, identity };
  const response = await handleCallTakerRequest(t.centre.api, request);
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

async function setState(incidentId: string, state: string): Promise<void> {
  await t.centre.api.db.send(
    new UpdateCommand({
      TableName: t.centre.tableName,
      Key: { pk: `INC#${incidentId}`, sk: "INCIDENT" },
      UpdateExpression: "SET #state = :state",
      ExpressionAttributeNames: { "#state": "state" },
      ExpressionAttributeValues: { ":state": state },
    }),
  );
}

/** `n` calls a minute apart; returns their ids, oldest first. */
async function calls(n: number, number?: (i: number) => string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(await t.centre.call(number ? number(i) : `+62812000${String(i).padStart(5, "0")}`));
    t.centre.advance(60_000);
  }
  return ids;
}

describe("the incident list", () => {
  it("fills a page of one state although newer incidents of other states come first", async () => {
    const acknowledged = await calls(6);
    for (const id of acknowledged) await setState(id, "acknowledged");
    await calls(8); // newer, still "received": a filter after Limit would have read only these

    const first = await get("/incidents", { state: "acknowledged", limit: "5" });
    expect(first.status).toBe(200);
    expect(first.body.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual(
      [...acknowledged].reverse().slice(0, 5),
    );
    expect(typeof first.body.nextCursor).toBe("string");
    const second = await get("/incidents", {
      state: "acknowledged",
      limit: "5",
      cursor: first.body.nextCursor,
    });
    expect(second.body.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([acknowledged[0]]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it("pages through a whole day with cursors, each incident once, newest first", async () => {
    const ids = await calls(7);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await get("/incidents", { limit: "3", ...(cursor ? { cursor } : {}) });
      seen.push(...page.body.incidents.map((i: { incidentId: string }) => i.incidentId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it("refuses a cursor of another list or a made-up one, naming the cursor parameter", async () => {
    await calls(3);
    const dayPage = await get("/incidents", { limit: "1" });
    const wrongList = await get("/incidents", {
      state: "received",
      limit: "1",
      cursor: dayPage.body.nextCursor,
    });
    expect(wrongList.status).toBe(400);
    expect(wrongList.body.problems[0].field).toBe("cursor");
    expect(wrongList.body.message).toContain("not a cursor of this list");
    const otherDay = await get("/incidents", {
      day: "2026-11-26",
      limit: "1",
      cursor: dayPage.body.nextCursor,
    });
    expect(otherDay.body.message).toContain("from another list");
    const forged = Buffer.from(
      '1.{"pk":"RATE#x","sk":"RATE","dayPk":"DAY#2026-11-27","receivedAt":"x"}',
    ).toString("base64url");
    const madeUp = await get("/incidents", { limit: "1", cursor: forged });
    expect(madeUp.status).toBe(400);
    expect(madeUp.body.message).toContain('cursor "');
    const garbage = await get("/incidents", { limit: "1", cursor: "not a cursor!" });
    expect(garbage.body.problems[0].field).toBe("cursor");
  });

  it("counts the day's incidents per state", async () => {
    const ids = await calls(5);
    await setState(ids[0]!, "closed");
    await setState(ids[1]!, "abandoned");
    const counts = await get("/incidents/counts");
    expect(counts.body).toMatchObject({ day: "2026-11-27", total: 5 });
    expect(counts.body.byState).toMatchObject({ received: 3, closed: 1, abandoned: 1, escalated: 0 });
  });

  it("filters on caller flags and how the call went, past DynamoDB's Limit", async () => {
    // Three calls from one number (repeat caller) among many from distinct numbers.
    const repeat = await calls(3, () => "+6281299990000");
    await calls(30);
    const answered = repeat[2]!;
    await recordCallAnswer(
      { dynamodb: t.centre.intake.dynamodb, tableName: t.centre.tableName, log: () => {} },
      {
        kind: "answered",
        contactId: answered,
        initiatedAt: "2026-11-27T13:02:00.000Z",
        answeredAt: "2026-11-27T13:02:05.000Z",
      },
    );
    await t.centre.drain();
    const flagged = await get("/incidents", { flag: "repeat", limit: "2" });
    expect(flagged.body.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([
      repeat[2],
      repeat[1],
    ]);
    expect(flagged.body.incidents[0]).toMatchObject({ repeatCaller: true });
    const answeredOnly = await get("/incidents", { call: "answered" });
    expect(answeredOnly.body.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([answered]);
  });
});

describe("the call-back list", () => {
  it("lists abandoned calls with a number until a call-back reaches the caller", async () => {
    const [withNumber] = await calls(1);
    const noSim = await t.centre.call("");
    const deps = { dynamodb: t.centre.intake.dynamodb, tableName: t.centre.tableName, log: () => {} };
    for (const id of [withNumber!, noSim])
      await recordCallAnswer(deps, {
        kind: "abandoned",
        contactId: id,
        initiatedAt: "2026-11-27T13:00:00.000Z",
        hungUpAt: "2026-11-27T13:00:30.000Z",
      });
    const list = await get("/callbacks");
    expect(list.body.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([withNumber]);
    const noNumber = await get("/incidents", { flag: "no-number" });
    expect(noNumber.body.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([noSim]);
    expect(list.body.incidents[0]).toMatchObject({ state: "abandoned", callbackDue: true });
    const noSimIncident = await get(`/incidents/${noSim}`);
    expect(noSimIncident.body).toMatchObject({ state: "abandoned", noNumber: true });

    const post = (result: string) =>
      handleCallTakerRequest(t.centre.api, {
        method: "POST",
        path: `/incidents/${withNumber}/callbacks`,
        headers: {},
        query: {},
        body: JSON.stringify({ result }),
        authorized: true,
        identity: { subject: "c-1", username: "rina", groups: ["call-taker"] },
      });
    expect((await post("no-answer")).statusCode).toBe(200);
    expect((await get("/callbacks")).body.incidents).toHaveLength(1);
    const reached = JSON.parse((await post("reached")).body);
    expect(reached.callbacks.map((a: { result: string; by: string }) => [a.result, a.by])).toEqual([
      ["no-answer", "rina"],
      ["reached", "rina"],
    ]);
    expect((await get("/callbacks")).body.incidents).toEqual([]);
    // A call without a number cannot be called back.
    const refused = await handleCallTakerRequest(t.centre.api, {
      method: "POST",
      path: `/incidents/${noSim}/callbacks`,
      headers: {},
      query: {},
      body: JSON.stringify({ result: "reached" }),
      authorized: true,
      identity: SUPERVISOR,
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe("the panel of alerts not acknowledged", () => {
  it("lists each agency's open alerts with its round, marks the overdue ones, and drops acknowledged ones", async () => {
    const [id] = await calls(1);
    const classify = await handleCallTakerRequest(t.centre.api, {
      method: "POST",
      path: `/incidents/${id}/classification`,
      headers: {},
      query: {},
      body: JSON.stringify({ category: "fire", severity: "high", location: { text: "Pasar 45" } }),
      authorized: true,
      identity: SUPERVISOR,
    });
    expect(classify.statusCode).toBe(200);
    await t.centre.drain();
    const open = await get("/alerts", { open: "true" });
    const damkar = open.body.agencies.find((a: { agencyId: string }) => a.agencyId === "damkar");
    expect(damkar.alerts).toEqual([
      expect.objectContaining({ incidentId: id, round: 0, step: 0, overdue: false, category: "fire" }),
    ]);
    expect(damkar.alerts[0].shortCode).toMatch(/^[2-9A-Z]{6}$/);
    // Damkar's second step comes 3 minutes later: by then the first step is overdue.
    t.centre.advance(3 * 60_000);
    const later = await get("/alerts", { open: "true" });
    expect(
      later.body.agencies.find((a: { agencyId: string }) => a.agencyId === "damkar").alerts[0].overdue,
    ).toBe(true);
    // The agency acknowledges (the acknowledgement function's write): its alert leaves the panel.
    const alerts = new AgencyAlerts(t.centre.api);
    expect(
      await alerts.report((await alerts.get(id!, "damkar"))!, "acknowledged", "2026-11-27T13:04:00.000Z"),
    ).toBe(true);
    const after = await get("/alerts", { open: "true" });
    expect(after.body.agencies.map((a: { agencyId: string }) => a.agencyId)).not.toContain("damkar");
  });
});
