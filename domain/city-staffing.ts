/**
 * How many call-takers a kab/kota needs, from its own month of hourly statistics: the staffing plan
 * (staffing-plan.ts: Erlang C, or Erlang A once the month holds enough abandoned calls to estimate
 * the callers' patience) for every hour of the week, against NFPA 1225 (90% of calls answered
 * within 10 s) and at most `CITY_STAFFING_TARGET.maxAbandonedShare` of callers hanging up by the
 * model. Handling time is the city's own mean talk time when calls ended in the month
 * (`CallEnded`), else the documented default, and the answer says which.
 *
 * Staff actually logged in is in no event (docs/statistics.md): `staffLoggedIn` is null, and the
 * page says "belum terukur" instead of showing a gap.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */

import type { CityMonth } from "./city-figures";
import { NFPA_1225_TARGET, type StaffingTarget } from "./staffing";
import type { QueueModel } from "./staffing-erlang";
import { DEFAULT_AHT_SECONDS, planStaffing } from "./staffing-plan";
import { type SeriesCell, toHourlyCallRecords } from "./statistics-series";
import { localInstant, type TenantZone } from "./time-zones";

/**
 * The city view's target: NFPA 1225's 90% within 10 s, and by the model at most 5% of callers
 * hanging up before an answer (a choice of this page, not a standard: NFPA 1225 and NENA set answer
 * times only). Every 112 centre keeps at least one call-taker on shift.
 */
export const CITY_STAFFING_TARGET: Required<
  Pick<StaffingTarget, "serviceLevel" | "answerWithinSeconds" | "maxAbandonedShare" | "minimumAgents">
> = {
  serviceLevel: NFPA_1225_TARGET.serviceLevel,
  answerWithinSeconds: NFPA_1225_TARGET.answerWithinSeconds,
  maxAbandonedShare: 0.05,
  minimumAgents: 1,
};

/** The recommendation for one hour of the week. */
export interface WeekHourStaffing {
  /** ISO day of the week: 1 Monday ... 7 Sunday. */
  readonly isoDayOfWeek: number;
  readonly hour: number;
  /** Calls arriving in this hour of the week, averaged over the month's such hours. */
  readonly averageCalls: number;
  /** Handling seconds the model used for this hour (its own mean, else the month's, else the default). */
  readonly handleSeconds: number;
  /** Call-takers to have on shift (the model's, at least one). */
  readonly agents: number;
  /** The most any single such hour of the month needed (its busiest week). */
  readonly busiestHourAgents: number;
  /** Expected share answered within the target time with `agents`. */
  readonly serviceLevel: number;
  /** Known staff logged in: null, not measured (docs/statistics.md). */
  readonly staffLoggedIn: null;
}

export interface CityStaffing {
  readonly target: typeof CITY_STAFFING_TARGET;
  readonly model: QueueModel;
  /** Mean caller patience the Erlang A model used, seconds; null with Erlang C. */
  readonly patienceSeconds: number | null;
  /** Abandoned calls with waiting times behind the patience estimate. */
  readonly abandonsObserved: number;
  /** Handling time used: the month's own mean talk time ("measured") or the default ("assumed"). */
  readonly handling: { readonly seconds: number; readonly source: "measured" | "assumed" };
  /** Hours of the month the plan covers (up to the current hour for this month). */
  readonly hoursObserved: number;
  /** 168 hours of the week, Monday 00:00 first. */
  readonly weekly: readonly WeekHourStaffing[];
  /** Per hour of the day: the most call-takers any day of the week needs at that hour. */
  readonly byHourOfDay: readonly { readonly hour: number; readonly agents: number }[];
  /** Staff logged in is not measured anywhere yet. */
  readonly staffLoggedInMeasured: false;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const HOUR_MS = 3_600_000;

/**
 * The call-takers each hour of the week needs, from the month's hour cells of one kab/kota.
 * `nowMs` ends the plan at the current hour for the current month, so hours still to come do not
 * count as hours without calls.
 *
 * @example
 * cityStaffing(cells, monthOf("2026-11"), zoneOfProvince("71"), Date.now()).byHourOfDay[9].agents // 2
 */
export function cityStaffing(
  cells: readonly SeriesCell[],
  month: CityMonth,
  zone: Pick<TenantZone, "utcOffsetHours">,
  nowMs: number,
): CityStaffing {
  const start = localInstant(month.from, 0, 0, zone.utcOffsetHours);
  const monthEnd = localInstant(month.to, 0, 0, zone.utcOffsetHours) + 24 * HOUR_MS;
  const end = Math.max(start + HOUR_MS, Math.min(monthEnd, Math.floor(nowMs / HOUR_MS) * HOUR_MS));
  const records = toHourlyCallRecords(cells, zone.utcOffsetHours).filter((r) => {
    const ms = Date.parse(r.hourStart);
    return ms >= start && ms < end;
  });
  const plan = planStaffing(records, {
    ...CITY_STAFFING_TARGET,
    utcOffsetHours: zone.utcOffsetHours,
    span: { from: new Date(start).toISOString(), to: new Date(end).toISOString() },
  });
  const weekly = plan.weekly.map(
    (slot): WeekHourStaffing => ({
      isoDayOfWeek: slot.isoDayOfWeek,
      hour: slot.localHour,
      averageCalls: round1(slot.averageCalls),
      handleSeconds: round1(slot.ahtSeconds),
      agents: slot.recommendation?.agents ?? CITY_STAFFING_TARGET.minimumAgents,
      busiestHourAgents: slot.busiestHourAgents ?? CITY_STAFFING_TARGET.minimumAgents,
      serviceLevel: Math.round((slot.recommendation?.performance.serviceLevel ?? 1) * 1000) / 1000,
      staffLoggedIn: null,
    }),
  );
  return {
    target: CITY_STAFFING_TARGET,
    model: plan.model,
    patienceSeconds: plan.patience.seconds === null ? null : round1(plan.patience.seconds),
    abandonsObserved: plan.patience.abandons,
    handling:
      plan.spanAhtSeconds === null
        ? { seconds: DEFAULT_AHT_SECONDS, source: "assumed" }
        : { seconds: round1(plan.spanAhtSeconds), source: "measured" },
    hoursObserved: plan.hours.length,
    weekly,
    byHourOfDay: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      agents: Math.max(...weekly.filter((w) => w.hour === hour).map((w) => w.agents)),
    })),
    staffLoggedInMeasured: false,
  };
}
