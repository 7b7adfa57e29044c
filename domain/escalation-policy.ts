/**
 * Escalation policy evaluation: which step follows which, when, and how often one contact may be
 * messaged. Pure. Practice from on-call systems (GoAlert, PagerDuty): ordered steps with delays,
 * the whole policy repeated `repeat` times, per-contact rate limits with bundling.
 *
 * How the limits apply (see `messageAllowedAt`):
 * - The FIRST alert of an incident to an agency (round 0, step 0) goes to each of the step's
 *   contacts at once, whatever the contact received before: a life-critical alert never waits
 *   behind a limit. It still counts toward the contact's windows.
 * - Every later message (the next steps and repeats, i.e. reminders and re-escalations) goes only
 *   when all three windows allow it (GoAlert's: 1 a minute, 5 per 15 minutes, 11 an hour, counting
 *   every message the contact got, first alerts and digests included). Otherwise it is held, and
 *   the contact's held messages go out together as ONE reminder (digest) when the windows allow,
 *   which counts as one message.
 * - Nothing is lost by holding: every message carries the contact's duty board link, and the
 *   board lists every open alert of the agency with its buttons.
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

/**
 * Whether a step's message is the first alert of an incident to the agency (never held).
 *
 * @example
 * isFirstAlert({ round: 0, step: 0 }) // true
 * isFirstAlert({ round: 0, step: 1 }) // false
 */
export function isFirstAlert(at: StepPosition): boolean {
  return at.round === 0 && at.step === 0;
}

/**
 * When one contact's message of a step may go (epoch seconds; `now` means at once): a first alert
 * at once, anything later when the contact's windows allow.
 *
 * @example
 * messageAllowedAt({ round: 0, step: 0 }, [990], 1000) // 1000
 * messageAllowedAt({ round: 0, step: 1 }, [990], 1000) // 1050
 */
export function messageAllowedAt(at: StepPosition, sentAt: readonly number[], now: number): number {
  return isFirstAlert(at) ? now : nextAllowedSend(sentAt, now);
}
