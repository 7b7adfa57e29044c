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

function ackPath(sms: string): string {
  const url = sms.slice(sms.indexOf(ACK_BASE));
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
    expect(centre.sent.map((a) => [a.agencyId, a.contacts])).toEqual([
      ["damkar", ["piket"]],
      ["polresta", ["piket"]],
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
    // Polresta: steps (piket) then (piket, kasat), repeated twice more: six alerts.
    expect(centre.sent.map((a) => a.contacts.join("+"))).toEqual([
      "piket",
      "piket+kasat",
      "piket",
      "piket+kasat",
      "piket",
      "piket+kasat",
    ]);
    expect(centre.sent[1]!.sms).toContain("ULANG");
    expect(centre.schedules.size).toBe(0);
  });

  it("stops re-escalation when the agency acknowledges by POST, and a GET changes nothing", async () => {
    const id = await centre.call();
    await classifyIncident(centre.api, id, { ...fire, category: "crime" });
    await centre.drain();
    const path = ackPath(centre.sent[0]!.sms);
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

  it("delivers exactly once per (incident, agency, step) when SNS throttles, through the sweeper", async () => {
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
    const firstSteps = centre.sent.filter((a) => a.dedupKey.endsWith(":0:0"));
    expect(firstSteps.map((a) => a.agencyId).sort()).toEqual(["damkar", "polresta"]);
  });
});
