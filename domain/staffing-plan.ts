/**
 * Staffing, part 4: a tenant's call-taker plan from its own hourly records.
 *
 * From a month (or any span) of hourly records (see `staffing-records.ts`), the call-takers each
 * hour needed, and the same per hour of the day × day of the week in the tenant's own time zone
 * (when to staff), beside the staff actually logged in. Models and targets are those of
 * `staffing.ts`:
 * - handling time: the hour's (or slot's) own average, else the span's, else `defaultAhtSeconds`;
 * - abandonment: Erlang A with the callers' mean patience estimated from the records when they hold
 *   enough abandoned calls with waiting times, Erlang C otherwise.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib, and holds no text shown to people.
 */
import {
  type IntervalDemand,
  type ResolvedStaffingTarget,
  recommendWithResolvedTarget,
  resolveTarget,
  type StaffingRecommendation,
  type StaffingTarget,
} from "./staffing";
import { invalidInput, type QueueModel } from "./staffing-erlang";
import {
  averageHandlingSeconds,
  estimatePatience,
  type HourlyCallRecord,
  type PatienceEstimate,
  type RecordSpan,
  recordedHours,
} from "./staffing-records";
import { localClock } from "./time-zones";

export interface StaffingPlanOptions extends StaffingTarget {
  /** The tenant's offset from UTC in whole hours: 7 WIB, 8 WITA, 9 WIT (see `zoneOfProvince`). */
  readonly utcOffsetHours: number;
  /** Average handling time when no record holds one, seconds. @default DEFAULT_AHT_SECONDS */
  readonly defaultAhtSeconds?: number;
  /** Mean caller patience, seconds, used instead of the estimate from the records. */
  readonly patienceSeconds?: number;
  /** Fewest abandoned calls (with waiting times) to estimate patience from. @default 10 */
  readonly minimumAbandonsForPatience?: number;
  /**
   * The span the records cover, `from` inclusive, `to` exclusive, both on the hour. Hours in it
   * without a record count as hours without calls (the statistics may keep no cell for them).
   * Absent: only the hours given are counted.
   */
  readonly span?: RecordSpan;
}

/** Where an average handling time came from. */
export type AhtSource = "hour" | "slot" | "span" | "default";

export interface HourStaffing {
  /** Start of the hour, ISO 8601 in UTC. */
  readonly hourStart: string;
  /** Local calendar day (`YYYY-MM-DD`), hour (0-23) and ISO day of the week (1 Monday - 7 Sunday). */
  readonly localDate: string;
  readonly localHour: number;
  readonly isoDayOfWeek: number;
  readonly arrived: number;
  readonly ahtSeconds: number;
  readonly ahtSource: AhtSource;
  readonly recommendation: StaffingRecommendation;
  readonly staffLoggedIn: number | null;
  /** Staff logged in minus the recommendation (negative: short); null when staff is unknown. */
  readonly staffSurplus: number | null;
}

/** One hour of the week (e.g. Mondays 09:00-10:00 local) over the span. */
export interface WeeklySlotStaffing {
  readonly isoDayOfWeek: number;
  readonly localHour: number;
  /** Hours of this slot in the span (with a record, or inside `span`). */
  readonly hoursObserved: number;
  readonly averageCalls: number;
  readonly ahtSeconds: number;
  readonly ahtSource: AhtSource;
  /** For the average week of the span; null when no hour of this slot was observed. */
  readonly recommendation: StaffingRecommendation | null;
  /** The largest recommendation among this slot's hours (the busiest week). */
  readonly busiestHourAgents: number | null;
  /** Mean staff logged in over this slot's hours where known. */
  readonly averageStaffLoggedIn: number | null;
}

export interface StaffingPlan {
  readonly target: ResolvedStaffingTarget;
  readonly model: QueueModel;
  readonly patience: PatienceEstimate;
  /** Average handling time over every record that has one; null when none has. */
  readonly spanAhtSeconds: number | null;
  readonly defaultAhtSeconds: number;
  /** One per hour, oldest first. */
  readonly hours: readonly HourStaffing[];
  /** 168 slots: Monday 00:00 first, Sunday 23:00 last. */
  readonly weekly: readonly WeeklySlotStaffing[];
}

/**
 * Handling time assumed when the records hold none: an assumption to replace with the centre's
 * own figure, not a measured 112 average.
 */
export const DEFAULT_AHT_SECONDS = 120;

/**
 * The call-takers a tenant needed each hour of a span and per hour of the week, from its hourly
 * records.
 *
 * @example
 * const plan = planStaffing(records, { utcOffsetHours: zoneOfProvince("71").utcOffsetHours });
 * plan.weekly.find((s) => s.isoDayOfWeek === 1 && s.localHour === 9)?.recommendation?.agents // 3
 * plan.hours[0] // { hourStart: "2026-11-01T16:00:00.000Z", localHour: 0, recommendation: { agents: 1, ... }, staffLoggedIn: 2, staffSurplus: 1, ... }
 */
export function planStaffing(
  records: readonly HourlyCallRecord[],
  options: StaffingPlanOptions,
): StaffingPlan {
  const target = resolveTarget(options);
  const settings = resolveSettings(options);
  const hours = recordedHours(records, options.span);
  const patience = estimatePatience(records, options);
  const spanAht = averageHandlingSeconds(records);
  const recommend = memoizedRecommender(target, patience.seconds);

  const slots = Array.from({ length: 168 }, () => [] as HourStaffing[]);
  const slotRecords = Array.from({ length: 168 }, () => [] as HourlyCallRecord[]);
  const hourPlans = hours.map(({ ms, record }): HourStaffing => {
    const { date: localDate, hour: localHour, isoDayOfWeek } = localClock(ms, options.utcOffsetHours);
    const [ahtSeconds, ahtSource] = handlingTime([record], "hour", spanAht, settings.defaultAhtSeconds);
    const recommendation = recommend({ calls: record.arrived, ahtSeconds });
    const staff = record.staffLoggedIn ?? null;
    const plan: HourStaffing = {
      hourStart: new Date(ms).toISOString(),
      localDate,
      localHour,
      isoDayOfWeek,
      arrived: record.arrived,
      ahtSeconds,
      ahtSource,
      recommendation,
      staffLoggedIn: staff,
      staffSurplus: staff === null ? null : staff - recommendation.agents,
    };
    const slot = (isoDayOfWeek - 1) * 24 + localHour;
    slots[slot]!.push(plan);
    slotRecords[slot]!.push(record);
    return plan;
  });

  const weekly = slots.map((slotHours, slot): WeeklySlotStaffing => {
    const isoDayOfWeek = Math.floor(slot / 24) + 1;
    const localHour = slot % 24;
    const [ahtSeconds, ahtSource] = handlingTime(
      slotRecords[slot]!,
      "slot",
      spanAht,
      settings.defaultAhtSeconds,
    );
    if (slotHours.length === 0) {
      const empty = { hoursObserved: 0, averageCalls: 0, recommendation: null, busiestHourAgents: null };
      return { isoDayOfWeek, localHour, ahtSeconds, ahtSource, averageStaffLoggedIn: null, ...empty };
    }
    const averageCalls = slotHours.reduce((n, h) => n + h.arrived, 0) / slotHours.length;
    const staffed = slotHours.filter((h) => h.staffLoggedIn !== null);
    return {
      isoDayOfWeek,
      localHour,
      hoursObserved: slotHours.length,
      averageCalls,
      ahtSeconds,
      ahtSource,
      recommendation: recommend({ calls: averageCalls, ahtSeconds }),
      busiestHourAgents: slotHours.reduce((n, h) => Math.max(n, h.recommendation.agents), 0),
      averageStaffLoggedIn:
        staffed.length > 0 ? staffed.reduce((n, h) => n + h.staffLoggedIn!, 0) / staffed.length : null,
    };
  });

  return {
    target,
    model: patience.seconds === null ? "erlang-c" : "erlang-a",
    patience,
    spanAhtSeconds: spanAht,
    defaultAhtSeconds: settings.defaultAhtSeconds,
    hours: hourPlans,
    weekly,
  };
}

/** The records' own average handling time, else the span's, else the default. */
function handlingTime(
  records: readonly HourlyCallRecord[],
  ownSource: "hour" | "slot",
  spanAht: number | null,
  defaultAht: number,
): [number, AhtSource] {
  const own = averageHandlingSeconds(records);
  if (own !== null) return [own, ownSource];
  return spanAht !== null ? [spanAht, "span"] : [defaultAht, "default"];
}

/** Hours repeat (many hours with 0, 1, 2 calls and one span AHT): each demand is solved once. */
function memoizedRecommender(target: ResolvedStaffingTarget, patienceSeconds: number | null) {
  const cache = new Map<string, StaffingRecommendation>();
  return (demand: Pick<IntervalDemand, "calls" | "ahtSeconds">): StaffingRecommendation => {
    const key = `${demand.calls}|${demand.ahtSeconds}`;
    let found = cache.get(key);
    if (!found) {
      found = recommendWithResolvedTarget(
        { ...demand, intervalSeconds: 3600, patienceSeconds: patienceSeconds ?? undefined },
        target,
      );
      cache.set(key, found);
    }
    return found;
  };
}

function resolveSettings(options: StaffingPlanOptions) {
  const { utcOffsetHours } = options;
  const defaultAhtSeconds = options.defaultAhtSeconds ?? DEFAULT_AHT_SECONDS;
  if (!Number.isInteger(utcOffsetHours) || utcOffsetHours < -12 || utcOffsetHours > 14)
    throw invalidInput(
      "utcOffsetHours",
      utcOffsetHours,
      "not a whole number of hours from UTC (7 WIB, 8 WITA, 9 WIT)",
    );
  if (!(typeof defaultAhtSeconds === "number" && Number.isFinite(defaultAhtSeconds) && defaultAhtSeconds > 0))
    throw invalidInput("defaultAhtSeconds", defaultAhtSeconds, "not a number of seconds above 0 (e.g. 120)");
  return { defaultAhtSeconds };
}
