import { averageHandlingSeconds, estimatePatience } from "../../domain/staffing-records";
import {
  scopeId,
  scopeOf,
  seriesPoints,
  slotOf,
  slotsBetween,
  toHourlyCallRecords,
} from "../../domain/statistics-series";

describe("scopes", () => {
  it("takes the kab/kota first, then the province, else the country", () => {
    expect(scopeOf({ province: "71", tenant: "71.71" })).toEqual({
      kind: "tenant",
      province: "71",
      tenant: "71.71",
    });
    expect(scopeOf({ province: "71" })).toEqual({ kind: "province", province: "71" });
    expect(scopeOf({})).toEqual({ kind: "nation" });
    expect(scopeOf({ tenant: "31" })).toEqual({ kind: "tenant", province: "31", tenant: "31" });
  });
  it("names each scope for its keys", () => {
    expect([
      scopeId({ kind: "nation" }),
      scopeId(scopeOf({ province: "35" })),
      scopeId(scopeOf({ tenant: "35.78" })),
    ]).toEqual(["N", "P#35", "T#35.78"]);
  });
});

describe("slots", () => {
  const cell = { tenant: "71.71", province: "71", day: "2026-11-27", hour: 9, quarter: 45 };
  it("places a cell in its hour and quarter-hour", () => {
    expect(slotOf(cell, "hour")).toBe("2026-11-27T09");
    expect(slotOf(cell, "quarter")).toBe("2026-11-27T09:45");
    expect(slotOf({ ...cell, hour: undefined }, "hour")).toBeUndefined();
  });
  it("lists every hour or quarter of the days, in order", () => {
    const hours = slotsBetween("hour", "2026-11-27", "2026-11-28");
    expect(hours).toHaveLength(48);
    expect([hours[0], hours[47]]).toEqual(["2026-11-27T00", "2026-11-28T23"]);
    const quarters = slotsBetween("quarter", "2026-11-27", "2026-11-27");
    expect([quarters.length, quarters[1], quarters[95]]).toEqual([
      96,
      "2026-11-27T00:15",
      "2026-11-27T23:45",
    ]);
  });
});

describe("seriesPoints", () => {
  it("shows every hour, quiet ones as zero, with the call breakdown and answers", () => {
    const points = seriesPoints(
      [
        {
          slot: "2026-11-27T13",
          counters: {
            calls: 10,
            abandoned: 6,
            "outcome:genuine": 1,
            "outcome:prank": 2,
            answered: 4,
            answerSecondsSum: 30,
            "escalations:fire": 2,
            "acks:fire": 1,
          },
        },
        { slot: "2026-11-27T13", counters: { calls: 2 } },
      ],
      "hour",
      "2026-11-27",
      "2026-11-27",
    );
    expect(points).toHaveLength(24);
    expect(points[12]).toMatchObject({ slot: "2026-11-27T12", calls: 0, averageAnswerSeconds: null });
    expect(points[13]).toEqual({
      slot: "2026-11-27T13",
      calls: 12,
      genuine: 1,
      falseCalls: 2,
      information: 0,
      abandoned: 6,
      overflowed: 0,
      other: 3,
      answered: 4,
      averageAnswerSeconds: 7.5,
      escalations: 2,
      acknowledgements: 1,
    });
  });
});

describe("toHourlyCallRecords: the statistics as the staffing model reads them", () => {
  it("turns local hours into the instants they start, with waits for the patience estimate", () => {
    const records = toHourlyCallRecords(
      [
        {
          slot: "2026-11-27T09",
          counters: {
            calls: 42,
            overflowed: 2,
            answered: 30,
            abandoned: 10,
            answerSecondsSum: 150,
            abandonSecondsSum: 250,
          },
        },
      ],
      8,
    );
    expect(records).toEqual([
      {
        hourStart: "2026-11-27T01:00:00.000Z",
        arrived: 40,
        answered: 30,
        abandoned: 10,
        answerWaitSeconds: 150,
        abandonWaitSeconds: 250,
      },
    ]);
    expect(estimatePatience(records)).toMatchObject({ seconds: 40, source: "records" });
  });

  it("carries the hour's handling time: its answered calls at the mean talk time of the ends reported", () => {
    const [withEnds, withoutEnds] = toHourlyCallRecords(
      [
        // 4 answered, 2 ends reported (240 s): 4 x 120 s.
        { slot: "2026-11-27T09", counters: { calls: 4, answered: 4, handled: 2, handleSecondsSum: 240 } },
        { slot: "2026-11-27T10", counters: { calls: 2, answered: 2 } },
      ],
      8,
    );
    expect(withEnds?.handleSeconds).toBe(480);
    expect(withoutEnds).not.toHaveProperty("handleSeconds");
    expect(averageHandlingSeconds([withEnds!, withoutEnds!])).toBe(120);
  });

  it("refuses a quarter-hour slot, naming it", () => {
    expect(() => toHourlyCallRecords([{ slot: "2026-11-27T09:15", counters: {} }], 8)).toThrow(
      'slot "2026-11-27T09:15": not an hour slot',
    );
  });
});
