/**
 * What one alert says, read from the incident at send time: the caller's number lives on the
 * incident only (outbox entries never copy it), and notes added after classification and a
 * position the caller shared through the location link are in every later reminder.
 */
import { alertCoordinates } from "../../domain/caller-location";
import type { StepPosition } from "../../domain/escalation-policy";
import type { Incident } from "../../domain/incident";
import type { AlertContent } from "../../domain/messages";
import type { RuntimeAgency, TenantRuntimeConfig } from "../../domain/tenant-runtime";
import { formatLocalTime } from "../../domain/time-zones";
import type { LinkSigner } from "./links";

/**
 * The content of an alert of a classified incident to one contact of an agency.
 *
 * @example
 * alertContent(tenant, incident, agency, { round: 0, step: 0 }, "piket", links).shortCode // "K7Q2XM"
 */
export function alertContent(
  tenant: TenantRuntimeConfig,
  incident: Incident,
  agency: RuntimeAgency,
  at: StepPosition,
  contactId: string,
  links: LinkSigner,
): AlertContent {
  if (!incident.category || !incident.severity || !incident.location) {
    throw new Error(`incident ${incident.incidentId}: not classified (no category, severity or location)`);
  }
  return {
    tenantName: tenant.name,
    agencyName: agency.name,
    shortCode: incident.shortCode,
    category: incident.category,
    severity: incident.severity,
    locationText: incident.location.text,
    coordinates: alertCoordinates(incident.location, incident.callerLocations),
    notes: incident.notes,
    callerNumber: incident.callerNumber,
    boardUrl: links.board(agency.id, contactId),
    ackUrl: links.incident(incident, agency.id),
    round: at.round,
    step: at.step,
    receivedAtLocal: formatLocalTime(incident.receivedAt, tenant.zone),
  };
}
