/**
 * Delivering outbox entries: first alerts never wait behind a rate limit, reminders over it are
 * held (a state of their own, not sent), and what a message says is read from the incident at
 * send time (the caller's number is never copied into the outbox; a position the caller shared
 * through the location link after classification goes out with the next step).
 */
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { classifyIncident, closeIncident } from "../../../lambdas/calltaker-api/operations";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { OutboxEntries } from "../../../lambdas/items/outbox-entries";
import { handleLocationRequest } from "../../../lambdas/location/location-routes";
import { centrePerTest, LOCATION_BASE } from "../support/centre";

const t = centrePerTest();

const crime = { category: "crime", severity: "high", location: { text: "Pasar Bersehati" } } as const;
const fire = { ...crime, category: "fire", severity: "critical" } as const;

async function classified(number: string, classification: Parameters<typeof classifyIncident>[2] = fire) {
  const id = await t.centre.call(number);
  await classifyIncident(t.centre.api, id, classification);
  await t.centre.drain();
  return id;
}

describe("delivering escalations", () => {
  it("sends the first alert of every incident to every agency at once, whatever the contact got before", async () => {
    // Reproduced first: the second and third fires' first alerts were held a minute behind the limit.
    for (let i = 0; i < 3; i++) {
      const id = await classified(`+6281200005${String(i).padStart(3, "0")}`);
      const firsts = t.centre.sent.filter(
        (a) =>
          a.about.some((s) => s.incidentId === id && s.round === 0 && s.step === 0) && a.about.length === 1,
      );
      expect(firsts.map((a) => `${a.agencyId}:${a.contactId}`).sort()).toEqual([
        "damkar:piket",
        "polresta:piket",
      ]);
    }
    expect(t.centre.metrics.get("EscalationHeld")).toBeUndefined();
    expect(t.centre.metrics.get("EscalationSent")).toBe(6);
  });

  it("holds a reminder over the contact's limit as held, not sent, and counts it as held until its digest goes", async () => {
    // Reproduced first: the held entry was marked `sent` and counted in EscalationSent.
    const a = await classified("+6281200006001", crime);
    const b = await classified("+6281200006002", crime);
    t.centre.advance(5 * 60_000);
    await t.centre.fireDue(); // step 2 of both: kasat gets a's reminder, b's waits (1 a minute)
    const outbox = new OutboxEntries(t.centre.sender);
    const kasatOf = (id: string) =>
      outbox.get({ incidentId: id, agencyId: "polresta", round: 0, step: 1, contactId: "kasat" });
    expect(await kasatOf(a)).toMatchObject({ status: "sent", via: "alert", messageId: expect.any(String) });
    expect(await kasatOf(b)).toMatchObject({ status: "held" });
    expect(t.centre.metrics.get("EscalationHeld")).toBeGreaterThanOrEqual(1);
    const sentBefore = t.centre.metrics.get("EscalationSent")!;
    expect(
      t.centre.events.filter((e) => e.type === "EscalationSent" && e.incidentId === b && e.step === 1),
    ).toHaveLength(
      // piket's reminder of b may be held too; only what went out is an event.
      t.centre.sent.some((m) => m.about.some((s) => s.incidentId === b && s.step === 1)) ? 1 : 0,
    );
    t.centre.advance(61_000);
    await t.centre.fireDue();
    expect(await kasatOf(b)).toMatchObject({ status: "sent", via: "digest" });
    expect(t.centre.metrics.get("EscalationSent")).toBeGreaterThan(sentBefore);
    expect(t.centre.metrics.get("DigestSent")).toBeGreaterThanOrEqual(1);
  });

  it("never copies the caller's number into the outbox, and writes reminders from the incident as it is now", async () => {
    const id = await classified("+6281234567890", crime);
    const { Items } = await t.db.doc.send(new ScanCommand({ TableName: t.centre.tableName }));
    const withNumber = (Items ?? []).filter((item) => JSON.stringify(item).includes("81234567890"));
    expect(withNumber.map((item) => item.sk)).toEqual(["INCIDENT"]);
    expect(t.centre.sent[0]!.sms).toContain("081234567890");
    // New notes after classification reach the next reminder.
    await classifyIncident(t.centre.api, id, { ...crime, notes: "Pelaku membawa senjata tajam" });
    t.centre.advance(5 * 60_000);
    await t.centre.fireDue();
    const reminder = t.centre.sent.find((a) => a.about[0]!.step === 1)!;
    expect(reminder.email.body).toContain("Pelaku membawa senjata tajam");
  });

  it("sends nothing more about an incident once it is closed, pending or held", async () => {
    const ids = [await classified("+6281200007001", crime), await classified("+6281200007002", crime)];
    t.centre.advance(5 * 60_000);
    await t.centre.fireDue(); // kasat: first reminder sent, second held
    for (const id of ids) await closeIncident(t.centre.api, id);
    await t.centre.drain();
    const before = t.centre.sent.length;
    for (let minute = 0; minute < 30; minute++) {
      t.centre.advance(60_000);
      await t.centre.fireDue();
    }
    expect(t.centre.sent.slice(before)).toEqual([]);
    const kasat = await new OutboxEntries(t.centre.sender).get({
      incidentId: ids[1]!,
      agencyId: "polresta",
      round: 0,
      step: 1,
      contactId: "kasat",
    });
    expect(kasat).toMatchObject({ status: "skipped" });
  });
});

const request = (method: string, path: string, body?: unknown) => ({
  method,
  path,
  headers: { "content-type": "application/json" },
  query: {},
  body: body === undefined ? undefined : JSON.stringify(body),
  authorized: true,
  identity: { subject: "test:petugas", username: "petugas", groups: ["call-taker"] },
});

/** The caller shares a position through the link the call-taker's request sent them. */
async function callerShares(lat: number, lon: number): Promise<void> {
  const text = t.centre.callerSms.at(-1)!.text;
  const link = text.slice(text.indexOf(LOCATION_BASE) + LOCATION_BASE.length);
  const shared = await handleLocationRequest(
    t.centre.location,
    request("POST", link, { outcome: "shared", lat, lon, accuracy: 8, fixAt: t.centre.now() }),
  );
  expect(shared.statusCode).toBe(200);
}

describe("an alert's coordinates", () => {
  it("are the caller's shared position on a step sent after it arrived, not on the one before", async () => {
    const id = await t.centre.call();
    await handleCallTakerRequest(t.centre.api, request("POST", `/incidents/${id}/location-request`));
    await classifyIncident(t.centre.api, id, crime);
    await t.centre.drain();
    expect(t.centre.sent.map((a) => a.email.body.includes("Koordinat"))).toEqual([false]);

    await callerShares(1.4921, 124.8409);
    t.centre.advance(5 * 60_000);
    await t.centre.fireDue();
    const reminders = t.centre.sent.slice(1);
    expect(reminders.map((a) => a.contactId).sort()).toEqual(["kasat", "piket"]);
    for (const reminder of reminders) {
      expect(reminder.email.body).toContain(
        "Koordinat    : 1.4921, 124.8409 (https://www.openstreetmap.org/?mlat=1.4921&mlon=124.8409)",
      );
    }
  });

  it("stay the call-taker's own when they classified with coordinates", async () => {
    const id = await t.centre.call();
    await handleCallTakerRequest(t.centre.api, request("POST", `/incidents/${id}/location-request`));
    await callerShares(1.4921, 124.8409);
    await classifyIncident(t.centre.api, id, {
      ...crime,
      location: { text: "Seberang sungai", lat: 1.5, lon: 124.85 },
    });
    await t.centre.drain();
    expect(t.centre.sent[0]!.email.body).toContain("Koordinat    : 1.5, 124.85");
  });
});
