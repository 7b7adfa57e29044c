import fc from "fast-check";
import {
  isFirstAlert,
  messageAllowedAt,
  nextAllowedSend,
  nextStep,
  REPEAT_GAP_MINUTES,
  stepAt,
} from "../../domain/escalation-policy";

const polresta = {
  steps: [
    { afterMinutes: 0, contacts: ["piket"] },
    { afterMinutes: 5, contacts: ["piket", "kasat"] },
  ],
  repeat: 2,
};

describe("escalation steps", () => {
  it("go through the steps, then repeat the whole policy, then stop", () => {
    const seen: string[] = [];
    let position: { round: number; step: number } | undefined = { round: 0, step: 0 };
    while (position) {
      seen.push(`${position.round}.${position.step}`);
      position = nextStep(polresta, position);
    }
    expect(seen).toEqual(["0.0", "0.1", "1.0", "1.1", "2.0", "2.1"]);
  });

  it("wait the step's delay, and a gap before a repeat whose first step is immediate", () => {
    expect(nextStep(polresta, { round: 0, step: 0 })).toEqual({
      round: 0,
      step: 1,
      afterMinutes: 5,
      contacts: ["piket", "kasat"],
    });
    expect(nextStep(polresta, { round: 0, step: 1 })?.afterMinutes).toBe(REPEAT_GAP_MINUTES);
    expect(
      nextStep({ steps: [{ afterMinutes: 0, contacts: ["a"] }], repeat: 0 }, { round: 0, step: 0 }),
    ).toBeUndefined();
  });

  it("know which positions exist", () => {
    expect(stepAt(polresta, { round: 2, step: 1 })?.contacts).toEqual(["piket", "kasat"]);
    expect(stepAt(polresta, { round: 3, step: 0 })).toBeUndefined();
    expect(stepAt(polresta, { round: 0, step: 2 })).toBeUndefined();
  });
});

describe("per-contact rate limits", () => {
  it("allow one message a minute, five per 15 minutes and eleven per hour", () => {
    expect(nextAllowedSend([], 1000)).toBe(1000);
    expect(nextAllowedSend([990], 1000)).toBe(1050);
    const five = [0, 120, 240, 360, 480];
    expect(nextAllowedSend(five, 600)).toBe(900);
    const eleven = Array.from({ length: 11 }, (_, i) => i * 300);
    expect(nextAllowedSend(eleven, 3100)).toBe(3600);
  });

  it("never let a contact get more than the limits allow, whatever the arrival pattern", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 200 }), (arrivals) => {
        const sent: number[] = [];
        for (const at of [...arrivals].sort((a, b) => a - b)) {
          if (nextAllowedSend(sent, at) <= at) sent.push(at);
        }
        for (const t of sent) {
          expect(sent.filter((s) => s >= t && s < t + 60).length).toBeLessThanOrEqual(1);
          expect(sent.filter((s) => s >= t && s < t + 900).length).toBeLessThanOrEqual(5);
          expect(sent.filter((s) => s >= t && s < t + 3600).length).toBeLessThanOrEqual(11);
        }
      }),
    );
  });

  it("never hold the first alert of an incident, and hold every later message to the windows", () => {
    expect(messageAllowedAt({ round: 0, step: 0 }, [990, 995, 999], 1000)).toBe(1000);
    expect(messageAllowedAt({ round: 0, step: 1 }, [990], 1000)).toBe(1050);
    expect(messageAllowedAt({ round: 1, step: 0 }, [990], 1000)).toBe(1050);
    expect(messageAllowedAt({ round: 1, step: 0 }, [], 1000)).toBe(1000);
    expect(isFirstAlert({ round: 0, step: 0 })).toBe(true);
    expect(isFirstAlert({ round: 2, step: 0 })).toBe(false);
  });
});
