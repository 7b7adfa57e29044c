/**
 * When an alert the agency has not acknowledged counts as overdue ("terlambat", docs/glossary.md):
 * once its policy's first step has had its time without a konfirmasi, i.e. when the second step
 * (or the first repeat) is due. Pure.
 */
import { nextStep, REPEAT_GAP_MINUTES } from "./escalation-policy";
import type { RuntimeAgency } from "./tenant-runtime";

/**
 * The instant an unacknowledged alert becomes overdue.
 *
 * @example
 * overdueAt({ steps: [{ afterMinutes: 0, contacts: ["piket"] }, { afterMinutes: 5, contacts: ["kasat"] }], repeat: 1 }, "2026-11-27T13:00:00.000Z")
 * // "2026-11-27T13:05:00.000Z"
 */
export function overdueAt(agency: Pick<RuntimeAgency, "steps" | "repeat">, firstAlertAt: string): string {
  const next = nextStep(agency, { round: 0, step: 0 });
  const minutes = next && next.afterMinutes > 0 ? next.afterMinutes : REPEAT_GAP_MINUTES;
  return new Date(Date.parse(firstAlertAt) + minutes * 60_000).toISOString();
}
