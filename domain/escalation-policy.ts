/**
 * Escalation policy evaluation: which step follows which, when, and how often one contact may be
 * messaged. Pure. Practice from on-call systems (GoAlert, PagerDuty): ordered steps with delays,
 * the whole policy repeated `repeat` times, per-contact rate limits with bundling.
 */
import type { RuntimeAgency } from "./tenant-runtime";

/** A position in an agency's policy: step `step` of run `round` (round 0 is the first run). */
export interface StepPosition {
  readonly round: number;
  readonly step: number;
}

export interface DueStep extends StepPosition {
  /** Minutes after the current step went out. */
  readonly afterMinutes: number;
  readonly contacts: readonly string[];
}

/** Delay before a repeated policy starts again when its first step has `afterMinutes: 0`. */
export const REPEAT_GAP_MINUTES = 5;

/**
 * The step that follows `current` when nobody acknowledges, or undefined when the policy
 * (with its repeats) is exhausted.
 *
 * @example
 * nextStep(polresta, { round: 0, step: 1 }) // { round: 1, step: 0, afterMinutes: 5, contacts: ["piket"] }
 */
export function nextStep(
  agency: Pick<RuntimeAgency, "steps" | "repeat">,
  current: StepPosition,
): DueStep | undefined {
  if (current.step + 1 < agency.steps.length) {
    const step = agency.steps[current.step + 1]!;
    return {
      round: current.round,
      step: current.step + 1,
      afterMinutes: step.afterMinutes,
      contacts: step.contacts,
    };
  }
  if (current.round + 1 > agency.repeat) return undefined;
  const first = agency.steps[0]!;
  return {
    round: current.round + 1,
    step: 0,
    afterMinutes: first.afterMinutes > 0 ? first.afterMinutes : REPEAT_GAP_MINUTES,
    contacts: first.contacts,
  };
}

/**
 * The step at a position, or undefined when the policy has no such position.
 *
 * @example
 * stepAt(polresta, { round: 0, step: 0 })?.contacts // ["piket"]
 */
export function stepAt(
  agency: Pick<RuntimeAgency, "steps" | "repeat">,
  at: StepPosition,
): DueStep | undefined {
  if (at.round < 0 || at.round > agency.repeat || at.step < 0) return undefined;
  const step = agency.steps[at.step];
  return step ? { ...at, afterMinutes: step.afterMinutes, contacts: step.contacts } : undefined;
}

/** Per-contact limits (GoAlert's): one message a minute, 5 per 15 minutes, 11 per hour. */
export const CONTACT_RATE_LIMITS: readonly { readonly windowSeconds: number; readonly max: number }[] = [
  { windowSeconds: 60, max: 1 },
  { windowSeconds: 15 * 60, max: 5 },
  { windowSeconds: 3600, max: 11 },
];

/**
 * When a contact may next be messaged, given when it was messaged before (epoch seconds).
 * Returns `now` when it may be messaged at once.
 *
 * @example
 * nextAllowedSend([1000], 1030) // 1060
 */
export function nextAllowedSend(sentAt: readonly number[], now: number): number {
  let allowed = now;
  for (const limit of CONTACT_RATE_LIMITS) {
    const inWindow = sentAt.filter((t) => t > now - limit.windowSeconds).sort((a, b) => a - b);
    if (inWindow.length >= limit.max) {
      // The oldest send that must leave the window before one more fits.
      const leaving = inWindow[inWindow.length - limit.max]!;
      allowed = Math.max(allowed, leaving + limit.windowSeconds);
    }
  }
  return allowed;
}

/** Sends older than the longest window are of no use for the limits. */
export function pruneSends(sentAt: readonly number[], now: number): number[] {
  const longest = Math.max(...CONTACT_RATE_LIMITS.map((l) => l.windowSeconds));
  return sentAt.filter((t) => t > now - longest);
}

export interface DeliveryPlan {
  /** Contacts messaged now. */
  readonly now: readonly string[];
  /** Contacts whose message is held back and bundled into a digest at `at` (epoch seconds). */
  readonly held: readonly { readonly contact: string; readonly at: number }[];
}

/**
 * Splits a step's contacts into those messaged now and those held back by their rate limit.
 *
 * @example
 * planDelivery(["piket", "kasat"], new Map([["piket", [990]]]), 1000) // { now: ["kasat"], held: [{ contact: "piket", at: 1050 }] }
 */
export function planDelivery(
  contacts: readonly string[],
  sentAtByContact: ReadonlyMap<string, readonly number[]>,
  now: number,
): DeliveryPlan {
  const sendNow: string[] = [];
  const held: { contact: string; at: number }[] = [];
  for (const contact of contacts) {
    const at = nextAllowedSend(sentAtByContact.get(contact) ?? [], now);
    if (at <= now) sendNow.push(contact);
    else held.push({ contact, at });
  }
  return { now: sendNow, held };
}
