/**
 * HTTP of the call-taker API (JSON). Authenticated by an authorizer in front in the cloud, by a
 * key header in local mode.
 *
 * GET  /incidents?day=YYYY-MM-DD&state=&limit=   incidents of a day (default: today), newest first
 * GET  /incidents/{id}                           one incident, with `agencyProgress` of each alerted agency
 * POST /incidents/{id}/classification            {category, severity, location:{text,lat?,lon?}, notes?}
 * POST /incidents/{id}/outcome                   {outcome}: prank, ghost, information, wrong-number
 * POST /incidents/{id}/close                     {outcome?}
 */
import { timingSafeEqual } from "node:crypto";
import { IllegalTransitionError, type Incident } from "../../domain/incident";
import type { CallOutcome } from "../../domain/incident-events";
import { localDate } from "../../domain/time-zones";
import { LOCAL_API_KEY_HEADER } from "../shared/environment";
import type { HttpRequest, HttpResponse, TenantDeps } from "../shared/ports";
import {
  agencyProgress,
  type Classification,
  ConcurrentChangeError,
  classifyIncident,
  closeIncident,
  IncidentNotFoundError,
  listIncidents,
  readIncident,
  setOutcome,
} from "./operations";
import {
  check,
  classificationBody,
  closeBody,
  type FieldProblem,
  listQuery,
  outcomeBody,
} from "./validation";

export interface CallTakerDeps extends TenantDeps {
  /** Set in local mode only: requests must carry it in `x-siaga112-key`. */
  readonly localApiKey?: string;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

function json(statusCode: number, body: unknown): HttpResponse {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

function invalid(problems: FieldProblem[]): HttpResponse {
  return json(400, {
    error: "invalid-request",
    message: problems
      .map((p) => `${p.field} ${JSON.stringify(p.value) ?? "missing"}: expected ${p.expected}`)
      .join("; "),
    problems,
  });
}

/** What a call-taker sees of an incident (no internal keys). */
export function incidentView(incident: Incident): Record<string, unknown> {
  const { pk, sk, dayPk, codePk, callerKey, version, expiresAt, ...view } = incident as Incident &
    Record<string, unknown>;
  return { ...view, version };
}

function authenticated(deps: CallTakerDeps, request: HttpRequest): boolean {
  if (deps.localApiKey) {
    const given = Buffer.from(request.headers[LOCAL_API_KEY_HEADER] ?? "");
    const expected = Buffer.from(deps.localApiKey);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  return request.authorized;
}

function parseBody(body: string | undefined): { value: unknown } | { error: HttpResponse } {
  if (!body) return { value: {} };
  try {
    return { value: JSON.parse(body) };
  } catch {
    return { error: invalid([{ field: "(body)", value: body.slice(0, 80), expected: "a JSON object" }]) };
  }
}

/**
 * Answers one call-taker request; never throws.
 *
 * @example
 * await handleCallTakerRequest(deps, { method: "POST", path: "/incidents/c0ffee/classification", body, ... })
 */
export async function handleCallTakerRequest(
  deps: CallTakerDeps,
  request: HttpRequest,
): Promise<HttpResponse> {
  if (!authenticated(deps, request)) {
    return json(401, {
      error: "unauthenticated",
      message: `missing or wrong ${LOCAL_API_KEY_HEADER} / authorizer`,
    });
  }
  try {
    return await route(deps, request);
  } catch (error) {
    if (error instanceof IncidentNotFoundError)
      return json(404, { error: "not-found", message: error.message });
    if (error instanceof IllegalTransitionError || error instanceof ConcurrentChangeError) {
      return json(409, { error: "conflict", message: error.message });
    }
    if (error instanceof RangeError) return json(400, { error: "invalid-request", message: error.message });
    deps.log.error("calltaker-api: request failed", {
      path: request.path,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return json(500, { error: "internal", message: "the incident store failed; try again" });
  }
}

async function route(deps: CallTakerDeps, request: HttpRequest): Promise<HttpResponse> {
  const method = request.method.toUpperCase();
  const parts = request.path.split("/").filter(Boolean);
  if (parts[0] !== "incidents" || parts.length > 3)
    return json(404, { error: "not-found", message: `no route ${method} ${request.path}` });
  const id = parts[1];
  if (id !== undefined && !/^[A-Za-z0-9-]{1,128}$/.test(id)) {
    return invalid([
      { field: "incidentId", value: id, expected: "a Connect ContactId (letters, digits, dashes)" },
    ]);
  }

  if (method === "GET" && !id) {
    const query = check(listQuery, { ...request.query });
    if (query.problems) return invalid(query.problems);
    const today = localDate(deps.clock.now(), deps.tenant.zone);
    const incidents = await listIncidents(deps, {
      day: query.data.day ?? today,
      limit: Number(query.data.limit ?? 50),
      state: query.data.state,
    });
    return json(200, { incidents: incidents.map(incidentView) });
  }
  if (method === "GET" && id && parts.length === 2) {
    const [incident, agencies] = await Promise.all([readIncident(deps, id), agencyProgress(deps, id)]);
    return json(200, { ...incidentView(incident), agencyProgress: agencies });
  }
  if (method !== "POST" || !id || parts.length !== 3) {
    return json(404, { error: "not-found", message: `no route ${method} ${request.path}` });
  }
  const body = parseBody(request.body);
  if ("error" in body) return body.error;
  switch (parts[2]) {
    case "classification": {
      const input = check(classificationBody, body.value);
      if (input.problems) return invalid(input.problems);
      return json(200, incidentView(await classifyIncident(deps, id, input.data as Classification)));
    }
    case "outcome": {
      const input = check(outcomeBody, body.value);
      if (input.problems) return invalid(input.problems);
      return json(200, incidentView(await setOutcome(deps, id, input.data.outcome as CallOutcome)));
    }
    case "close": {
      const input = check(closeBody, body.value);
      if (input.problems) return invalid(input.problems);
      return json(
        200,
        incidentView(await closeIncident(deps, id, input.data.outcome as CallOutcome | undefined)),
      );
    }
    default:
      return json(404, { error: "not-found", message: `no route ${method} ${request.path}` });
  }
}
