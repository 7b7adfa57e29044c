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
import { IllegalTransitionError, type Incident, isContactId } from "../../domain/incident";
import type { CallOutcome } from "../../domain/incident-events";
import { localDate } from "../../domain/time-zones";
import { LOCAL_API_KEY_HEADER } from "../shared/environment";
import { type Route, router } from "../shared/http-router";
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

/** Longest part of a bad value echoed back: a huge field never makes a huge answer (Lambda's 6 MB). */
export const ECHO_MAX = 80;

/**
 * A bad value as an error echoes it: short values as they are, long strings and structures cut
 * to `ECHO_MAX` characters with the full length named.
 *
 * @example
 * echoed("x".repeat(4_000_000)) // "xxx…x… (4000000 characters)"
 */
export function echoed(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === "number" || typeof value === "boolean")
    return value;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  if (text.length <= ECHO_MAX) return value;
  return `${text.slice(0, ECHO_MAX)}… (${text.length} characters)`;
}

function invalid(problems: FieldProblem[]): HttpResponse {
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, value: echoed(p.value) }));
  return json(400, {
    error: "invalid-request",
    message: shown
      .map((p) => `${p.field} ${JSON.stringify(p.value) ?? "missing"}: expected ${p.expected}`)
      .join("; "),
    problems: shown,
  });
}

/** Problems listed per answer (a body can have thousands of bad keys). */
const MAX_PROBLEMS = 20;

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
    return { error: invalid([{ field: "(body)", value: body, expected: "a JSON object" }]) };
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

type Params = Readonly<Record<string, string>>;

/** Reads and validates a JSON body, then runs `act` on the incident named in the path. */
function withBody<T>(
  schema: Parameters<typeof check<T>>[0],
  act: (deps: CallTakerDeps, incidentId: string, input: T) => Promise<Incident>,
): Route<CallTakerDeps>["handle"] {
  return async (deps, request, params) => {
    const body = parseBody(request.body);
    if ("error" in body) return body.error;
    const input = check(schema, body.value);
    if (input.problems) return invalid(input.problems);
    return json(200, incidentView(await act(deps, params.incidentId!, input.data)));
  };
}

/** The call-taker API, one row per route. */
const ROUTES: readonly Route<CallTakerDeps>[] = [
  {
    method: "GET",
    path: "/incidents",
    handle: async (deps, request) => {
      const query = check(listQuery, { ...request.query });
      if (query.problems) return invalid(query.problems);
      const incidents = await listIncidents(deps, {
        day: query.data.day ?? localDate(deps.clock.now(), deps.tenant.zone),
        limit: Number(query.data.limit ?? 50),
        state: query.data.state,
      });
      return json(200, { incidents: incidents.map(incidentView) });
    },
  },
  {
    method: "GET",
    path: "/incidents/{incidentId}",
    handle: async (deps, _request, { incidentId }: Params) => {
      const [incident, agencies] = await Promise.all([
        readIncident(deps, incidentId!),
        agencyProgress(deps, incidentId!),
      ]);
      return json(200, { ...incidentView(incident), agencyProgress: agencies });
    },
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/classification",
    handle: withBody(classificationBody, (deps, id, input) =>
      classifyIncident(deps, id, input as Classification),
    ),
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/outcome",
    handle: withBody(outcomeBody, (deps, id, input) => setOutcome(deps, id, input.outcome as CallOutcome)),
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/close",
    handle: withBody(closeBody, (deps, id, input) =>
      closeIncident(deps, id, input.outcome as CallOutcome | undefined),
    ),
  },
];

const matchRoute = router(ROUTES);

async function route(deps: CallTakerDeps, request: HttpRequest): Promise<HttpResponse> {
  const match = matchRoute(request);
  if (match.kind !== "found") {
    return json(404, {
      error: "not-found",
      message: `no route ${request.method.toUpperCase()} ${request.path}`,
    });
  }
  const { incidentId } = match.params;
  if (incidentId !== undefined && !isContactId(incidentId)) {
    return invalid([
      { field: "incidentId", value: incidentId, expected: "a Connect ContactId (letters, digits, dashes)" },
    ]);
  }
  return match.route.handle(deps, request, match.params);
}
