import { recommendAgents } from "../../domain/staffing";
import { DEFAULT_AHT_SECONDS, planStaffing } from "../../domain/staffing-plan";
import type { HourlyCallRecord } from "../../domain/staffing-records";
import { zoneOfProvince } from "../../domain/time-zones";

const WITA = { utcOffsetHours: zoneOfProvince("71").utcOffsetHours }; // Manado, UTC+8

/** An hour of calls; `at` is UTC. 2026-11-01T16:00Z is Monday 2 November 00:00 WITA. */
function hour(at: string, fields: Partial<HourlyCallRecord> = {}): HourlyCallRecord {
  return { hourStart: at, arrived: 0, answered: 0, abandoned: 0, ...fields };
}

describe("planStaffing: per hour", () => {
  it("places each hour in the tenant's local day and hour, Monday = 1", () => {
    const plan = planStaffing([hour("2026-11-01T16:00:00Z"), hour("2026-11-08T15:00:00Z")], WITA);
    expect(plan.hours.map((h) => [h.localDate, h.localHour, h.isoDayOfWeek])).toEqual([
      ["2026-11-02", 0, 1],
      ["2026-11-08", 23, 7],
    ]);
  });

  it("recommends the floor for an hour without calls: one call-taker by default, or the given minimum", () => {
    const quiet = [hour("2026-11-02T03:00:00Z")];
    expect(planStaffing(quiet, WITA).hours[0]!.recommendation).toMatchObject({
      agents: 1,
      floorApplied: true,
    });
    expect(planStaffing(quiet, { ...WITA, minimumAgents: 2 }).hours[0]!.recommendation.agents).toBe(2);
  });

  it("recommends what the queue needs for the hour's own calls and handling time", () => {
    const busy = hour("2026-11-02T01:00:00Z", { arrived: 120, answered: 120, handleSeconds: 120 * 150 });
    const [h] = planStaffing([busy], WITA).hours;
    expect(h).toMatchObject({ ahtSeconds: 150, ahtSource: "hour", arrived: 120 });
    expect(h!.recommendation).toEqual(recommendAgents({ calls: 120, ahtSeconds: 150 }));
    expect(h!.recommendation.agents).toBeGreaterThan(5);
  });

  it("falls back to the span's handling time, then to the default, when an hour has none", () => {
    const measured = hour("2026-11-02T01:00:00Z", { arrived: 10, answered: 10, handleSeconds: 10 * 200 });
    const unmeasured = hour("2026-11-02T02:00:00Z", { arrived: 10, answered: 10 });
    const withSpan = planStaffing([measured, unmeasured], WITA);
    expect(withSpan.spanAhtSeconds).toBe(200);
    expect(withSpan.hours[1]).toMatchObject({ ahtSeconds: 200, ahtSource: "span" });
    const none = planStaffing([unmeasured], { ...WITA, defaultAhtSeconds: 75 });
    expect(none.hours[0]).toMatchObject({ ahtSeconds: 75, ahtSource: "default" });
    expect(planStaffing([unmeasured], WITA).hours[0]!.ahtSeconds).toBe(DEFAULT_AHT_SECONDS);
  });

  it("sets the recommendation beside the staff logged in, where known", () => {
    const plan = planStaffing(
      [
        hour("2026-11-02T01:00:00Z", {
          arrived: 200,
          answered: 200,
          handleSeconds: 200 * 120,
          staffLoggedIn: 3,
        }),
        hour("2026-11-02T02:00:00Z", { arrived: 2, answered: 2, handleSeconds: 240 }),
      ],
      WITA,
    );
    const [short, unknown] = plan.hours;
    expect(short!.staffLoggedIn).toBe(3);
    expect(short!.staffSurplus).toBe(3 - short!.recommendation.agents);
    expect(short!.staffSurplus).toBeLessThan(0);
    expect(unknown).toMatchObject({ staffLoggedIn: null, staffSurplus: null });
  });
});

describe("planStaffing: hour of the day × day of the week", () => {
  // Two Mondays 09:00 WITA (01:00Z) with 30 and 90 calls, AHT 120 s; one Tuesday 09:00 without calls.
  const records = [
    hour("2026-11-02T01:00:00Z", { arrived: 30, answered: 30, handleSeconds: 30 * 120, staffLoggedIn: 2 }),
    hour("2026-11-09T01:00:00Z", { arrived: 90, answered: 90, handleSeconds: 90 * 120, staffLoggedIn: 4 }),
    hour("2026-11-03T01:00:00Z"),
  ];

  it("gives 168 slots, Monday 00:00 first", () => {
    const { weekly } = planStaffing(records, WITA);
    expect(weekly).toHaveLength(168);
    expect([weekly[0], weekly[167]].map((s) => [s!.isoDayOfWeek, s!.localHour])).toEqual([
      [1, 0],
      [7, 23],
    ]);
  });

  it("staffs a slot for its average hour, and shows its busiest hour and average staff", () => {
    const { weekly, hours } = planStaffing(records, WITA);
    const monday9 = weekly[9]!;
    expect(monday9).toMatchObject({ hoursObserved: 2, averageCalls: 60, ahtSeconds: 120, ahtSource: "slot" });
    expect(monday9.recommendation).toEqual(recommendAgents({ calls: 60, ahtSeconds: 120 }));
    expect(monday9.busiestHourAgents).toBe(
      Math.max(
        ...hours.filter((h) => h.localHour === 9 && h.isoDayOfWeek === 1).map((h) => h.recommendation.agents),
      ),
    );
    expect(monday9.busiestHourAgents).toBeGreaterThan(monday9.recommendation!.agents);
    expect(monday9.averageStaffLoggedIn).toBe(3);
    const tuesday9 = weekly[24 + 9]!;
    expect(tuesday9).toMatchObject({ hoursObserved: 1, averageCalls: 0, averageStaffLoggedIn: null });
    expect(tuesday9.recommendation).toMatchObject({ agents: 1, floorApplied: true });
    expect(weekly[2]).toMatchObject({ hoursObserved: 0, recommendation: null, busiestHourAgents: null });
  });

  it("counts the span's hours without a record as hours without calls", () => {
    const span = { from: "2026-11-01T16:00:00Z", to: "2026-11-15T16:00:00Z" }; // two local weeks
    const plan = planStaffing(records, { ...WITA, span });
    expect(plan.hours).toHaveLength(14 * 24);
    expect(plan.weekly.every((s) => s.hoursObserved === 2)).toBe(true);
    expect(plan.weekly[24 + 9]!.averageCalls).toBe(0);
    expect(() =>
      planStaffing(records, { ...WITA, span: { from: span.from, to: "2026-11-05T00:00:00Z" } }),
    ).toThrow('records[1].hourStart "2026-11-09T01:00:00Z": outside span (from inclusive, to exclusive)');
  });
});

describe("planStaffing: abandonment", () => {
  // 40 calls an hour for 10 hours; each hour 36 answered after 72 s in all, 4 hung up after 240 s
  // in all: mean patience = (72 + 240) × 10 / 40 = 78 s.
  const records = Array.from({ length: 10 }, (_, i) =>
    hour(`2026-11-02T${String(i).padStart(2, "0")}:00:00Z`, {
      arrived: 40,
      answered: 36,
      abandoned: 4,
      handleSeconds: 36 * 180,
      answerWaitSeconds: 72,
      abandonWaitSeconds: 240,
    }),
  );

  it("estimates mean patience as seconds waited by all callers over abandoned calls, and uses Erlang A", () => {
    const plan = planStaffing(records, WITA);
    expect(plan.patience).toEqual({ seconds: 78, source: "records", abandons: 40, waitSeconds: 3120 });
    expect(plan.model).toBe("erlang-a");
    const h = plan.hours[0]!;
    expect(h.recommendation).toEqual(recommendAgents({ calls: 40, ahtSeconds: 180, patienceSeconds: 78 }));
    expect(h.recommendation.performance.abandonedShare).toBeGreaterThan(0);
    const erlangC = planStaffing(records, { ...WITA, minimumAbandonsForPatience: 41 });
    expect(erlangC.model).toBe("erlang-c");
    expect(erlangC.hours[0]!.recommendation.performance.abandonedShare).toBe(0);
    expect(h.recommendation.agents).toBeLessThanOrEqual(erlangC.hours[0]!.recommendation.agents);
  });

  it("falls back to Erlang C without waiting times", () => {
    const noWaits = records.map(({ answerWaitSeconds: _a, abandonWaitSeconds: _b, ...rest }) => rest);
    const plan = planStaffing(noWaits, WITA);
    expect(plan.patience).toMatchObject({ seconds: null, source: "none" });
    expect(plan.model).toBe("erlang-c");
  });

  it("takes a given patience over the estimate", () => {
    const plan = planStaffing(records, { ...WITA, patienceSeconds: 30 });
    expect(plan.patience).toMatchObject({ seconds: 30, source: "given" });
    expect(plan.hours[0]!.recommendation).toEqual(
      recommendAgents({ calls: 40, ahtSeconds: 180, patienceSeconds: 30 }),
    );
  });
});

describe("planStaffing: input checks", () => {
  const ok = hour("2026-11-02T01:00:00Z", { arrived: 3, answered: 3 });
  it.each([
    [
      "a half-hour zone offset",
      { utcOffsetHours: 7.5 },
      "utcOffsetHours 7.5: not a whole number of hours from UTC (7 WIB, 8 WITA, 9 WIT)",
    ],
    [
      "a zero default AHT",
      { defaultAhtSeconds: 0 },
      "defaultAhtSeconds 0: not a number of seconds above 0 (e.g. 120)",
    ],
    [
      "a negative patience",
      { patienceSeconds: -1 },
      "patienceSeconds -1: not a number of seconds above 0 (e.g. 60)",
    ],
    ["a zero service level", { serviceLevel: 0 }, "serviceLevel 0: not a share above 0 and below 1"],
  ])("refuses %s", (_label, options, message) => {
    expect(() => planStaffing([ok], { ...WITA, ...options })).toThrow(message);
  });

  it("names the record that is wrong", () => {
    expect(() => planStaffing([ok, { ...ok, arrived: -2, hourStart: "2026-11-02T02:00:00Z" }], WITA)).toThrow(
      "records[1].arrived -2: not a whole number of calls of at least 0",
    );
  });
});
