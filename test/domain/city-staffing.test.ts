import { monthOf } from "../../domain/city-figures";
import { CITY_STAFFING_TARGET, cityStaffing } from "../../domain/city-staffing";
import { recommendAgents } from "../../domain/staffing";
import { DEFAULT_AHT_SECONDS } from "../../domain/staffing-plan";
import type { SeriesCell } from "../../domain/statistics-series";
import { slotsBetween } from "../../domain/statistics-series";

const WITA = { utcOffsetHours: 8 } as const;
const november = monthOf("2026-11");
const afterNovember = Date.parse("2026-12-15T00:00:00Z");

/** Every hour of November with `calls` calls at 09:00-10:00 local and one call in the others. */
function month(calls: number, counters: Record<string, number> = {}): SeriesCell[] {
  return slotsBetween("hour", november.from, november.to).map((slot) => {
    const n = slot.endsWith("T09") ? calls : 1;
    return { slot, counters: { calls: n, answered: n, answerSecondsSum: 3 * n, ...counters } };
  });
}

describe("cityStaffing", () => {
  it("recommends for each hour of the week what the Erlang model gives its average demand", () => {
    // Every answered call ended after 180 s of talk: the city's own handling time.
    const cells = month(40).map((c) => ({
      ...c,
      counters: { ...c.counters, handled: c.counters.calls!, handleSecondsSum: 180 * c.counters.calls! },
    }));
    const plan = cityStaffing(cells, november, WITA, afterNovember);
    expect(plan.model).toBe("erlang-c");
    expect(plan.handling).toEqual({ seconds: 180, source: "measured" });
    expect(plan.hoursObserved).toBe(720);
    expect(plan.weekly).toHaveLength(168);
    const mondayNine = plan.weekly.find((w) => w.isoDayOfWeek === 1 && w.hour === 9)!;
    const expected = recommendAgents({ calls: 40, ahtSeconds: 180 }, CITY_STAFFING_TARGET);
    expect(mondayNine).toMatchObject({ averageCalls: 40, handleSeconds: 180, agents: expected.agents });
    expect(mondayNine.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(mondayNine.staffLoggedIn).toBeNull();
    expect(plan.staffLoggedInMeasured).toBe(false);
    // A quiet hour still has someone on shift; the busiest hour of the day is what to staff for.
    expect(plan.byHourOfDay[3]!.agents).toBe(1);
    expect(plan.byHourOfDay[9]!.agents).toBe(expected.agents);
    expect(expected.agents).toBeGreaterThan(1);
  });

  it("says when the handling time is the documented default rather than measured", () => {
    const plan = cityStaffing(month(10), november, WITA, afterNovember);
    expect(plan.handling).toEqual({ seconds: DEFAULT_AHT_SECONDS, source: "assumed" });
  });

  it("uses Erlang A with the callers' patience once the month holds enough abandoned calls", () => {
    const cells = month(20).map((c) =>
      c.slot.endsWith("T09")
        ? { ...c, counters: { ...c.counters, abandoned: 2, abandonSecondsSum: 60, calls: 22 } }
        : c,
    );
    const plan = cityStaffing(cells, november, WITA, afterNovember);
    expect(plan.model).toBe("erlang-a");
    expect(plan.patienceSeconds).not.toBeNull();
    expect(plan.abandonsObserved).toBe(60);
  });

  it("plans the current month only up to the current hour, not the hours still to come", () => {
    // 10 November 2026, 12:30 WITA: 9 days and 12 hours of the month have passed.
    const now = Date.parse("2026-11-10T04:30:00Z");
    const cells = month(5).filter((c) => c.slot < "2026-11-10T13");
    const plan = cityStaffing(cells, november, WITA, now);
    expect(plan.hoursObserved).toBe(9 * 24 + 12);
  });
});
