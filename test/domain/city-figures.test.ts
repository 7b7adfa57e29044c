import {
  cityMonthOf,
  compareMonths,
  hoursOfDay,
  monthlyReport,
  monthOf,
  previousMonth,
  weekHours,
} from "../../domain/city-figures";
import { figuresOf, summarize } from "../../domain/statistics-figures";
import { StatisticsFold } from "../../domain/statistics-fold";
import {
  abandoned,
  acknowledged,
  answered,
  classified,
  ended,
  eventsOf,
  outcome,
  received,
  sent,
} from "./statistics-events";

const manado = { kind: "tenant", province: "71", tenant: "71.71" } as const;

describe("months", () => {
  it("knows the days of each month, leap years included", () => {
    expect(monthOf("2026-02")).toEqual({ month: "2026-02", from: "2026-02-01", to: "2026-02-28" });
    expect(monthOf("2028-02").to).toBe("2028-02-29");
    expect(monthOf("2026-11").to).toBe("2026-11-30");
    expect(previousMonth("2026-01")).toEqual({ month: "2025-12", from: "2025-12-01", to: "2025-12-31" });
  });

  it("takes this month in the kab/kota's own zone by default and refuses one not started yet", () => {
    // 16:30Z on 30 November is already 1 December in Manado (WITA), still November in Jakarta (WIB).
    const now = Date.parse("2026-11-30T16:30:00Z");
    expect(cityMonthOf(undefined, now, { utcOffsetHours: 8 }).month).toBe("2026-12");
    expect(cityMonthOf("", now, { utcOffsetHours: 7 }).month).toBe("2026-11");
    expect(cityMonthOf("2026-10", now, { utcOffsetHours: 7 }).month).toBe("2026-10");
    expect(() => cityMonthOf("2026-12", now, { utcOffsetHours: 7 })).toThrow(
      'month "2026-12": has not started yet (this month is 2026-11)',
    );
    expect(() => cityMonthOf("2026-13", now, { utcOffsetHours: 7 })).toThrow(
      'month "2026-13": not a month (YYYY-MM, e.g. 2026-11)',
    );
    expect(() => cityMonthOf("November", now, { utcOffsetHours: 7 })).toThrow(/not a month/);
  });
});

describe("monthlyReport", () => {
  it("has the same totals as the national dashboard's figures for the kab/kota over the month", () => {
    const fold = new StatisticsFold();
    // Two tenants, a month and the days around it (which the report must leave out).
    for (const e of eventsOf(400, 17)) fold.add(e);
    for (const at of ["2026-10-31T20:00:00Z", "2026-11-30T15:59:00Z", "2026-11-30T16:00:00Z"])
      fold.add(received({ incidentId: `edge-${at}`, at, answerSeconds: 3 }));
    const rows = fold.rows();
    const month = monthOf("2026-11");
    const report = monthlyReport(rows, "71.71", month);
    const dashboard = summarize(rows, { tenant: "71.71", from: month.from, to: month.to });
    expect(report.total).toEqual(dashboard.tenants[0]!.figures);
    expect(report.days).toHaveLength(30);
    expect(report.days.reduce((n, d) => n + d.calls, 0)).toBe(report.total.calls);
    // 15:59Z on 30 November is 23:59 WITA, in the month; 16:00Z is 1 December, outside it.
    expect(report.days.at(-1)?.calls).toBeGreaterThanOrEqual(1);
    expect(report.days.find((d) => d.day === "2026-11-27")?.figures.calls).toBe(
      dashboard.days.find((d) => d.day === "2026-11-27")?.calls,
    );
  });

  it("shows a day without calls as a row of zeros, not a gap", () => {
    const report = monthlyReport([], "71.71", monthOf("2026-02"));
    expect(report.days).toHaveLength(28);
    expect(report.days[0]).toMatchObject({ day: "2026-02-01", calls: 0, abandoned: 0 });
    expect(report.total.calls).toBe(0);
  });
});

describe("hoursOfDay", () => {
  it("folds every day's hour onto the hour of the day, with answer time, abandoned share and talk time", () => {
    const fold = new StatisticsFold();
    // 01:00Z and 01:30Z are 09:00 and 09:30 WITA on two different days.
    const events = [
      received({ incidentId: "a", at: "2026-11-02T01:00:00Z", answerSeconds: undefined }),
      answered(4, { incidentId: "a", at: "2026-11-02T01:00:04Z" }),
      ended(100, { incidentId: "a", at: "2026-11-02T01:01:44Z" }),
      received({ incidentId: "b", at: "2026-11-03T01:30:00Z", answerSeconds: undefined }),
      answered(16, { incidentId: "b", at: "2026-11-03T01:30:16Z" }),
      received({ incidentId: "c", at: "2026-11-03T01:40:00Z", answerSeconds: undefined }),
      abandoned(30, { incidentId: "c", at: "2026-11-03T01:40:30Z" }),
    ];
    for (const e of events) fold.add(e);
    const hours = hoursOfDay(fold.series("hour", manado));
    expect(hours).toHaveLength(24);
    expect(hours[9]).toEqual({
      hour: 9,
      calls: 3,
      answered: 2,
      abandoned: 1,
      averageAnswerSeconds: 10,
      answeredWithin10sPercent: 50,
      abandonPercent: 33.3,
      averageHandleSeconds: 100,
    });
    expect(hours[10]).toMatchObject({ calls: 0, averageAnswerSeconds: null, abandonPercent: null });
  });
});

describe("weekHours", () => {
  it("averages the calls of each hour of the week over the weekdays observed", () => {
    const fold = new StatisticsFold();
    // Mondays 2 and 9 November 2026, 09:xx WITA: 3 calls, then 1 call.
    for (const [i, at] of [
      "2026-11-02T01:05:00Z",
      "2026-11-02T01:15:00Z",
      "2026-11-02T01:25:00Z",
      "2026-11-09T01:05:00Z",
    ].entries())
      fold.add(received({ incidentId: `w${i}`, at }));
    const week = weekHours(fold.series("hour", manado), "2026-11-01", "2026-11-10");
    expect(week).toHaveLength(168);
    expect(week[9]).toEqual({ isoDayOfWeek: 1, hour: 9, calls: 4, days: 2, averageCalls: 2 });
    // Only 1-10 November observed: one Wednesday (the 4th), two Sundays (the 1st and the 8th).
    expect(week.find((w) => w.isoDayOfWeek === 3)?.days).toBe(1);
    expect(week.find((w) => w.isoDayOfWeek === 7)?.days).toBe(2);
    expect(week.find((w) => w.isoDayOfWeek === 2 && w.hour === 9)?.averageCalls).toBe(0);
  });
});

describe("compareMonths", () => {
  it("sets each indicator beside the month before, with the change", () => {
    const fold = new StatisticsFold();
    for (const e of [
      received({ incidentId: "a" }),
      received({ incidentId: "b", repeatCaller: true, suspectedPrank: true }),
      outcome("prank", { incidentId: "b" }),
      classified("fire", { incidentId: "a" }),
      sent("fire", { incidentId: "a" }),
      acknowledged("fire", 120, { incidentId: "a" }),
    ])
      fold.add(e);
    const current = figuresOf(fold.rows()[0]!.counters);
    const previous = figuresOf({ calls: 5, repeatCallers: 0 });
    const rows = Object.fromEntries(compareMonths(current, previous).map((r) => [r.key, r]));
    expect(rows.calls).toEqual({ key: "calls", current: 2, previous: 5, change: -3 });
    expect(rows.repeatCallers).toMatchObject({ current: 1, previous: 0, change: 1 });
    expect(rows.suspectedPrank).toMatchObject({ current: 1 });
    expect(rows.escalations).toMatchObject({ current: 1, previous: 0 });
    expect(rows.averageSecondsToAcknowledge).toEqual({
      key: "averageSecondsToAcknowledge",
      current: 120,
      previous: null,
      change: null,
    });
  });
});
