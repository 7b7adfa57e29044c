import {
  chartDays,
  daysBetween,
  latestLocalDay,
  parseViewRequest,
  todayOf,
} from "../../domain/statistics-view";

const now = Date.parse("2026-11-28T03:00:00Z");

describe("parseViewRequest", () => {
  it("defaults to the last 30 days up to today in WIT, the whole country, per hour", () => {
    expect(parseViewRequest({}, now)).toEqual({
      from: "2026-10-30",
      to: "2026-11-28",
      scope: { kind: "nation" },
      grain: "hour",
    });
  });

  it("reads a kab/kota of a province over a range, empty parameters as absent", () => {
    expect(
      parseViewRequest(
        { province: "71", tenant: "71.71", from: "2026-11-01", to: "2026-11-07", grain: "" },
        now,
      ),
    ).toEqual({
      province: "71",
      tenant: "71.71",
      from: "2026-11-01",
      to: "2026-11-07",
      scope: { kind: "tenant", province: "71", tenant: "71.71" },
      grain: "hour",
    });
  });

  it.each([
    [{ province: "Jatim" }, 'province "Jatim": not a province code'],
    [{ tenant: "manado" }, 'tenant "manado": not a kab/kota code'],
    [{ province: "35", tenant: "71.71" }, 'tenant "71.71": not in province "35"'],
    [{ grain: "minute" }, 'grain "minute": one of hour, quarter'],
    [{ to: "28-11-2026" }, 'to "28-11-2026": not a date'],
    [{ from: "2026-11-30", to: "2026-11-01" }, '"from" is after "to"'],
    [{ from: "2026-02-30", to: "2026-03-01" }, 'from "2026-02-30": not a date'],
  ])("refuses %j naming what is wrong", (query, message) => {
    expect(() => parseViewRequest(query, now)).toThrow(message);
  });
});

describe("days", () => {
  it("lists the days of a range and refuses one too long", () => {
    expect(daysBetween("2026-11-30", "2026-12-02")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(() => daysBetween("2025-01-01", "2026-12-01")).toThrow("longer than 366 days");
  });

  it("takes today in WIT as the end of the default range, and today of a scope in its own zone", () => {
    expect(latestLocalDay(Date.parse("2026-11-27T20:00:00Z"))).toBe("2026-11-28");
    const evening = Date.parse("2026-11-27T16:30:00Z");
    expect(todayOf({ kind: "province", province: "71" }, evening)).toBe("2026-11-28");
    expect(todayOf({ kind: "nation" }, evening)).toBe("2026-11-27");
  });
});

describe("chartDays", () => {
  const nation = { kind: "nation" } as const;
  it("charts the hours of the last 7 days of a range, or all of a shorter one", () => {
    expect(chartDays({ from: "2026-11-01", to: "2026-11-30", grain: "hour", scope: nation }, now)).toEqual([
      "2026-11-24",
      "2026-11-30",
    ]);
    expect(chartDays({ from: "2026-11-29", to: "2026-11-30", grain: "hour", scope: nation }, now)).toEqual([
      "2026-11-29",
      "2026-11-30",
    ]);
  });
  it("charts the quarter-hours of today in the scope's zone, whatever the range", () => {
    const scope = { kind: "province", province: "94" } as const;
    expect(
      chartDays(
        { from: "2026-01-01", to: "2026-01-31", grain: "quarter", scope },
        Date.parse("2026-11-27T16:00:00Z"),
      ),
    ).toEqual(["2026-11-28", "2026-11-28"]);
  });
});
