import { callerFlags, needsTrim } from "../../domain/incident-caller-history";

const HOUR = 3600;
const DAY = 24 * HOUR;

describe("caller flags", () => {
  it("mark a repeat caller who called within the last 24 hours, not one who called two days ago", () => {
    const now = 100 * DAY;
    expect(callerFlags({ calls: [{ c: "a", t: now - 2 * HOUR }] }, "b", now).repeatCaller).toBe(true);
    expect(callerFlags({ calls: [{ c: "a", t: now - 2 * DAY }] }, "b", now).repeatCaller).toBe(false);
    expect(callerFlags(undefined, "b", now)).toEqual({ repeatCaller: false, suspectedPrank: false });
  });

  it("answer a retried intake the same as the first attempt (the call itself does not count)", () => {
    const now = 100 * DAY;
    const before = { calls: [{ c: "a", t: now - 3 * DAY }] };
    const after = { calls: [...before.calls, { c: "b", t: now }], lastContact: "b" };
    expect(callerFlags(after, "b", now + 5)).toEqual(callerFlags(before, "b", now));
    // A later call from the same number does not change the flags of this one.
    const later = { calls: [...after.calls, { c: "c", t: now + HOUR }] };
    expect(callerFlags(later, "b", now + 5)).toEqual(callerFlags(before, "b", now));
  });

  it("suspect a prank after one prank or ghost call today or two in 30 days", () => {
    const now = 100 * DAY;
    expect(callerFlags({ pranks: [now - HOUR] }, "b", now).suspectedPrank).toBe(true);
    expect(callerFlags({ pranks: [now - 10 * DAY] }, "b", now).suspectedPrank).toBe(false);
    expect(callerFlags({ pranks: [now - 10 * DAY, now - 20 * DAY] }, "b", now).suspectedPrank).toBe(true);
    expect(callerFlags({ pranks: [now - 40 * DAY, now - 50 * DAY] }, "b", now).suspectedPrank).toBe(false);
  });

  it("asks for a trim only when the history grew past twice what is kept", () => {
    expect(needsTrim({ calls: new Array(41).fill({ c: "x", t: 0 }) })).toBe(true);
    expect(needsTrim({ calls: new Array(40).fill({ c: "x", t: 0 }) })).toBe(false);
  });
});
