import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { incidentKey } from "../../domain/incident-table";
import { type LocalCentre, startLocalCentre } from "../../local/centre";

let centre: LocalCentre;
beforeAll(async () => {
  centre = await startLocalCentre({ port: 0 });
});
afterAll(() => centre.stop());

const post = (path: string, body: unknown) =>
  fetch(`${centre.url}${path}`, { method: "POST", body: JSON.stringify(body) });

describe("local centre", () => {
  it("runs every tenant of tenants/ and serves the landing page, dashboard, console and inbox", async () => {
    expect([...centre.tenants.keys()]).toEqual(["31", "35.78", "71.71"]);
    for (const page of [`${centre.url}/`, ...Object.values(centre.pages)]) {
      const response = await fetch(page);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('lang="id"');
    }
  });

  it("places a call through the tenant's flow and records the incident with the real intake", async () => {
    const response = await post("/local/calls", {
      tenant: "31",
      inputs: ["2"],
      callerNumber: "+6281234567890",
    });
    const report = await response.json();
    expect(report).toMatchObject({ outcome: "queued", humanReached: true, category: "fire" });
    expect(report.transcript[0].text).toContain("kebakaran dua");
    const stored = await centre.dynamo.documents.send(
      new GetCommand({
        TableName: centre.tenants.get("31")!.tableName,
        Key: incidentKey(report.incident.incidentId),
      }),
    );
    expect(stored.Item).toMatchObject({ state: "received", shortCode: report.incident.shortCode });
  });

  it("records a call the flow sent to the backup centre as such, not as a new incident for ever", async () => {
    const report = await (
      await post("/local/calls", { tenant: "71.71", callerNumber: "+6281234560000", queue: "full" })
    ).json();
    expect(report.outcome).toBe("answered-by-number");
    const stored = await centre.dynamo.documents.send(
      new GetCommand({
        TableName: centre.tenants.get("71.71")!.tableName,
        Key: incidentKey(report.incident.incidentId),
        ConsistentRead: true,
      }),
    );
    expect(stored.Item).toMatchObject({ state: "overflowed", overflowedAt: expect.any(String) });
  });

  it("rings a queued call at an open console until someone answers it there", async () => {
    const key = { "x-siaga112-key": centre.apiKey, "x-siaga112-user": "rina" };
    const events = async (after = 0) =>
      (await (
        await fetch(`${centre.url}/local/phone/events?tenant=71.71&after=${after}`, { headers: key })
      ).json()) as {
        events: { type: string; contactId: string; seq: number }[];
        last: number;
      };
    const { last } = await events(); // a console polls: the tenant has a console online
    const call = post("/local/calls", { tenant: "71.71", callerNumber: "+6281234561111" });
    let ringing: { contactId: string } | undefined;
    while (!ringing) ringing = (await events(last)).events.find((e) => e.type === "ringing");
    const answer = await fetch(`${centre.url}/local/phone/answer`, {
      method: "POST",
      headers: key,
      body: JSON.stringify({ tenant: "71.71", contactId: ringing.contactId }),
    });
    expect(answer.status).toBe(200);
    const report = await (await call).json();
    expect(report).toMatchObject({ contactId: ringing.contactId, answer: { kind: "answered" } });
    const noKey = await fetch(`${centre.url}/local/phone/events?tenant=71.71`);
    expect(noKey.status).toBe(401);
  });

  it("explores a menu in a dry run without recording anything", async () => {
    const report = await (await post("/local/calls", { tenant: "31", dryRun: true })).json();
    expect(report.awaitingInput).toBe(true);
    expect(report.incident).toBeUndefined();
  });

  it("answers an unknown tenant or a bad key with an error naming it", async () => {
    const unknown = await post("/local/calls", { tenant: "99.99" });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toContain('tenant "99.99"');
    const badNumber = await post("/local/calls", { tenant: "31", callerNumber: "0812-345" });
    expect(badNumber.status).toBe(400);
    expect((await badNumber.json()).error).toContain('callerNumber "0812-345": an E.164 number');
    const badKey = await post("/local/calls", { tenant: "31", inputs: ["22"] });
    expect(badKey.status).toBe(400);
    expect((await badKey.json()).error).toContain('input "22"');
  });

  it("serves the dashboard's views under the relative api/, naming the local kab/kota", async () => {
    await centre.settled();
    const response = await fetch(`${centre.url}/dashboard/api/dashboard`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.areas.provinces).toHaveLength(38);
    const live = body.areas.provinces.flatMap(
      (p: { tenants: { code: string; name: string }[] }) => p.tenants,
    );
    expect(live).toContainEqual({ code: "31", name: "DKI Jakarta" }); // called in an earlier test
    expect(body.measures).toEqual({ overflow: true });
  });

  it("records a call sent to the backup centre when the queue is full, and the dashboard counts it", async () => {
    const overflowed = async () =>
      (
        (await (await fetch(`${centre.url}/dashboard/api/statistics`)).json()) as {
          national: { overflowed: number };
        }
      ).national.overflowed;
    await centre.settled();
    const before = await overflowed();
    const full = await (await post("/local/calls", { tenant: "35.78", inputs: [""], queue: "full" })).json();
    expect(full.outcome).toBe("answered-by-number");
    await centre.settled();
    expect((await overflowed()) - before).toBe(1);
  });

  it("answers queued calls after the queue wait, or records the caller giving up, and the dashboard counts both", async () => {
    type National = { answered: number; abandoned: number; cocom: { averageAnswerSeconds: number | null } };
    const national = async () =>
      ((await (await fetch(`${centre.url}/dashboard/api/statistics`)).json()) as { national: National })
        .national;
    await centre.settled();
    const before = await national();

    const answered = await (
      await post("/local/calls", { tenant: "71.71", inputs: ["2"], queueWaitSeconds: 6 })
    ).json();
    expect(answered.answer).toEqual({ kind: "answered", seconds: expect.any(Number) });
    expect(answered.answer.seconds).toBeCloseTo(answered.elapsedSeconds + 6, 1);
    expect(answered.transcript.at(-1).text).toContain("Petugas 112 menjawab setelah");

    const gaveUp = await (
      await post("/local/calls", {
        tenant: "71.71",
        inputs: ["2"],
        queueWaitSeconds: 90,
        hangUpInQueueAfterSeconds: 30,
      })
    ).json();
    expect(gaveUp).toMatchObject({ humanReached: false, answer: { kind: "abandoned" } });
    expect(gaveUp.answer.seconds).toBeCloseTo(gaveUp.elapsedSeconds + 30, 1);
    const stored = await centre.dynamo.documents.send(
      new GetCommand({
        TableName: centre.tenants.get("71.71")!.tableName,
        Key: incidentKey(gaveUp.incident.incidentId),
      }),
    );
    expect(stored.Item).toMatchObject({ abandonSeconds: gaveUp.answer.seconds });

    await centre.settled();
    const after = await national();
    expect(after.answered - before.answered).toBe(1);
    expect(after.abandoned - before.abandoned).toBe(1);
    expect(after.cocom.averageAnswerSeconds).not.toBeNull();
  });

  it("records how long a simulated call-taker talked, which the statistics keep as handling time", async () => {
    const talked = await (
      await post("/local/calls", { tenant: "35.78", inputs: ["2"], queueWaitSeconds: 3, talkSeconds: 75 })
    ).json();
    const stored = await centre.dynamo.documents.send(
      new GetCommand({
        TableName: centre.tenants.get("35.78")!.tableName,
        Key: incidentKey(talked.incident.incidentId),
        ConsistentRead: true,
      }),
    );
    expect(stored.Item).toMatchObject({ handleSeconds: 75, endedAt: expect.any(String) });
    await centre.settled();
    const body = (await (await fetch(`${centre.url}/dashboard/api/statistics?tenant=35.78`)).json()) as {
      national: { handled: number; averageHandleSeconds: number | null };
    };
    expect(body.national.handled).toBeGreaterThanOrEqual(1);
    expect(body.national.averageHandleSeconds).not.toBeNull();
    expect((await post("/local/calls", { tenant: "35.78", talkSeconds: -4 })).status).toBe(400);
  });

  it("does not serve files outside web/", async () => {
    expect((await fetch(`${centre.url}/dashboard/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
