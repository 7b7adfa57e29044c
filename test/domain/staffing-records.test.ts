import {
  averageHandlingSeconds,
  estimatePatience,
  type HourlyCallRecord,
  recordedHours,
} from "../../domain/staffing-records";

function hour(at: string, fields: Partial<HourlyCallRecord> = {}): HourlyCallRecord {
  return { hourStart: at, arrived: 0, answered: 0, abandoned: 0, ...fields };
}

describe("estimatePatience", () => {
  // Two hours: 36 + 36 answered after 72 + 72 s in all, 4 + 4 hung up after 240 + 240 s in all.
  const records = [0, 1].map((i) =>
    hour(`2026-11-02T0${i}:00:00Z`, {
      arrived: 40,
      answered: 36,
      abandoned: 4,
      answerWaitSeconds: 72,
      abandonWaitSeconds: 240,
    }),
  );

  it("divides the seconds all callers waited by the abandoned calls (mean wait / abandoned share)", () => {
    expect(estimatePatience(records, { minimumAbandonsForPatience: 8 })).toEqual({
      seconds: 78,
      source: "records",
      abandons: 8,
      waitSeconds: 624,
    });
  });

  it("estimates nothing from fewer abandoned calls than the minimum (default 10)", () => {
    expect(estimatePatience(records)).toMatchObject({ seconds: null, source: "none", abandons: 8 });
  });

  it("leaves out hours whose waiting times are incomplete, but not hours that had nothing to wait for", () => {
    const incomplete = hour("2026-11-02T02:00:00Z", {
      arrived: 10,
      answered: 5,
      abandoned: 5,
      abandonWaitSeconds: 50,
    });
    const quiet = hour("2026-11-02T03:00:00Z");
    const onlyAnswered = hour("2026-11-02T04:00:00Z", { arrived: 2, answered: 2, answerWaitSeconds: 6 });
    const estimate = estimatePatience([...records, incomplete, quiet, onlyAnswered], {
      minimumAbandonsForPatience: 1,
    });
    expect(estimate).toMatchObject({ abandons: 8, waitSeconds: 630 });
  });

  it("takes a given patience as it is", () => {
    expect(estimatePatience([], { patienceSeconds: 45 })).toMatchObject({ seconds: 45, source: "given" });
  });

  it.each([
    [{ patienceSeconds: 0 }, "patienceSeconds 0: not a number of seconds above 0 (e.g. 60)"],
    [
      { minimumAbandonsForPatience: 0.5 },
      "minimumAbandonsForPatience 0.5: not a whole number of at least 1 (e.g. 10)",
    ],
  ])("refuses %j", (options, message) => {
    expect(() => estimatePatience(records, options)).toThrow(message);
  });
});

describe("averageHandlingSeconds", () => {
  it("weighs each hour by its answered calls and skips hours without a handling time", () => {
    const records = [
      hour("2026-11-02T00:00:00Z", { arrived: 1, answered: 1, handleSeconds: 60 }),
      hour("2026-11-02T01:00:00Z", { arrived: 3, answered: 3, handleSeconds: 3 * 140 }),
      hour("2026-11-02T02:00:00Z", { arrived: 5, answered: 5 }),
      hour("2026-11-02T03:00:00Z", { arrived: 5, answered: 5, handleSeconds: 0 }),
    ];
    expect(averageHandlingSeconds(records)).toBe(120);
    expect(averageHandlingSeconds([records[2]!])).toBeNull();
  });
});

describe("recordedHours", () => {
  it("sorts the records by hour", () => {
    const hours = recordedHours([hour("2026-11-02T05:00:00Z"), hour("2026-11-02T01:00:00+08:00")]);
    expect(hours.map((h) => new Date(h.ms).toISOString())).toEqual([
      "2026-11-01T17:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
    ]);
  });

  it("adds a span's hours without a record as hours without calls", () => {
    const hours = recordedHours([hour("2026-11-02T01:00:00Z", { arrived: 7 })], {
      from: "2026-11-02T00:00:00Z",
      to: "2026-11-02T03:00:00Z",
    });
    expect(hours.map((h) => [h.record.hourStart, h.record.arrived])).toEqual([
      ["2026-11-02T00:00:00.000Z", 0],
      ["2026-11-02T01:00:00Z", 7],
      ["2026-11-02T02:00:00.000Z", 0],
    ]);
  });

  const ok = hour("2026-11-02T01:00:00Z", { arrived: 3, answered: 3 });
  it.each([
    [
      "an hour that is not a date",
      [{ ...ok, hourStart: "kemarin" }],
      undefined,
      'records[0].hourStart "kemarin": not an ISO 8601 instant (e.g. 2026-11-02T01:00:00Z)',
    ],
    [
      "an hour not on the hour",
      [{ ...ok, hourStart: "2026-11-02T01:30:00Z" }],
      undefined,
      'records[0].hourStart "2026-11-02T01:30:00Z": not the start of an hour',
    ],
    [
      "the same hour twice",
      [ok, { ...ok }],
      undefined,
      'records[1].hourStart "2026-11-02T01:00:00Z": the same hour as records[0]',
    ],
    [
      "negative calls",
      [{ ...ok, arrived: -2 }],
      undefined,
      "records[0].arrived -2: not a whole number of calls of at least 0",
    ],
    [
      "fractional calls",
      [{ ...ok, answered: 1.5 }],
      undefined,
      "records[0].answered 1.5: not a whole number of calls of at least 0",
    ],
    [
      "negative handling time",
      [{ ...ok, handleSeconds: -1 }],
      undefined,
      "records[0].handleSeconds -1: not a finite number of at least 0, or absent",
    ],
    [
      "infinite staff",
      [{ ...ok, staffLoggedIn: Number.POSITIVE_INFINITY }],
      undefined,
      "records[0].staffLoggedIn Infinity: not a finite number",
    ],
    [
      "a span ending before it starts",
      [ok],
      { from: "2026-11-03T00:00:00Z", to: "2026-11-02T00:00:00Z" },
      'span.to "2026-11-02T00:00:00Z": not after span.from 2026-11-03T00:00:00Z',
    ],
    [
      "a span of decades",
      [ok],
      { from: "2000-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" },
      'span.to "2026-01-01T00:00:00Z": more than 100000 hours after span.from',
    ],
    [
      "a record outside the span",
      [ok],
      { from: "2026-11-03T00:00:00Z", to: "2026-11-04T00:00:00Z" },
      'records[0].hourStart "2026-11-02T01:00:00Z": outside span (from inclusive, to exclusive)',
    ],
  ])("refuses %s", (_label, records, span, message) => {
    expect(() => recordedHours(records as HourlyCallRecord[], span)).toThrow(message);
  });
});
