import {
  formatLocalTime,
  localClock,
  localDate,
  localDayBounds,
  localInstant,
  zoneOfProvince,
} from "../../domain/time-zones";
import { officialRegions } from "../../registry/official-regions";

describe("zoneOfProvince", () => {
  it.each([
    ["31", "Asia/Jakarta", "WIB", 7],
    ["11", "Asia/Jakarta", "WIB", 7],
    ["61", "Asia/Pontianak", "WIB", 7],
    ["62", "Asia/Pontianak", "WIB", 7],
    ["51", "Asia/Makassar", "WITA", 8],
    ["64", "Asia/Makassar", "WITA", 8],
    ["71", "Asia/Makassar", "WITA", 8],
    ["81", "Asia/Jayapura", "WIT", 9],
    ["96", "Asia/Jayapura", "WIT", 9],
  ])("province %s follows %s (%s, UTC+%d)", (province, iana, name, offset) => {
    expect(zoneOfProvince(province)).toEqual({ iana, name, utcOffsetHours: offset });
  });

  it("splits the 38 provinces 18 WIB, 12 WITA, 8 WIT", () => {
    const counts = { WIB: 0, WITA: 0, WIT: 0 };
    for (const p of officialRegions().provinces) counts[zoneOfProvince(p.code).name]++;
    expect(counts).toEqual({ WIB: 18, WITA: 12, WIT: 8 });
  });
});

describe("local times", () => {
  it("read as people in the tenant read them", () => {
    expect(formatLocalTime("2026-11-27T13:04:00.000Z", { name: "WITA", utcOffsetHours: 8 })).toBe(
      "27/11/2026 21:04 WITA",
    );
    expect(formatLocalTime("2026-11-27T20:30:00.000Z", { name: "WIT", utcOffsetHours: 9 })).toBe(
      "28/11/2026 05:30 WIT",
    );
  });
});

describe("localDate", () => {
  it("turns an instant into the tenant's calendar day, from ISO text or epoch ms", () => {
    expect(localDate("2026-11-27T15:59:59Z", { utcOffsetHours: 8 })).toBe("2026-11-27");
    expect(localDate("2026-11-27T16:00:00Z", { utcOffsetHours: 8 })).toBe("2026-11-28");
    expect(localDate(Date.parse("2026-11-27T16:59:59Z"), { utcOffsetHours: 7 })).toBe("2026-11-27");
    expect(localDate(Date.parse("2026-11-27T15:00:00Z"), { utcOffsetHours: 9 })).toBe("2026-11-28");
  });

  it("refuses text that is not an instant, naming it", () => {
    expect(() => localDate("kemarin", { utcOffsetHours: 7 })).toThrow(
      'time "kemarin": not an ISO 8601 instant',
    );
  });
});

describe("localClock", () => {
  it.each([
    ["2026-11-01T16:00:00Z", 8, { date: "2026-11-02", hour: 0, minute: 0, isoDayOfWeek: 1 }],
    ["2026-11-01T16:00:00Z", 7, { date: "2026-11-01", hour: 23, minute: 0, isoDayOfWeek: 7 }],
    ["2026-11-07T15:30:00Z", 9, { date: "2026-11-08", hour: 0, minute: 30, isoDayOfWeek: 7 }],
  ])("%s at UTC+%d is %j", (at, offset, expected) => {
    expect(localClock(Date.parse(at), offset)).toEqual(expected);
  });
});

describe("localDayBounds", () => {
  it("gives a local day as the UTC instants incidents are stored with, inclusive", () => {
    expect(localDayBounds("2026-11-28", { utcOffsetHours: 8 })).toEqual({
      from: "2026-11-27T16:00:00.000Z",
      to: "2026-11-28T15:59:59.999Z",
    });
    const { from, to } = localDayBounds("2026-11-28", { utcOffsetHours: 9 });
    expect(localDate(from, { utcOffsetHours: 9 })).toBe("2026-11-28");
    expect(localDate(to, { utcOffsetHours: 9 })).toBe("2026-11-28");
    expect(localDate(Date.parse(to) + 1, { utcOffsetHours: 9 })).toBe("2026-11-29");
  });

  it("refuses what is not a calendar date, naming the value", () => {
    expect(() => localDayBounds("2026-02-30", { utcOffsetHours: 7 })).toThrow('day "2026-02-30"');
    expect(() => localDayBounds("yesterday", { utcOffsetHours: 7 })).toThrow("YYYY-MM-DD");
  });
});

describe("localInstant", () => {
  it("is the inverse of localClock in every zone", () => {
    for (const offset of [7, 8, 9]) {
      const at = Date.parse("2026-11-27T17:45:00Z");
      const clock = localClock(at, offset);
      expect(localInstant(clock.date, clock.hour, clock.minute, offset)).toBe(at);
    }
    expect(new Date(localInstant("2026-11-02", 0, 0, 8)).toISOString()).toBe("2026-11-01T16:00:00.000Z");
  });

  it("names a value that is not a day, hour or minute", () => {
    expect(() => localInstant("27/11/2026", 0, 0, 7)).toThrow('date "27/11/2026": not a calendar day');
    expect(() => localInstant("2026-11-27", 24, 0, 7)).toThrow("hour 24: not an hour of the day (0-23)");
    expect(() => localInstant("2026-11-27", 1, 60, 7)).toThrow("minute 60: not a minute of the hour (0-59)");
  });
});
