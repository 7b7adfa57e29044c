import { CALLEE_PICKUP_SECONDS, PhoneDesk } from "../../local/phone-desk";

const call = {
  tenant: "71.71",
  contactId: "c-1",
  incidentId: "c-1",
  shortCode: "K7Q2XM",
  repeatCaller: true,
  suspectedPrank: false,
};

describe("the local phone desk", () => {
  it("rings a queued call at the consoles until a call-taker answers it", async () => {
    const desk = new PhoneDesk({ now: () => Date.parse("2026-11-27T13:00:10Z") });
    const result = desk.ring(call, 60);
    expect(desk.events("71.71").events.map((e) => e.type)).toEqual(["ringing"]);
    expect(desk.answer("31", "c-1", "rina")).toBe(false); // another tenant's console
    expect(desk.answer("71.71", "c-1", "rina")).toBe(true);
    expect(desk.answer("71.71", "c-1", "budi")).toBe(false); // answered already
    expect(await result).toEqual({ kind: "answered", at: Date.parse("2026-11-27T13:00:10Z"), by: "rina" });
    expect(desk.hangUp("71.71", "c-1")).toBe(true);
    expect(desk.events("71.71", 1).events.map((e) => e.type)).toEqual(["answered", "ended"]);
  });

  it("lets the caller give up when nobody answers in time", async () => {
    const desk = new PhoneDesk({ now: () => 0 });
    expect(await desk.ring({ ...call, contactId: "c-2" }, 0.05)).toMatchObject({ kind: "abandoned" });
    expect(desk.events("71.71").events.at(-1)).toMatchObject({ type: "ended", reason: "abandoned" });
    expect(desk.answer("71.71", "c-2", "rina")).toBe(false);
  });

  it("dials a caller back, who picks up after a moment, and says whether a console is online", async () => {
    const desk = new PhoneDesk({ now: () => 0 });
    expect(desk.online("71.71")).toBe(false);
    desk.events("71.71");
    expect(desk.online("71.71")).toBe(true);
    const id = desk.callBack("71.71", { incidentId: "c-3", number: "+6281234567890", by: "rina" });
    await new Promise((resolve) => setTimeout(resolve, CALLEE_PICKUP_SECONDS * 1000 + 100));
    expect(desk.hangUp("71.71", id)).toBe(true);
    expect(desk.events("71.71").events.map((e) => e.type)).toEqual(["dialing", "connected", "ended"]);
    desk.stop();
  });
});
