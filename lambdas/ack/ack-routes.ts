/**
 * HTTP of the acknowledgement function. Nothing but a POST changes state.
 * - `GET /a/<token>`: one incident's page for an agency (e-mail link); `POST` with
 *   `status=<acknowledged|dispatched|on-scene|resolved>` records a report.
 * - `GET /p/<token>`: a contact's duty board (papan tugas, every SMS carries it); `POST` with
 *   `incident=<incident id>&status=<…>` records a report on one of its alerts.
 */
import { dutyBoard } from "../escalation/duty-board";
import { type Route, router } from "../shared/http-router";
import type { AckDeps, HttpRequest, HttpResponse } from "../shared/ports";
import { ackPage, problemPage } from "./ack-page";
import {
  boardAlert,
  type LinkProblem,
  REPORTED_STATUSES,
  type ReportedStatus,
  type ResolvedBoard,
  type ResolvedLink,
  reportStatus,
  resolveAckLink,
  resolveBoardLink,
} from "./acknowledge";
import { boardPage } from "./board-page";

const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
};

/** One answer per problem: an unknown code, agency or contact reads exactly like a bad signature. */
const PROBLEM_STATUS: Readonly<Record<LinkProblem, number>> = {
  malformed: 404,
  invalid: 403,
  expired: 410,
};

function html(statusCode: number, body: string, extra: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...HTML_HEADERS, ...extra }, body };
}

const problem = (link: LinkProblem) => html(PROBLEM_STATUS[link], problemPage(link));

/** The fields of a form or JSON body (strings only). */
function formFields(body: string | undefined): Readonly<Record<string, string>> {
  if (!body || body.length > MAX_BODY) return {};
  try {
    if (body.trimStart().startsWith("{")) {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      );
    }
    return Object.fromEntries(new URLSearchParams(body));
  } catch {
    return {};
  }
}

function requestedStatus(fields: Readonly<Record<string, string>>): ReportedStatus | undefined {
  return REPORTED_STATUSES.find((status) => status === fields.status);
}

const badStatus = { "x-siaga112-error": `status: expected one of ${REPORTED_STATUSES.join(", ")}` };

type Params = Readonly<Record<string, string>>;

/** The incident link's page: what the agency is asked to confirm. Never changes anything. */
async function showLink(deps: AckDeps, _request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const link = await linkOf(deps, token!);
  return typeof link === "string" ? problem(link) : html(200, ackPage(deps.tenant, link));
}

/** A deliberate POST from the incident page: records what the agency reports. */
async function report(deps: AckDeps, request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const link = await linkOf(deps, token!);
  if (typeof link === "string") return problem(link);
  const status = requestedStatus(formFields(request.body));
  if (!status) return html(400, ackPage(deps.tenant, link), badStatus);
  const outcome = await reportStatus(deps, link, status);
  const fresh = await linkOf(deps, token!);
  return html(
    outcome.kind === "closed" ? 409 : 200,
    ackPage(deps.tenant, typeof fresh === "string" ? link : fresh, outcome),
  );
}

/** A contact's duty board. Never changes anything. */
async function showBoard(deps: AckDeps, _request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const owner = await boardOf(deps, token!);
  if (typeof owner === "string") return problem(owner);
  return html(200, boardPage(deps.tenant, owner, await dutyBoard(deps, owner.agency.id)));
}

/** A deliberate POST from the board: records what the agency reports on one of its alerts. */
async function reportOnBoard(deps: AckDeps, request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const owner = await boardOf(deps, token!);
  if (typeof owner === "string") return problem(owner);
  const fields = formFields(request.body);
  const status = requestedStatus(fields);
  const link = fields.incident ? await boardAlert(deps, owner, fields.incident) : undefined;
  if (!status || !link) {
    const error = !status ? badStatus : { "x-siaga112-error": "incident: not an alert of this agency" };
    return html(400, boardPage(deps.tenant, owner, await dutyBoard(deps, owner.agency.id)), error);
  }
  const outcome = await reportStatus(deps, link, status);
  return html(
    outcome.kind === "closed" ? 409 : 200,
    boardPage(deps.tenant, owner, await dutyBoard(deps, owner.agency.id), {
      shortCode: link.incident.shortCode,
      outcome,
    }),
  );
}

async function linkOf(deps: AckDeps, encoded: string): Promise<ResolvedLink | LinkProblem> {
  const token = decodedToken(encoded);
  return token === undefined ? "malformed" : resolveAckLink(deps, token);
}

async function boardOf(deps: AckDeps, encoded: string): Promise<ResolvedBoard | LinkProblem> {
  const token = decodedToken(encoded);
  return token === undefined ? "malformed" : resolveBoardLink(deps, token);
}

/** Longest token path segment accepted (a real one is at most about 90 characters). */
const MAX_TOKEN = 200;
/** Largest form body read (a real one is under 100 bytes). */
const MAX_BODY = 4096;

function decodedToken(encoded: string): string | undefined {
  if (encoded.length > MAX_TOKEN) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** The acknowledgement function, one row per route. */
const ROUTES: readonly Route<AckDeps>[] = [
  { method: "GET", path: "/a/{token}", handle: showLink },
  { method: "HEAD", path: "/a/{token}", handle: showLink },
  { method: "POST", path: "/a/{token}", handle: report },
  { method: "GET", path: "/p/{token}", handle: showBoard },
  { method: "HEAD", path: "/p/{token}", handle: showBoard },
  { method: "POST", path: "/p/{token}", handle: reportOnBoard },
];

const matchRoute = router(ROUTES);

/**
 * Answers one request to the acknowledgement function; never throws for bad input.
 *
 * @example
 * await handleAckRequest(deps, { method: "GET", path: "/p/damkar.piket.t3k9zz.AbCdEfGhIjKl", ... })
 */
export async function handleAckRequest(deps: AckDeps, request: HttpRequest): Promise<HttpResponse> {
  const match = matchRoute(request);
  if (match.kind === "not-found") return problem("malformed");
  if (match.kind === "method-not-allowed") {
    return html(405, problemPage("malformed"), {
      allow: match.allowed.filter((m) => m !== "HEAD").join(", "),
    });
  }
  return match.route.handle(deps, request, match.params);
}
