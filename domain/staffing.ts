/**
 * Staffing, part 2: how many call-takers one interval needs.
 *
 * The smallest number of agents whose queue (see `staffing-erlang.ts`) meets the target: by default
 * NFPA 1225's 90% of calls answered within 10 s, optionally with a cap on occupancy and on the
 * share of callers who hang up. A 112 centre never closes, so the recommendation never falls
 * below `minimumAgents` (default 1), even in an hour without calls.
 *
 * A caller who hangs up counts as not answered. So abandonment cuts both ways: callers who give up
 * shorten the queue for the others (Erlang A usually needs fewer agents than Erlang C), but when
 * callers give up within about the target time, their lost calls cost more than the shorter queue
 * saves and Erlang A asks for more agents than Erlang C, which assumes they would have waited.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib, and holds no text shown to people.
 */
import {
  erlangB,
  invalidInput,
  MAX_QUEUE_STATES,
  nextErlangB,
  performanceWithErlangB,
  type QueueInput,
  type QueuePerformance,
  validateQueueInput,
} from "./staffing-erlang";

/** NFPA 1225: 90% of calls on emergency lines answered within 10 seconds. */
export const NFPA_1225_TARGET = { serviceLevel: 0.9, answerWithinSeconds: 10 } as const;

/** A 112 centre always has someone on shift. */
export const DEFAULT_MINIMUM_AGENTS = 1;

/** The demand of one interval. */
export interface IntervalDemand {
  /** Calls arriving in the interval (may be fractional: an average over several weeks). */
  readonly calls: number;
  /** Average handling time of a call, seconds. */
  readonly ahtSeconds: number;
  /** Length of the interval, seconds. @default 3600 */
  readonly intervalSeconds?: number;
  /**
   * Mean patience of callers before hanging up, seconds: the recommendation uses Erlang A. Absent:
   * Erlang C (nobody hangs up).
   */
  readonly patienceSeconds?: number;
}

/** What the recommendation must achieve. Every field has a default. */
export interface StaffingTarget {
  /** Share of arriving calls answered within `answerWithinSeconds`, above 0 and below 1. @default 0.9 */
  readonly serviceLevel?: number;
  /** @default 10 */
  readonly answerWithinSeconds?: number;
  /** Highest acceptable occupancy, above 0 and at most 1. @default 1 (no cap) */
  readonly maxOccupancy?: number;
  /** Highest acceptable expected share of callers hanging up (Erlang A only). @default 1 (no cap) */
  readonly maxAbandonedShare?: number;
  /** Agents recommended even without calls. @default 1 */
  readonly minimumAgents?: number;
}

/** The target with every default filled in. */
export type ResolvedStaffingTarget = Required<StaffingTarget>;

export interface StaffingRecommendation {
  /** Call-takers to have on shift: the model's minimum, raised to the floor. */
  readonly agents: number;
  /** The fewest agents meeting the target by the model alone (0 when no call is expected). */
  readonly modelAgents: number;
  /** True when `minimumAgents` raised the recommendation above the model's minimum. */
  readonly floorApplied: boolean;
  /** How the queue performs with `agents`. */
  readonly performance: QueuePerformance;
}

/** Searches stop here; only a target of (almost) 100% could get this far. */
const MAX_SEARCH_STEPS = 1_000_000;

/**
 * The target with defaults filled in, checked field by field.
 *
 * @example
 * resolveTarget({ answerWithinSeconds: 15 }) // { serviceLevel: 0.9, answerWithinSeconds: 15, maxOccupancy: 1, ... }
 */
export function resolveTarget(target: StaffingTarget = {}): ResolvedStaffingTarget {
  const resolved = {
    serviceLevel: target.serviceLevel ?? NFPA_1225_TARGET.serviceLevel,
    answerWithinSeconds: target.answerWithinSeconds ?? NFPA_1225_TARGET.answerWithinSeconds,
    maxOccupancy: target.maxOccupancy ?? 1,
    maxAbandonedShare: target.maxAbandonedShare ?? 1,
    minimumAgents: target.minimumAgents ?? DEFAULT_MINIMUM_AGENTS,
  };
  const { serviceLevel, answerWithinSeconds, maxOccupancy, maxAbandonedShare, minimumAgents } = resolved;
  if (!isFiniteNumber(serviceLevel) || serviceLevel <= 0 || serviceLevel >= 1)
    throw invalidInput("serviceLevel", serviceLevel, "not a share above 0 and below 1 (e.g. 0.9 for 90%)");
  if (!isFiniteNumber(answerWithinSeconds) || answerWithinSeconds < 0)
    throw invalidInput(
      "answerWithinSeconds",
      answerWithinSeconds,
      "not a number of seconds of at least 0 (e.g. 10)",
    );
  if (!isFiniteNumber(maxOccupancy) || maxOccupancy <= 0 || maxOccupancy > 1)
    throw invalidInput("maxOccupancy", maxOccupancy, "not a share above 0 and at most 1 (e.g. 0.85)");
  if (!isFiniteNumber(maxAbandonedShare) || maxAbandonedShare <= 0 || maxAbandonedShare > 1)
    throw invalidInput(
      "maxAbandonedShare",
      maxAbandonedShare,
      "not a share above 0 and at most 1 (e.g. 0.05)",
    );
  if (!Number.isInteger(minimumAgents) || minimumAgents < 0)
    throw invalidInput("minimumAgents", minimumAgents, "not a whole number of at least 0 (e.g. 1)");
  return resolved;
}

/**
 * The fewest call-takers for one interval that meet the target (NFPA 1225 by default), never
 * fewer than `minimumAgents`.
 *
 * @example
 * // The Call Centre Helper worked example: 100 calls in 30 minutes, AHT 180 s, 80% within 20 s.
 * recommendAgents({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180 }, { serviceLevel: 0.8, answerWithinSeconds: 20 })
 * // { agents: 14, modelAgents: 14, floorApplied: false, performance: { serviceLevel: 0.888, ... } }
 */
export function recommendAgents(demand: IntervalDemand, target: StaffingTarget = {}): StaffingRecommendation {
  return recommendWithResolvedTarget(demand, resolveTarget(target));
}

/** `recommendAgents` for a target already resolved (many intervals share one target). */
export function recommendWithResolvedTarget(
  demand: IntervalDemand,
  target: ResolvedStaffingTarget,
): StaffingRecommendation {
  const intervalSeconds = demand.intervalSeconds ?? 3600;
  if (!isFiniteNumber(demand.calls) || demand.calls < 0)
    throw invalidInput("calls", demand.calls, "not a number of calls of at least 0");
  if (!isFiniteNumber(intervalSeconds) || intervalSeconds <= 0)
    throw invalidInput("intervalSeconds", intervalSeconds, "not a number of seconds above 0 (e.g. 3600)");
  const queue: QueueInput = {
    agents: 1,
    arrivalsPerSecond: demand.calls / intervalSeconds,
    ahtSeconds: demand.ahtSeconds,
    patienceSeconds: demand.patienceSeconds,
    answerWithinSeconds: target.answerWithinSeconds,
  };
  validateQueueInput(queue);

  const floor = target.minimumAgents;
  if (demand.calls === 0) {
    return {
      agents: floor,
      modelAgents: 0,
      floorApplied: floor > 0,
      performance: performanceWithErlangB({ ...queue, agents: floor }, 0),
    };
  }
  const model = fewestAgentsMeeting(queue, target);
  if (model.agents >= floor)
    return { agents: model.agents, modelAgents: model.agents, floorApplied: false, performance: model };
  const erlangs = queue.arrivalsPerSecond * queue.ahtSeconds;
  const atFloor = performanceWithErlangB({ ...queue, agents: floor }, erlangB(floor, erlangs));
  return { agents: floor, modelAgents: model.agents, floorApplied: true, performance: atFloor };
}

/** True when a queue's performance meets every part of the target. */
export function meetsTarget(performance: QueuePerformance, target: ResolvedStaffingTarget): boolean {
  return (
    performance.serviceLevel >= target.serviceLevel &&
    performance.occupancy <= target.maxOccupancy &&
    performance.abandonedShare <= target.maxAbandonedShare
  );
}

/**
 * Walks up from the fewest agents that could possibly meet the target, carrying Erlang B forward.
 * Lower bounds: Erlang C needs more agents than Erlangs; under Erlang A the answered load stays
 * below the agents (GMR 2002, Appendix C, proof of Theorem 1: λ(1 − P{Ab}) < nμ), so the service
 * level is below agents/Erlangs and at least `serviceLevel × Erlangs` agents are needed. Erlang A
 * counts whose most likely queue exceeds `MAX_QUEUE_STATES` callers are skipped as failing.
 */
function fewestAgentsMeeting(queue: QueueInput, target: ResolvedStaffingTarget): QueuePerformance {
  const erlangs = queue.arrivalsPerSecond * queue.ahtSeconds;
  let start: number;
  if (queue.patienceSeconds === undefined) {
    start = Math.floor(erlangs) + 1;
  } else {
    const theta = 1 / queue.patienceSeconds;
    const boundedQueue = Math.ceil((queue.arrivalsPerSecond - MAX_QUEUE_STATES * theta) * queue.ahtSeconds);
    start = Math.max(1, Math.ceil(target.serviceLevel * erlangs), boundedQueue);
  }
  let b = erlangB(start, erlangs);
  for (let agents = start; agents < start + MAX_SEARCH_STEPS; agents++) {
    if (agents > start) b = nextErlangB(b, agents, erlangs);
    const performance = performanceWithErlangB({ ...queue, agents }, b);
    if (meetsTarget(performance, target)) return performance;
  }
  throw invalidInput(
    "serviceLevel",
    target.serviceLevel,
    `not reached with up to ${start + MAX_SEARCH_STEPS} agents; lower the target`,
  );
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}
