/**
 * "Minta lokasi": the call-taker asks the caller, by one SMS with a signed link, to share where
 * they are (the page is the `location` function). The request is recorded first under the policy
 * of domain/location-request.ts, checked atomically, then the SMS goes out; an SMS that SNS
 * refuses is taken back, so it does not count against the caller's limit.
 *
 * `POST /incidents/{id}/location-request` answers:
 * - 202 `{ status: "sent", requestedAt, linkExpiresAt, to (masked), requestsLeft, message }`
 * - 409 `{ error: "location-request-refused", reason: "no-caller-number" | "closed", message }`
 * - 429 `{ error: "location-request-refused", reason: "too-soon" | "limit-reached", message, retryAfterSeconds? }`
 * - 502 `{ error: "sms-failed", message }`; 503 `{ error: "not-configured", message }`
 * `message` is Bahasa Indonesia for the console.
 */
import {
  type CallerLocationReport,
  type CallerPosition,
  latestPosition,
  mapLink,
} from "../../domain/caller-location";
import { type Incident, maskCallerNumber } from "../../domain/incident";
import { locationUrl, signLocationToken } from "../../domain/location-link";
import {
  LOCATION_REQUEST_POLICY,
  type LocationRequestRecord,
  locationRequestRefusal,
  locationRequestSms,
  REQUEST_FAILED_MESSAGE_ID,
  type RefusalVerdict,
  refusalMessageId,
  requestSentMessageId,
} from "../../domain/location-request";
import { IncidentItems } from "../items/incidents";
import type { CallerSms, HttpResponse, SigningSecret, TenantDeps } from "../shared/ports";
import { IncidentNotFoundError } from "./operations";

/** What sending a location link needs beyond the table. */
export interface LocationRequestPorts {
  readonly sms: CallerSms;
  /** The tenant's signing secrets (the ones acknowledgement links use); new links use the current one. */
  readonly secret: SigningSecret;
  /** Base URL of the location function: links are `<base>/l/<token>`. */
  readonly baseUrl: string;
}

export type LocationRequestOutcome =
  | {
      readonly kind: "sent";
      readonly request: LocationRequestRecord;
      /** The caller's number, masked. */
      readonly to: string;
      readonly requestsLeft: number;
      /** Bahasa Indonesia, for the console. */
      readonly message: string;
    }
  | { readonly kind: "refused"; readonly verdict: RefusalVerdict }
  | { readonly kind: "sms-failed" };

/**
 * Sends the caller of an incident one location SMS, if the policy allows it now.
 * Throws IncidentNotFoundError for an unknown incident.
 *
 * @example
 * await requestCallerLocation(deps, ports, "c0ffee") // { kind: "sent", request: { at, linkExpiresAt }, ... }
 */
export async function requestCallerLocation(
  deps: TenantDeps,
  ports: LocationRequestPorts,
  incidentId: string,
): Promise<LocationRequestOutcome> {
  const incidents = new IncidentItems(deps);
  const incident = await incidents.get(incidentId);
  if (!incident) throw new IncidentNotFoundError(incidentId);
  const now = deps.clock.now();
  const refused = locationRequestRefusal(incident, now);
  if (refused) return refuse(deps, incidentId, refused);

  const expiresAt = Math.floor(now / 1000) + deps.tenant.locationLinkMinutes * 60;
  const request: LocationRequestRecord = {
    at: new Date(now).toISOString(),
    linkExpiresAt: new Date(expiresAt * 1000).toISOString(),
  };
  if (!(await incidents.recordLocationRequest(incidentId, request, LOCATION_REQUEST_POLICY))) {
    // Lost a race (another call-taker, or the incident closed meanwhile): say why, as it is now.
    const current = await incidents.get(incidentId);
    if (!current) throw new IncidentNotFoundError(incidentId);
    return refuse(deps, incidentId, locationRequestRefusal(current, now) ?? { refusal: "too-soon" });
  }

  const callerNumber = incident.callerNumber!;
  const token = signLocationToken(
    { tenant: deps.tenant.code, incidentId, shortCode: incident.shortCode, expiresAt },
    (await ports.secret.get()).current,
  );
  const text = locationRequestSms({
    tenantName: deps.tenant.name,
    shortCode: incident.shortCode,
    url: locationUrl(ports.baseUrl, token),
    linkMinutes: deps.tenant.locationLinkMinutes,
  });
  try {
    await ports.sms.send({ incidentId, to: callerNumber, text });
  } catch (error) {
    await incidents.releaseLocationRequest(incidentId, request, incident.locationRequests ?? []);
    deps.metrics.count("LocationSmsFailed");
    // The error's name only: SNS messages may quote the number.
    deps.log.warn("location SMS failed; request taken back", {
      incidentId,
      to: maskCallerNumber(callerNumber),
      error: error instanceof Error ? error.name : "unknown",
    });
    return { kind: "sms-failed" };
  }
  deps.metrics.count("LocationRequested");
  deps.log.info("location requested", {
    incidentId,
    to: maskCallerNumber(callerNumber),
    linkExpiresAt: request.linkExpiresAt,
  });
  const sent = (incident.locationRequests?.length ?? 0) + 1;
  return {
    kind: "sent",
    request,
    to: maskCallerNumber(callerNumber),
    requestsLeft: Math.max(0, LOCATION_REQUEST_POLICY.maxPerIncident - sent),
    message: requestSentMessageId(callerNumber, request.linkExpiresAt, deps.tenant.zone),
  };
}

function refuse(deps: TenantDeps, incidentId: string, verdict: RefusalVerdict): LocationRequestOutcome {
  deps.metrics.count(`LocationRequestRefused-${verdict.refusal}`);
  deps.log.info("location request refused", { incidentId, reason: verdict.refusal });
  return { kind: "refused", verdict };
}

/** The latest report and the latest position known (a later refusal keeps the earlier position). */
export interface CallerLocationView {
  readonly latest: CallerLocationReport;
  readonly position?: CallerPosition & { readonly mapUrl: string };
}

/** Whether the console's "Minta lokasi" can be pressed now, and why not. */
export interface LocationRequestStatus {
  readonly allowed: boolean;
  readonly sent: number;
  readonly max: number;
  /** Expiry of the last link sent. */
  readonly linkExpiresAt?: string;
  readonly reason?: RefusalVerdict["refusal"];
  readonly retryAfterSeconds?: number;
  /** Bahasa Indonesia, when not allowed. */
  readonly message?: string;
}

/**
 * What `GET /incidents/{id}` adds about the caller's location: `callerLocation` (absent until the
 * caller answered) and `locationRequest`.
 *
 * @example
 * locationFacts(incident, Date.now()).locationRequest.allowed // false for a caller without a number
 */
export function locationFacts(
  incident: Incident,
  nowMs: number,
): { readonly callerLocation?: CallerLocationView; readonly locationRequest: LocationRequestStatus } {
  const reports = incident.callerLocations ?? [];
  const position = latestPosition(reports);
  const latest = reports[reports.length - 1];
  const requests = incident.locationRequests ?? [];
  const verdict = locationRequestRefusal(incident, nowMs);
  return {
    ...(latest
      ? {
          callerLocation: {
            latest,
            ...(position ? { position: { ...position, mapUrl: mapLink(position.lat, position.lon) } } : {}),
          },
        }
      : {}),
    locationRequest: {
      allowed: verdict === undefined,
      sent: requests.length,
      max: LOCATION_REQUEST_POLICY.maxPerIncident,
      ...(requests.length > 0 ? { linkExpiresAt: requests[requests.length - 1]!.linkExpiresAt } : {}),
      ...(verdict
        ? {
            reason: verdict.refusal,
            ...(verdict.retryAfterSeconds ? { retryAfterSeconds: verdict.retryAfterSeconds } : {}),
            message: refusalMessageId(verdict),
          }
        : {}),
    },
  };
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/**
 * The route of `POST /incidents/{incidentId}/location-request` (no body).
 *
 * @example
 * await locationRequestRoute({ ...deps, location: ports }, request, { incidentId: "c0ffee" })
 */
export async function locationRequestRoute(
  deps: TenantDeps & { readonly location?: LocationRequestPorts },
  _request: unknown,
  params: Readonly<Record<string, string>>,
): Promise<HttpResponse> {
  const answer = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
    statusCode,
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(body),
  });
  if (!deps.location) {
    return answer(503, {
      error: "not-configured",
      message: "Permintaan lokasi belum diaktifkan untuk layanan 112 ini.",
    });
  }
  const incidentId = params.incidentId!;
  const outcome = await requestCallerLocation(deps, deps.location, incidentId);
  if (outcome.kind === "sms-failed") {
    return answer(502, { error: "sms-failed", message: REQUEST_FAILED_MESSAGE_ID });
  }
  if (outcome.kind === "refused") {
    const { refusal, retryAfterSeconds } = outcome.verdict;
    const limited = refusal === "too-soon" || refusal === "limit-reached";
    return answer(
      limited ? 429 : 409,
      {
        error: "location-request-refused",
        reason: refusal,
        message: refusalMessageId(outcome.verdict),
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      },
      retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {},
    );
  }
  return answer(202, {
    incidentId,
    status: "sent",
    requestedAt: outcome.request.at,
    linkExpiresAt: outcome.request.linkExpiresAt,
    to: outcome.to,
    requestsLeft: outcome.requestsLeft,
    message: outcome.message,
  });
}
