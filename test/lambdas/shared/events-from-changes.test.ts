import { eventsOfChange } from "../../../lambdas/shared/events-from-changes";
import { manadoRuntime } from "../support/tenant";

const incident = {
  pk: "INC#c0ffee",
  sk: "INCIDENT",
  incidentId: "c0ffee",
  state: "received",
  receivedAt: "2026-11-27T13:00:00.000Z",
  callerNumber: "+6281234567890",
  location: { text: "Jl. Sam Ratulangi" },
  notes: "rahasia",
};

describe("events of table changes", () => {
  it("carry no personal data and the same eventId on every retry", () => {
    const change = {
      id: "1",
      eventName: "MODIFY" as const,
      oldImage: incident,
      newImage: { ...incident, state: "closed", outcome: "prank", closedAt: "2026-11-27T13:02:00.000Z" },
    };
    const first = eventsOfChange(manadoRuntime(), change);
    expect(first.map((e) => e.type)).toEqual(["IncidentOutcomeSet", "IncidentClosed"]);
    expect(eventsOfChange(manadoRuntime(), change)).toEqual(first);
    const text = JSON.stringify(first);
    for (const secret of ["81234567890", "Sam Ratulangi", "rahasia"]) expect(text).not.toContain(secret);
    expect(first[1]).toMatchObject({
      tenant: "71.71",
      province: "71",
      schemaVersion: 1,
      at: "2026-11-27T13:02:00.000Z",
    });
  });

  it("publish a changed outcome under a new eventId and time a classification's outcome", () => {
    const classified = {
      ...incident,
      state: "classified",
      outcome: "genuine",
      classifiedAt: "2026-11-27T13:01:00.000Z",
    };
    const [, genuine] = eventsOfChange(manadoRuntime(), {
      id: "6",
      eventName: "MODIFY",
      oldImage: incident,
      newImage: classified,
    });
    expect(genuine).toMatchObject({
      type: "IncidentOutcomeSet",
      outcome: "genuine",
      at: "2026-11-27T13:01:00.000Z",
    });
    const prank = eventsOfChange(manadoRuntime(), {
      id: "7",
      eventName: "MODIFY",
      oldImage: classified,
      newImage: { ...classified, state: "closed", outcome: "prank", outcomeAt: "2026-11-27T13:02:00.000Z" },
    })[0]!;
    expect(prank).toMatchObject({ type: "IncidentOutcomeSet", outcome: "prank" });
    expect(prank.eventId).not.toBe(genuine!.eventId);
  });

  it("count an agency's acknowledgement from its first alert, and a skip to on-scene as both", () => {
    const alert = {
      pk: "INC#c0ffee",
      sk: "AGENCY#damkar",
      incidentId: "c0ffee",
      agencyId: "damkar",
      agencyKind: "fire",
      status: "alerted",
      receivedAt: "2026-11-27T13:00:00.000Z",
      firstAlertAt: "2026-11-27T13:01:00.000Z",
    };
    const events = eventsOfChange(manadoRuntime(), {
      id: "2",
      eventName: "MODIFY",
      oldImage: alert,
      newImage: {
        ...alert,
        status: "on-scene",
        acknowledgedAt: "2026-11-27T13:04:20.000Z",
        statusAt: "2026-11-27T13:04:20.000Z",
      },
    });
    expect(events).toMatchObject([
      { type: "EscalationAcknowledged", agency: "damkar", secondsToAcknowledge: 200 },
      { type: "AgencyStatusReported", status: "on-scene", secondsSinceReceived: 260 },
    ]);
  });

  it("publish one EscalationSent per step that went out, however many contacts and relays wrote it", () => {
    const alert = {
      pk: "INC#c0ffee",
      sk: "AGENCY#polresta",
      incidentId: "c0ffee",
      agencyId: "polresta",
      agencyKind: "police",
      status: "alerted",
      receivedAt: "2026-11-27T13:00:00.000Z",
      lastAlertAt: "2026-11-27T13:01:00.000Z",
    };
    const sent = (before: string[] | undefined, after: string[], at = "2026-11-27T13:06:00.000Z") =>
      eventsOfChange(manadoRuntime(), {
        id: "9",
        eventName: "MODIFY",
        oldImage: before ? { ...alert, stepsSent: new Set(before) } : alert,
        newImage: { ...alert, stepsSent: new Set(after), lastAlertAt: at },
      });
    expect(sent(undefined, ["0:0"])).toMatchObject([
      { type: "EscalationSent", agency: "polresta", agencyKind: "police", round: 0, step: 0 },
    ]);
    // The second contact of step 2, or a digest re-adding it: nothing new.
    expect(sent(["0:0", "0:1"], ["0:0", "0:1"])).toEqual([]);
    // A reminder digest carrying two steps at once: one event each, the same ids on a retry.
    const two = sent(["0:0"], ["0:0", "0:1", "1:0"]);
    expect(two.map((e) => e.eventId)).toEqual([
      "c0ffee:EscalationSent:polresta:0:1",
      "c0ffee:EscalationSent:polresta:1:0",
    ]);
    expect(two[0]!.at).toBe("2026-11-27T13:06:00.000Z");
  });

  it("publish a call's answer time once, when the call-answer function records it", () => {
    const answered = {
      ...incident,
      answeredAt: "2026-11-27T13:00:07.000Z",
      answerSeconds: 7,
    };
    const change = { id: "6", eventName: "MODIFY" as const, oldImage: incident, newImage: answered };
    expect(eventsOfChange(manadoRuntime(), change)).toEqual([
      {
        schemaVersion: 1,
        type: "CallAnswered",
        eventId: "c0ffee:CallAnswered",
        tenant: "71.71",
        province: "71",
        incidentId: "c0ffee",
        at: "2026-11-27T13:00:07.000Z",
        answerSeconds: 7,
      },
    ]);
    // A later change of the answered incident (classification) does not repeat it.
    const later = { ...answered, notes: "x" };
    expect(
      eventsOfChange(manadoRuntime(), { id: "7", eventName: "MODIFY", oldImage: answered, newImage: later }),
    ).toEqual([]);
  });

  it("publish the end of an answered call once, with the seconds the call-taker was on it", () => {
    const answered = { ...incident, answeredAt: "2026-11-27T13:00:07.000Z", answerSeconds: 7 };
    const ended = { ...answered, endedAt: "2026-11-27T13:03:07.000Z", handleSeconds: 180 };
    expect(
      eventsOfChange(manadoRuntime(), { id: "9", eventName: "MODIFY", oldImage: answered, newImage: ended }),
    ).toEqual([
      {
        schemaVersion: 1,
        type: "CallEnded",
        eventId: "c0ffee:CallEnded",
        tenant: "71.71",
        province: "71",
        incidentId: "c0ffee",
        at: "2026-11-27T13:03:07.000Z",
        handleSeconds: 180,
      },
    ]);
    const later = { ...ended, notes: "x" };
    expect(
      eventsOfChange(manadoRuntime(), { id: "10", eventName: "MODIFY", oldImage: ended, newImage: later }),
    ).toEqual([]);
  });

  it("publish an abandoned call with the seconds the caller waited", () => {
    const gaveUp = { ...incident, abandonedAt: "2026-11-27T13:01:30.000Z", abandonSeconds: 90 };
    const [event] = eventsOfChange(manadoRuntime(), {
      id: "8",
      eventName: "MODIFY",
      oldImage: incident,
      newImage: gaveUp,
    });
    expect(event).toMatchObject({
      type: "CallAbandoned",
      eventId: "c0ffee:CallAbandoned",
      at: "2026-11-27T13:01:30.000Z",
      secondsWaited: 90,
    });
  });

  it("say nothing about the caller's location, and never carry it when the state changes with it", () => {
    const callerLocations = [
      {
        outcome: "shared",
        receivedAt: "2026-11-27T13:01:00.000Z",
        position: { lat: -8.123456, lon: 115.654321, accuracyMeters: 9, fixAt: "2026-11-27T13:00:58.000Z" },
      },
      { outcome: "described", receivedAt: "2026-11-27T13:01:30.000Z", description: "Rumah biru Pak Hasan" },
    ];
    const locationRequests = [{ at: "2026-11-27T13:00:30.000Z", linkExpiresAt: "2026-11-27T14:00:30.000Z" }];
    const shared = { ...incident, locationRequests, callerLocations };
    expect(
      eventsOfChange(manadoRuntime(), { id: "1", eventName: "MODIFY", oldImage: incident, newImage: shared }),
    ).toEqual([]);
    const closed = eventsOfChange(manadoRuntime(), {
      id: "2",
      eventName: "MODIFY",
      oldImage: shared,
      newImage: { ...shared, state: "closed", outcome: "genuine", closedAt: "2026-11-27T13:09:00.000Z" },
    });
    expect(closed.map((e) => e.type)).toEqual(["IncidentOutcomeSet", "IncidentClosed"]);
    for (const secret of ["-8.12", "115.65", "Pak Hasan", "13:00:58"])
      expect(JSON.stringify(closed)).not.toContain(secret);
  });

  it("publish a call sent to the backup centre with the seconds it spent in the flow", () => {
    const overflowed = { ...incident, state: "overflowed", overflowedAt: "2026-11-27T13:00:12.000Z" };
    const events = eventsOfChange(manadoRuntime(), {
      id: "9",
      eventName: "MODIFY",
      oldImage: incident,
      newImage: overflowed,
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: "CallOverflowed",
        eventId: "c0ffee:CallOverflowed",
        secondsInFlow: 12,
      }),
    ]);
  });

  it("say nothing about changes that are not state changes", () => {
    expect(
      eventsOfChange(manadoRuntime(), {
        id: "3",
        eventName: "MODIFY",
        oldImage: incident,
        newImage: { ...incident, notes: "x" },
      }),
    ).toEqual([]);
    expect(eventsOfChange(manadoRuntime(), { id: "4", eventName: "REMOVE", oldImage: incident })).toEqual([]);
    expect(
      eventsOfChange(manadoRuntime(), {
        id: "5",
        eventName: "INSERT",
        newImage: { pk: "RATE#a#b", sk: "RATE" },
      }),
    ).toEqual([]);
  });
});
