import fc from "fast-check";
import {
  assertTransition,
  callResultOf,
  canTransition,
  dayPkOf,
  IllegalTransitionError,
  LEGAL_TRANSITIONS,
  maskCallerNumber,
  reopenedState,
  shortCodeOf,
} from "../../domain/incident";
import { INCIDENT_STATES } from "../../domain/incident-events";

describe("incident states", () => {
  it("follow the lifecycle from received to closed", () => {
    const path = [
      "received",
      "classified",
      "escalated",
      "acknowledged",
      "dispatched",
      "on-scene",
      "resolved",
      "closed",
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it("let a prank or ghost call close straight from received, but never reopen a closed incident", () => {
    expect(canTransition("received", "closed")).toBe(true);
    expect(canTransition("received", "escalated")).toBe(false);
    for (const to of INCIDENT_STATES) expect(canTransition("closed", to)).toBe(false);
  });

  it("never move an incident back", () => {
    const order = INCIDENT_STATES;
    fc.assert(
      fc.property(fc.constantFrom(...order), fc.constantFrom(...order), (from, to) => {
        if (canTransition(from, to)) expect(order.indexOf(to)).toBeGreaterThan(order.indexOf(from));
      }),
    );
    expect(Object.keys(LEGAL_TRANSITIONS).sort()).toEqual([...order].sort());
  });

  it("refuse an illegal change naming the incident, both states and what is allowed", () => {
    expect(() => assertTransition("c0ffee", "resolved", "dispatched")).toThrow(
      new IllegalTransitionError("c0ffee", "resolved", "dispatched"),
    );
    expect(() => assertTransition("c0ffee", "resolved", "dispatched")).toThrow(
      'incident c0ffee: cannot go from "resolved" to "dispatched" (from "resolved": "closed")',
    );
    expect(() => assertTransition("c0ffee", "closed", "classified")).toThrow("no further change");
  });
});

describe("short codes, masking and days", () => {
  it("derives the same readable six-character code for the same contact (Connect retries)", () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const code = shortCodeOf(id);
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
        expect(shortCodeOf(id)).toBe(code);
      }),
    );
  });

  it("masks a caller number down to country code and last two digits", () => {
    expect(maskCallerNumber("+6281234567890")).toBe("+62*********90");
    expect(maskCallerNumber(undefined)).toBe("(none)");
    fc.assert(
      fc.property(fc.stringMatching(/^\+62[0-9]{8,12}$/), (number) => {
        expect(maskCallerNumber(number)).not.toContain(number.slice(3, -2));
      }),
    );
  });

  it("files an incident under its day in the tenant's zone", () => {
    expect(dayPkOf("2026-11-27T20:00:00.000Z", 8)).toBe("DAY#2026-11-28");
    expect(dayPkOf("2026-11-27T15:59:59.000Z", 8)).toBe("DAY#2026-11-27");
  });
});

describe("abandoned and overflowed calls", () => {
  it("leave 'received' for their own states, from which they are classified or closed", () => {
    expect(canTransition("received", "abandoned")).toBe(true);
    expect(canTransition("received", "overflowed")).toBe(true);
    for (const from of ["abandoned", "overflowed"] as const) {
      expect(canTransition(from, "classified")).toBe(true);
      expect(canTransition(from, "closed")).toBe(true);
      expect(canTransition(from, "received")).toBe(false);
    }
    expect(callResultOf({ abandonedAt: "2026-11-27T13:00:40Z" })).toBe("abandoned");
    expect(callResultOf({})).toBeUndefined();
  });

  it("reopen only from closed, back to the state they were closed from", () => {
    expect(reopenedState({ incidentId: "c0ffee", state: "closed", stateBeforeClose: "abandoned" })).toBe(
      "abandoned",
    );
    expect(reopenedState({ incidentId: "c0ffee", state: "closed" })).toBe("received");
    expect(() => reopenedState({ incidentId: "c0ffee", state: "escalated" })).toThrow(
      'incident c0ffee: "escalated" is not closed',
    );
  });
});
