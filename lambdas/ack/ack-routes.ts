/**
 * HTTP of the acknowledgement function: `GET /a/<token>` shows the page, `POST /a/<token>` with
 * `status=<acknowledged|dispatched|on-scene|resolved>` records a report. Nothing else changes state.
 */
import { type Route, router } from "../shared/http-router";
import type { AckDeps, HttpRequest, HttpResponse } from "../shared/ports";
import { ackPage, problemPage } from "./ack-page";
import {
  type LinkProblem,
  REPORTED_STATUSES,
  type ReportedStatus,
  type ResolvedLink,
  reportStatus,
  resolveAckLink,
} from "./acknowledge";

const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
};

const PROBLEM_STATUS: Readonly<Record<LinkProblem, number>> = {
  malformed: 404,
  unknown: 404,
  expired: 410,
  "bad-signature": 403,
};

function html(statusCode: number, body: string, extra: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...HTML_HEADERS, ...extra }, body };
}

/** The status field of a form or JSON body, or undefined. */
function requestedStatus(body: string | undefined): ReportedStatus | undefined {
  if (!body) return undefined;
  let value: unknown;
  try {
    value = body.trimStart().startsWith("{")
      ? JSON.parse(body).status
      : new URLSearchParams(body).get("status");
  } catch {
    return undefined;
  }
  return REPORTED_STATUSES.find((status) => status === value);
}

type Params = Readonly<Record<string, string>>;

/** The link's page: what the agency is asked to confirm. Never changes anything. */
async function showLink(deps: AckDeps, _request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const link = await linkOf(deps, token!);
  if (typeof link === "string") return html(PROBLEM_STATUS[link], problemPage(link));
  return html(200, ackPage(deps.tenant, link));
}

/** A deliberate POST from the page: records what the agency reports. */
async function report(deps: AckDeps, request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const link = await linkOf(deps, token!);
  if (typeof link === "string") return html(PROBLEM_STATUS[link], problemPage(link));
  const status = requestedStatus(request.body);
  if (!status) {
    return html(400, ackPage(deps.tenant, link), {
      "x-siaga112-error": `status: expected one of ${REPORTED_STATUSES.join(", ")}`,
    });
  }
  const outcome = await reportStatus(deps, link, status);
  const fresh = await linkOf(deps, token!);
  return html(
    outcome.kind === "closed" ? 409 : 200,
    ackPage(deps.tenant, typeof fresh === "string" ? link : fresh, outcome),
  );
}

async function linkOf(deps: AckDeps, encoded: string): Promise<ResolvedLink | LinkProblem> {
  const token = encoded.length > MAX_TOKEN ? undefined : safeDecode(encoded);
  return token === undefined ? "malformed" : resolveAckLink(deps, token);
}

/** Longest token path segment accepted (a real one is about 60 characters). */
const MAX_TOKEN = 200;

/** The acknowledgement function, one row per route. */
const ROUTES: readonly Route<AckDeps>[] = [
  { method: "GET", path: "/a/{token}", handle: showLink },
  { method: "HEAD", path: "/a/{token}", handle: showLink },
  { method: "POST", path: "/a/{token}", handle: report },
];

const matchRoute = router(ROUTES);

/**
 * Answers one request to the acknowledgement function; never throws for bad input.
 *
 * @example
 * await handleAckRequest(deps, { method: "GET", path: "/a/K7Q2XM.damkar.t3k9zz.AbCdEfGhIjKl", ... })
 */
export async function handleAckRequest(deps: AckDeps, request: HttpRequest): Promise<HttpResponse> {
  const match = matchRoute(request);
  if (match.kind === "not-found") return html(404, problemPage("malformed"));
  if (match.kind === "method-not-allowed") {
    return html(405, problemPage("malformed"), {
      allow: match.allowed.filter((m) => m !== "HEAD").join(", "),
    });
  }
  return match.route.handle(deps, request, match.params);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
