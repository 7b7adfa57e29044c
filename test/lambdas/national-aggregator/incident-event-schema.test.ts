import { parseIncidentEvent } from "../../../lambdas/national-aggregator/incident-event-schema";

const base = {
  schemaVersion: 1,
  eventId: "c0ffee:CallOverflowed",
  tenant: "71.71",
  province: "71",
  incidentId: "c0ffee",
  at: "2026-11-27T13:00:12.000Z",
};

describe("incident events read by the national aggregator", () => {
  it("reads a call sent to the backup centre, and ignores types it does not know", () => {
    expect(parseIncidentEvent({ ...base, type: "CallOverflowed", secondsInFlow: 12 })).toMatchObject({
      kind: "event",
      event: { type: "CallOverflowed", secondsInFlow: 12 },
    });
    expect(parseIncidentEvent({ ...base, type: "CallOverflowed" })).toMatchObject({ kind: "invalid" });
    expect(parseIncidentEvent({ ...base, type: "SomethingNew" })).toMatchObject({ kind: "ignored" });
  });

  it("reads the end of an answered call with its handling seconds, and refuses one without them", () => {
    expect(
      parseIncidentEvent({ ...base, eventId: "c0ffee:CallEnded", type: "CallEnded", handleSeconds: 95.5 }),
    ).toMatchObject({ kind: "event", event: { type: "CallEnded", handleSeconds: 95.5 } });
    expect(parseIncidentEvent({ ...base, type: "CallEnded", handleSeconds: -1 })).toMatchObject({
      kind: "invalid",
    });
  });
});
