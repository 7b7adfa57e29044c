/**
 * Deterministic names of the one-time schedules, so that acknowledgement can cancel a step and a
 * duplicate create is a no-op. The group they live in is `tenantNames(tenant).scheduleGroup`.
 */
import { createHash } from "node:crypto";
import type { StepPosition } from "../../domain/escalation-policy";
import { tenantNames } from "../../domain/naming";

/** Scheduler's limit on a schedule name. */
const MAX_NAME = 64;

function scheduleName(kind: "step" | "digest", tenantCode: string, identity: string): string {
  const hash = createHash("sha256").update(identity).digest("hex");
  return `${kind}-${tenantNames({ code: tenantCode }).schedulePrefix}-${hash.slice(0, 40)}`.slice(
    0,
    MAX_NAME,
  );
}

/**
 * Name of the one-time schedule of one step.
 *
 * @example
 * stepScheduleName("71.71", "c0ffee", "damkar", { round: 0, step: 1 }) // "step-71-71-3f…"
 */
export function stepScheduleName(
  tenantCode: string,
  incidentId: string,
  agencyId: string,
  at: StepPosition,
): string {
  return scheduleName("step", tenantCode, `${incidentId}|${agencyId}|${at.round}|${at.step}`);
}

/**
 * Name of the digest schedule of one contact at one time.
 *
 * @example
 * digestScheduleName("71.71", "damkar", "piket", 1764280000) // "digest-71-71-…"
 */
export function digestScheduleName(
  tenantCode: string,
  agencyId: string,
  contactId: string,
  at: number,
): string {
  return scheduleName("digest", tenantCode, `${agencyId}|${contactId}|${at}`);
}
