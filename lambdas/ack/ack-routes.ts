/**
 * HTTP of the acknowledgement function: `GET /a/<token>` shows the page, `POST /a/<token>` with
 * `status=<acknowledged|dispatched|on-scene|resolved>` records a report. Nothing else changes state.
 */
import type { AckDeps, HttpRequest, HttpResponse } from "../shared/ports";
import { ackPage, problemPage } from "./ack-page";
import {
  type LinkProblem,
  REPORTED_STATUSES,
  type ReportedStatus,
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

/**
 * Answers one request to the acknowledgement function; never throws for bad input.
 *
 * @example
 * await handleAckRequest(deps, { method: "GET", path: "/a/K7Q2XM.damkar.t3k9zz.AbCdEfGhIjKl", ... })
 */
export async function handleAckRequest(deps: AckDeps, request: HttpRequest): Promise<HttpResponse> {
  const match = /^\/a\/([^/]{1,200})$/.exec(request.path);
  if (!match) return html(404, problemPage("malformed"));
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD" && method !== "POST") {
    return html(405, problemPage("malformed"), { allow: "GET, POST" });
  }
  const token = safeDecode(match[1]!);
  if (token === undefined) return html(404, problemPage("malformed"));
  const link = await resolveAckLink(deps, token);
  if (typeof link === "string") return html(PROBLEM_STATUS[link], problemPage(link));
  if (method !== "POST") return html(200, ackPage(deps.tenant, link));
  const status = requestedStatus(request.body);
  if (!status) {
    return html(400, ackPage(deps.tenant, link), {
      "x-siaga112-error": `status: expected one of ${REPORTED_STATUSES.join(", ")}`,
    });
  }
  const outcome = await reportStatus(deps, link, status);
  const fresh = await resolveAckLink(deps, token);
  return html(
    outcome.kind === "closed" ? 409 : 200,
    ackPage(deps.tenant, typeof fresh === "string" ? link : fresh, outcome),
  );
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
