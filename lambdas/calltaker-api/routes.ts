/**
 * HTTP of the call-taker API (JSON). Authenticated by a JWT authorizer in front in the cloud
 * (Cognito groups in the token's claims), by a key header in local mode (the local centre says who
 * the user is). Every route names the act it needs (domain/roles.ts); a role without it gets 403.
 *
 * GET  /incidents?day=&state=&category=&flag=&call=&desk=&limit=&cursor=   a page of a day's incidents
 * GET  /incidents/counts?day=                    incidents of the day per state
 * GET  /incidents/{id}                           one incident, with `agencyProgress` of each alerted agency
 * POST /incidents/{id}/classification            {category, severity, location:{text,lat?,lon?}, notes?}
 * POST /incidents/{id}/outcome                   {outcome}: prank, ghost, information, wrong-number
 * POST /incidents/{id}/close                     {outcome?}
 * POST /incidents/{id}/location-request          (no body) one SMS with a location link to the caller
 * POST /incidents/{id}/callbacks                 {result, talkSeconds?}: one call-back attempt
 * POST /incidents/{id}/assignment                {assignee}: take it (call-taker) or reassign (supervisor)
 * POST /incidents/{id}/reopen                    {}: supervisors
 * GET  /callbacks?limit=&cursor=                 the call-back list
 * GET  /alerts?open=true                         alerts not acknowledged yet, per agency
 * GET  /city?month=YYYY-MM                       the kab/kota's month: supervisors and manager (city-figures.ts)
 */
import { IllegalTransitionError, type Incident, isContactId } from "../../domain/incident";
import type { CallOutcome } from "../../domain/incident-events";
import { type ConsoleAct, mayAct } from "../../domain/roles";
import { localDate } from "../../domain/time-zones";
import { type Route, router } from "../shared/http-router";
import type { HttpRequest, HttpResponse, RequestIdentity, TenantDeps } from "../shared/ports";
import { type Actor, actorOf, identify, listFilter, OtherDeskError } from "./access";
import { type CityFiguresPorts, cityFigures } from "./city-figures";
import { assignIncident, recordCallBack, reopenIncident } from "./follow-up";
import { BadCursorError } from "./list-cursor";
import {
  agencyProgress,
  type Classification,
  ConcurrentChangeError,
  classifyIncident,
  closeIncident,
  IncidentNotFoundError,
  readIncident,
  setOutcome,
} from "./operations";
import { countIncidents, listCallBacks, listIncidents, openAlertsByAgency } from "./queries";
import { type LocationRequestPorts, locationFacts, locationRequestRoute } from "./request-location";
import {
  alertsQuery,
  assignmentBody,
  callBackBody,
  check,
  classificationBody,
  closeBody,
  countsQuery,
  echoed,
  emptyBody,
  invalid,
  json,
  listQuery,
  outcomeBody,
  pageQuery,
} from "./validation";

export interface CallTakerDeps extends TenantDeps {
  /** Set in local mode only: requests must carry it in `x-siaga112-key`. */
  readonly localApiKey?: string;
  /** Sending the caller a location link ("Minta lokasi"); without it that route answers 503. */
  readonly location?: LocationRequestPorts;
  /** The kab/kota's own figures from the national statistics; without it `GET /city` answers 503. */
  readonly city?: CityFiguresPorts;
}

/** What a call-taker sees of an incident (no internal keys). */
export function incidentView(incident: Incident): Record<string, unknown> {
  const { pk, sk, dayPk, codePk, callerKey, version, expiresAt, locationRequestedAt, callbackDue, ...view } =
    incident as Incident & Record<string, unknown>;
  return { ...view, ...(callbackDue ? { callbackDue: true } : {}), version };
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
 * await handleCallTakerRequest(deps, { method: "POST", path: "/incidents/c0ffee/classification", body, identity, ... })
 */
export async function handleCallTakerRequest(
  deps: CallTakerDeps,
  request: HttpRequest,
): Promise<HttpResponse> {
  const who = identify(deps, request);
  if ("refusal" in who) return who.refusal;
  try {
    return await route(deps, request, who.identity);
  } catch (error) {
    if (error instanceof IncidentNotFoundError)
      return json(404, { error: "not-found", message: error.message });
    if (error instanceof OtherDeskError)
      return json(403, { error: "other-desk", message: error.message, assignee: error.assignee });
    if (error instanceof IllegalTransitionError || error instanceof ConcurrentChangeError) {
      return json(409, { error: "conflict", message: error.message });
    }
    if (error instanceof BadCursorError)
      return json(400, {
        error: "invalid-request",
        message: error.message,
        problems: [
          {
            field: "cursor",
            value: echoed(error.cursor),
            expected: "the nextCursor of the previous page",
          },
        ],
      });
    if (error instanceof RangeError) return json(400, { error: "invalid-request", message: error.message });
    deps.log.error("calltaker-api: request failed", {
      path: request.path,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return json(500, { error: "internal", message: "the incident store failed; try again" });
  }
}

type Params = Readonly<Record<string, string>>;

interface CallTakerRoute extends Route<CallTakerDeps> {
  /** The act the caller's role must allow (domain/roles.ts). */
  readonly act: ConsoleAct;
}

/** The identity `identify` checked (`route` hands handlers only requests that have one). */
const identityOf = (request: HttpRequest): RequestIdentity => request.identity!;

/** Reads and validates a JSON body, then runs `act` on the incident named in the path. */
function withBody<T>(
  schema: Parameters<typeof check<T>>[0],
  act: (deps: CallTakerDeps, incidentId: string, input: T, actor: Actor) => Promise<Incident>,
): Route<CallTakerDeps>["handle"] {
  return async (deps, request, params) => {
    const body = parseBody(request.body);
    if ("error" in body) return body.error;
    const input = check(schema, body.value);
    if (input.problems) return invalid(input.problems);
    const actor = actorOf(identityOf(request));
    return json(200, incidentView(await act(deps, params.incidentId!, input.data, actor)));
  };
}

/** The call-taker API, one row per route. */
const ROUTES: readonly CallTakerRoute[] = [
  {
    method: "GET",
    path: "/incidents",
    act: "read",
    handle: async (deps, request) => {
      const query = check(listQuery, { ...request.query });
      if (query.problems) return invalid(query.problems);
      const filter = listFilter(query.data, identityOf(request));
      if ("problems" in filter) return invalid(filter.problems);
      const page = await listIncidents(deps, {
        day: query.data.day ?? localDate(deps.clock.now(), deps.tenant.zone),
        state: query.data.state,
        limit: Number(query.data.limit ?? 50),
        cursor: query.data.cursor,
        filter,
      });
      return json(200, { ...page, incidents: page.incidents.map(incidentView) });
    },
  },
  {
    method: "GET",
    path: "/incidents/counts",
    act: "read",
    handle: async (deps, request) => {
      const query = check(countsQuery, { ...request.query });
      if (query.problems) return invalid(query.problems);
      return json(
        200,
        await countIncidents(deps, query.data.day ?? localDate(deps.clock.now(), deps.tenant.zone)),
      );
    },
  },
  {
    method: "GET",
    path: "/incidents/{incidentId}",
    act: "read",
    handle: async (deps, _request, { incidentId }: Params) => {
      const [incident, agencies] = await Promise.all([
        readIncident(deps, incidentId!),
        agencyProgress(deps, incidentId!),
      ]);
      return json(200, {
        ...incidentView(incident),
        agencyProgress: agencies,
        ...locationFacts(incident, deps.clock.now()),
      });
    },
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/classification",
    act: "handle",
    handle: withBody(classificationBody, (deps, id, input, actor) =>
      classifyIncident(deps, id, input as Classification, actor),
    ),
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/outcome",
    act: "handle",
    handle: withBody(outcomeBody, (deps, id, input, actor) =>
      setOutcome(deps, id, input.outcome as CallOutcome, actor),
    ),
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/location-request",
    act: "handle",
    handle: locationRequestRoute,
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/close",
    act: "handle",
    handle: withBody(closeBody, (deps, id, input, actor) =>
      closeIncident(deps, id, input.outcome as CallOutcome | undefined, actor),
    ),
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/callbacks",
    act: "handle",
    handle: withBody(callBackBody, (deps, id, input, actor) => recordCallBack(deps, id, input, actor)),
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/assignment",
    act: "handle",
    handle: withBody(assignmentBody, (deps, id, input, actor) =>
      assignIncident(deps, id, input.assignee, actor),
    ),
  },
  {
    method: "POST",
    path: "/incidents/{incidentId}/reopen",
    act: "reopen",
    handle: withBody(emptyBody, (deps, id) => reopenIncident(deps, id)),
  },
  {
    method: "GET",
    path: "/callbacks",
    act: "read",
    handle: async (deps, request) => {
      const query = check(pageQuery, { ...request.query });
      if (query.problems) return invalid(query.problems);
      const page = await listCallBacks(deps, {
        limit: Number(query.data.limit ?? 20),
        cursor: query.data.cursor,
      });
      return json(200, { ...page, incidents: page.incidents.map(incidentView) });
    },
  },
  {
    method: "GET",
    path: "/alerts",
    act: "read",
    handle: async (deps, request) => {
      const query = check(alertsQuery, { ...request.query });
      if (query.problems) return invalid(query.problems);
      return json(200, {
        now: new Date(deps.clock.now()).toISOString(),
        agencies: await openAlertsByAgency(deps, { perAgency: 20 }),
      });
    },
  },
  {
    method: "GET",
    path: "/city",
    act: "city-figures",
    handle: (deps, request) => cityFigures(deps, deps.city, request),
  },
];

const matchRoute = router<CallTakerDeps>(ROUTES);

async function route(
  deps: CallTakerDeps,
  request: HttpRequest,
  identity: RequestIdentity,
): Promise<HttpResponse> {
  const match = matchRoute(request);
  if (match.kind !== "found") {
    return json(404, {
      error: "not-found",
      message: `no route ${request.method.toUpperCase()} ${request.path}`,
    });
  }
  const { act } = match.route as CallTakerRoute;
  if (!mayAct(identity.groups, act)) {
    return json(403, {
      error: "forbidden",
      message: `${request.method.toUpperCase()} ${request.path}: needs a role that may "${act}"; groups: ${identity.groups.join(", ") || "(none)"}`,
      act,
    });
  }
  const { incidentId } = match.params;
  if (incidentId !== undefined && !isContactId(incidentId)) {
    return invalid([
      { field: "incidentId", value: incidentId, expected: "a Connect ContactId (letters, digits, dashes)" },
    ]);
  }
  return match.route.handle(deps, { ...request, identity }, match.params);
}
