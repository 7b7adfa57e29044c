/**
 * The caller's side of a location link: resolving the token to its incident (by short code, the
 * signature checked against each candidate's full id) and adding what the caller's phone reported
 * to the incident. A link stops working when it expires or when the incident is closed.
 */
import { type CallerLocationReport, MAX_LOCATION_REPORTS } from "../../domain/caller-location";
import type { Incident } from "../../domain/incident";
import { parseLocationToken, verifyLocationToken } from "../../domain/location-link";
import { IncidentItems } from "../items/incidents";
import type { LocationDeps } from "../shared/ports";

/** What is wrong with a link: not a token, not one we signed (or of no incident we know), expired, closed. */
export type LocationLinkProblem = "malformed" | "invalid" | "expired" | "closed";

export interface ResolvedLocationLink {
  readonly incident: Incident;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/**
 * The incident a token is for, or what is wrong with the link.
 *
 * @example
 * const link = await resolveLocationLink(deps, "K7Q2XM.t3k9zz.AbCdEfGhIjKl");
 */
export async function resolveLocationLink(
  deps: LocationDeps,
  token: string,
): Promise<ResolvedLocationLink | LocationLinkProblem> {
  const parsed = parseLocationToken(token);
  if (!parsed) return "malformed";
  const keys = await deps.secret.get();
  const nowSeconds = deps.clock.now() / 1000;
  const incident = await new IncidentItems(deps).ofSignedLink(parsed.shortCode, (incidentId) =>
    verifyLocationToken(parsed, { tenant: deps.tenant.code, incidentId }, keys, nowSeconds),
  );
  if (typeof incident === "string") return incident;
  return incident.state === "closed" ? "closed" : { incident, expiresAt: parsed.expiresAt };
}

export type ShareResult = "recorded" | "closed" | "full" | "unknown";

/**
 * Adds a report from the caller's page to the incident (at most MAX_LOCATION_REPORTS).
 * Logs carry the outcome only: never the position or the words.
 *
 * @example
 * await shareLocation(deps, link, { outcome: "denied", receivedAt }) // "recorded"
 */
export async function shareLocation(
  deps: LocationDeps,
  link: ResolvedLocationLink,
  report: CallerLocationReport,
): Promise<ShareResult> {
  const { incidentId } = link.incident;
  const result = await new IncidentItems(deps).addCallerLocation(incidentId, report, MAX_LOCATION_REPORTS);
  deps.metrics.count(
    result === "recorded" ? `CallerLocation-${report.outcome}` : `CallerLocationRefused-${result}`,
  );
  deps.log.info("caller location report", { incidentId, outcome: report.outcome, result });
  return result;
}
