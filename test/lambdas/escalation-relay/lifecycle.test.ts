import { handleAckRequest } from "../../../lambdas/ack/ack-routes";
import { classifyIncident, readIncident } from "../../../lambdas/calltaker-api/operations";
import { ACK_BASE, startCentre, type TestCentre } from "../support/centre";
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

const fire = {
  category: "fire",
  severity: "critical",
  location: { text: "Jl. Sam Ratulangi No. 12" },
} as const;

/** The path of the first link under the ack base in a text (the board in an SMS). */
function linkPath(text: string, kind: "a" | "p"): string {
  const url = text.match(new RegExp(`${ACK_BASE}/${kind}/\\S+`))![0];
  return url.slice(ACK_BASE.length);
}

const post = (path: string, status: string) => ({
  method: "POST",
  path,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  query: {},
  body: `status=${status}`,
  authorized: false,
});

describe("the incident lifecycle", () => {
  it("alerts every agency the category routes to, once, with SMS and e-mail bodies", async () => {
    const id = await centre.call();
    await centre.drain();
    await classifyIncident(centre.api, id, fire);
    await centre.drain();
    expect(centre.sent.map((a) => [a.agencyId, a.contactId])).toEqual([
      ["damkar", "piket"],
      ["polresta", "piket"],
    ]);
    expect(centre.sent[0]!.sms).toContain("KEBAKARAN");
    expect(centre.sent[0]!.email.body).toContain("Jl. Sam Ratulangi No. 12");
    expect((await readIncident(centre.api, id)).state).toBe("escalated");
    expect(centre.events.map((e) => e.type)).toEqual([
      "IncidentReceived",
      "IncidentClassified",
      "IncidentOutcomeSet",
      "EscalationSent",
      "EscalationSent",
    ]);
  });

  it("re-escalates an unacknowledged agency through its steps and repeats, then stops", async () => {
    const id = await centre.call();
    await classifyIncident(centre.api, id, { ...fire, category: "crime" });
    await centre.drain();
    for (let minute = 0; minute < 60; minute++) {
      centre.advance(60_000);
      await centre.fireDue();
    }
    // Polresta: steps (piket) then (piket, kasat), repeated twice more: nine messages.
    expect(centre.sent.map((a) => `${a.about[0]!.round}.${a.about[0]!.step}:${a.contactId}`)).toEqual([
      "0.0:piket",
      "0.1:piket",
      "0.1:kasat",
      "1.0:piket",
      "1.1:piket",
      "1.1:kasat",
      "2.0:piket",
      "2.1:piket",
      "2.1:kasat",
    ]);
    expect(centre.sent[1]!.sms).toContain("ULANG");
    expect(centre.schedules.size).toBe(0);
  });

  it("stops re-escalation when the agency acknowledges by POST on the e-mail's link, and a GET changes nothing", async () => {
    const id = await centre.call();
    await classifyIncident(centre.api, id, { ...fire, category: "crime" });
    await centre.drain();
    const path = linkPath(centre.sent[0]!.email.body, "a");
    const page = await handleAckRequest(centre.ack, { ...post(path, "x"), method: "GET", body: undefined });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Konfirmasi terima");
    expect((await readIncident(centre.api, id)).state).toBe("escalated");

    const acked = await handleAckRequest(centre.ack, post(path, "acknowledged"));
    expect(acked.statusCode).toBe(200);
    expect(acked.body).toContain("Tercatat: dikonfirmasi");
    await centre.drain();
    expect(centre.cancelled).toHaveLength(1);
    for (let minute = 0; minute < 30; minute++) {
      centre.advance(60_000);
      await centre.fireDue();
    }
    expect(centre.sent).toHaveLength(1);
    expect((await readIncident(centre.api, id)).state).toBe("acknowledged");

    await handleAckRequest(centre.ack, post(path, "on-scene"));
    await centre.drain();
    expect((await readIncident(centre.api, id)).state).toBe("on-scene");
    const types = centre.events.map((e) => e.type);
    expect(types).toContain("EscalationAcknowledged");
    expect(centre.events.find((e) => e.type === "AgencyStatusReported")).toMatchObject({
      status: "on-scene",
      agency: "polresta",
    });
  });

  it("acknowledges from the duty board every SMS carries, one incident at a time", async () => {
    const first = await centre.call();
    const second = await centre.call("+6281200000999");
    await classifyIncident(centre.api, first, { ...fire, category: "crime" });
    await classifyIncident(centre.api, second, { ...fire, category: "crime" });
    await centre.drain();
    const board = linkPath(centre.sent[0]!.sms, "p");
    const page = await handleAckRequest(centre.ack, { ...post(board, "x"), method: "GET", body: undefined });
    expect(page.statusCode).toBe(200);
    for (const id of [first, second]) expect(page.body).toContain(`data-incident="${id}"`);
    const acked = await handleAckRequest(centre.ack, {
      ...post(board, "acknowledged"),
      body: `incident=${second}&status=acknowledged`,
    });
    expect(acked.statusCode).toBe(200);
    expect(acked.body).toContain("Tercatat: dikonfirmasi");
    expect((await readIncident(centre.api, second)).state).toBe("acknowledged");
    expect((await readIncident(centre.api, first)).state).toBe("escalated");
  });

  it("delivers exactly once per (incident, agency, step, contact) when SNS throttles, through the sweeper", async () => {
    const id = await centre.call();
    centre.failPublishes(3);
    await classifyIncident(centre.api, id, fire);
    await centre.drain();
    expect(centre.sent).toHaveLength(0);
    for (let i = 0; i < 10; i++) {
      centre.advance(60_000);
      await centre.fireDue();
      await import("../../../lambdas/reescalate/run-scheduled-task").then((m) =>
        m.runScheduledTask(centre.sender, { kind: "sweep" }),
      );
      await centre.drain();
    }
    const firstSteps = centre.sent.filter((a) => a.dedupKey.endsWith(":0:0:piket"));
    expect(firstSteps.map((a) => a.agencyId).sort()).toEqual(["damkar", "polresta"]);
  });
});
