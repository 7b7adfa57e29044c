/**
 * Deterministic schedule names (so acknowledgement can cancel them) and local times for people.
 */
import { createHash } from "node:crypto";
import type { StepPosition } from "../../domain/escalation-policy";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";

/**
 * Name of the one-time schedule of one step (at most 64 characters, Scheduler's limit).
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
  const hash = createHash("sha256").update(`${incidentId}|${agencyId}|${at.round}|${at.step}`).digest("hex");
  return `step-${tenantCode.replace(".", "-")}-${hash.slice(0, 40)}`;
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
  const hash = createHash("sha256").update(`${agencyId}|${contactId}|${at}`).digest("hex");
  return `digest-${tenantCode.replace(".", "-")}-${hash.slice(0, 40)}`;
}

/**
 * An ISO time as people in the tenant read it: `27/11/2026 21:04 WITA`.
 *
 * @example
 * formatLocalTime("2026-11-27T13:04:00.000Z", { name: "WITA", utcOffsetHours: 8 }) // "27/11/2026 21:04 WITA"
 */
export function formatLocalTime(
  iso: string,
  zone: Pick<TenantRuntimeConfig["zone"], "name" | "utcOffsetHours">,
): string {
  const local = new Date(Date.parse(iso) + zone.utcOffsetHours * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)} ${zone.name}`;
}
