/**
 * Who may do what in the call-taker API: the identity the authorizer (or the local centre) vouched
 * for, checked against the tenant; the actor of a write and the desk it lands on; the desks a
 * role may list. The acts of each role are in domain/roles.ts.
 */
import { timingSafeEqual } from "node:crypto";
import type { Incident } from "../../domain/incident";
import { mayAct } from "../../domain/roles";
import type { IncidentFilter } from "../items/incident-lists";
import { LOCAL_API_KEY_HEADER } from "../shared/environment";
import type { HttpRequest, HttpResponse, RequestIdentity, TenantDeps } from "../shared/ports";
import { type FieldProblem, json } from "./validation";

/** The incident is on another call-taker's desk (403): a supervisor can reassign it. */
export class OtherDeskError extends Error {
  override readonly name = "OtherDeskError";
  constructor(
    readonly incidentId: string,
    readonly assignee: string,
  ) {
    super(`incident ${incidentId}: on the desk of "${assignee}"; a supervisor can reassign it`);
  }
}

/** Who acts: the username (the desk) and whether the role may act on every desk. */
export interface Actor {
  readonly username: string;
  readonly everyDesk: boolean;
}

/**
 * The desk an incident goes to when `actor` changes it: an unassigned incident becomes the
 * actor's; one on another desk is refused unless the actor may act on every desk. Without an
 * actor (the relay, tests of the lifecycle) the desk stays as it is.
 */
export function deskFor(incident: Incident, actor: Actor | undefined): string | undefined {
  if (!actor) return incident.assignee;
  if (incident.assignee && incident.assignee !== actor.username && !actor.everyDesk) {
    throw new OtherDeskError(incident.incidentId, incident.assignee);
  }
  return incident.assignee ?? actor.username;
}

/** Who sent the request, or the 401/403 answer. */
export function identify(
  deps: TenantDeps & { readonly localApiKey?: string },
  request: HttpRequest,
): { identity: RequestIdentity } | { refusal: HttpResponse } {
  if (deps.localApiKey) {
    const given = Buffer.from(request.headers[LOCAL_API_KEY_HEADER] ?? "");
    const expected = Buffer.from(deps.localApiKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        refusal: json(401, { error: "unauthenticated", message: `missing or wrong ${LOCAL_API_KEY_HEADER}` }),
      };
    }
  } else if (!request.authorized) {
    return { refusal: json(401, { error: "unauthenticated", message: "no authorizer in front of the API" }) };
  }
  const identity = request.identity;
  if (!identity) {
    return {
      refusal: json(401, {
        error: "unauthenticated",
        message:
          "no identity: a token with sub and cognito:groups (local centre: x-siaga112-user / x-siaga112-role)",
      }),
    };
  }
  // A pool may stamp users with their tenant: a token of another city is refused here as well.
  if (identity.tenant !== undefined && identity.tenant !== deps.tenant.code) {
    return {
      refusal: json(403, {
        error: "forbidden",
        message: `custom:tenant "${identity.tenant}": this is the call-taker API of ${deps.tenant.code} (${deps.tenant.name})`,
      }),
    };
  }
  return { identity };
}

/** The actor of a write: the desk is the username (or the subject when the token has none). */
export function actorOf(identity: RequestIdentity): Actor {
  return {
    username: identity.username ?? identity.subject,
    everyDesk: mayAct(identity.groups, "every-desk"),
  };
}

/** The list filters of a query, with the desk a call-taker may see. */
export function listFilter(
  query: { category?: string; flag?: string; call?: string; desk?: string },
  identity: RequestIdentity,
): IncidentFilter | { problems: FieldProblem[] } {
  const actor = actorOf(identity);
  const desk = query.desk ?? (actor.everyDesk ? "all" : "mine");
  if (!actor.everyDesk && desk !== "mine") {
    return { problems: [{ field: "desk", value: desk, expected: '"mine" (other desks: supervisors only)' }] };
  }
  return {
    ...(query.category ? { category: query.category } : {}),
    ...(query.flag === "repeat" ? { repeatCaller: true } : {}),
    ...(query.flag === "prank" ? { suspectedPrank: true } : {}),
    ...(query.flag === "no-number" ? { noNumber: true } : {}),
    ...(query.call ? { callResult: query.call as IncidentFilter["callResult"] } : {}),
    ...(desk === "mine" ? { deskOf: actor.username } : desk === "all" ? {} : { assignee: desk }),
  };
}
