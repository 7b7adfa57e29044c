/**
 * HTTP of the location function: `GET /l/<token>` shows the page and changes nothing (link
 * previews fetch it); `POST /l/<token>` records what the caller's phone reported, as JSON (the
 * page's button) or a form (the caller's words, and any browser without JavaScript).
 */
import { readLocationReport } from "../../domain/caller-location";
import { type Route, router } from "../shared/http-router";
import type { HttpRequest, HttpResponse, LocationDeps } from "../shared/ports";
import { LOCATION_PAGE_CSP, locationPage, problemPage, resultPage } from "./location-page";
import {
  type LocationLinkProblem,
  type ResolvedLocationLink,
  resolveLocationLink,
  type ShareResult,
  shareLocation,
} from "./share-location";

const PAGE_HEADERS = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "permissions-policy": "geolocation=(self)",
  "content-security-policy": LOCATION_PAGE_CSP,
};

/** Longest token path segment accepted (a real one is 26 characters). */
const MAX_TOKEN = 100;
/** Largest body accepted: a report is well under 1 KB even with 500 characters of words. */
const MAX_BODY = 4096;

const PROBLEMS: Readonly<Record<LocationLinkProblem, { status: number; message: string }>> = {
  malformed: { status: 404, message: "Tautan tidak dikenali. Periksa kembali tautan dari SMS." },
  // An unknown code reads exactly like a bad signature: the link tells nobody which codes exist.
  invalid: { status: 403, message: "Tautan ini tidak sah. Jika darurat, hubungi 112." },
  expired: {
    status: 410,
    message: "Tautan ini sudah kedaluwarsa. Jika masih dalam keadaan darurat, hubungi 112.",
  },
  closed: {
    status: 410,
    message: "Insiden ini sudah ditutup oleh Pusat 112. Jika masih dalam keadaan darurat, hubungi 112.",
  },
};

/** What the caller reads after sending, per outcome or refusal. */
const SENT: Readonly<Record<string, { status: number; message: (centre: string) => string }>> = {
  shared: { status: 200, message: (c) => `Terima kasih. Lokasi Anda sudah diterima ${c}.` },
  described: { status: 200, message: (c) => `Terima kasih. Keterangan lokasi Anda sudah diterima ${c}.` },
  denied: {
    status: 200,
    message: () =>
      "Izin lokasi tidak diberikan; petugas sudah diberi tahu. Anda bisa menulis lokasi Anda di bawah.",
  },
  timeout: {
    status: 200,
    message: () =>
      "Lokasi tidak didapat tepat waktu; petugas sudah diberi tahu. Coba lagi di tempat terbuka, atau tulis lokasi Anda di bawah.",
  },
  unavailable: {
    status: 200,
    message: () =>
      "Ponsel ini tidak bisa menentukan lokasi; petugas sudah diberi tahu. Tulis lokasi Anda di bawah.",
  },
  full: {
    status: 429,
    message: () => "Batas pengiriman lokasi untuk insiden ini sudah tercapai. Jika perlu, hubungi 112.",
  },
  closed: { status: 410, message: () => PROBLEMS.closed.message },
  unknown: {
    status: 404,
    message: () => "Insiden untuk tautan ini tidak ditemukan. Jika darurat, hubungi 112.",
  },
  invalid: { status: 400, message: () => "Data lokasi tidak lengkap. Coba lagi, atau tulis lokasi Anda." },
};

type Params = Readonly<Record<string, string>>;

function wantsJson(request: HttpRequest): boolean {
  return (request.headers["content-type"] ?? "").includes("application/json");
}

function answer(request: HttpRequest, status: number, json: unknown, html: string): HttpResponse {
  return wantsJson(request)
    ? {
        statusCode: status,
        headers: { ...PAGE_HEADERS, "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(json),
      }
    : {
        statusCode: status,
        headers: { ...PAGE_HEADERS, "content-type": "text/html; charset=utf-8" },
        body: html,
      };
}

async function linkOf(
  deps: LocationDeps,
  encoded: string,
): Promise<ResolvedLocationLink | LocationLinkProblem> {
  if (encoded.length > MAX_TOKEN) return "malformed";
  let token: string;
  try {
    token = decodeURIComponent(encoded);
  } catch {
    return "malformed";
  }
  return resolveLocationLink(deps, token);
}

function problem(request: HttpRequest, link: LocationLinkProblem): HttpResponse {
  const { status, message } = PROBLEMS[link];
  return answer(request, status, { error: link, message }, problemPage(message));
}

/** The page of the link. Reads, never writes. */
async function showPage(deps: LocationDeps, request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const link = await linkOf(deps, token!);
  if (typeof link === "string") return problem(request, link);
  return answer(request, 200, {}, locationPage(deps.tenant, link.incident, link.expiresAt));
}

/** The body as fields: JSON from the page's button, form fields from the text box. */
function fieldsOf(request: HttpRequest): Record<string, unknown> | undefined {
  const body = request.body ?? "";
  if (body.length > MAX_BODY) return undefined;
  if (wantsJson(request)) {
    try {
      const value: unknown = JSON.parse(body);
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/** A deliberate POST from the page: adds the caller's report to the incident. */
async function share(deps: LocationDeps, request: HttpRequest, { token }: Params): Promise<HttpResponse> {
  const link = await linkOf(deps, token!);
  if (typeof link === "string") return problem(request, link);
  const fields = fieldsOf(request);
  const read = fields ? readLocationReport(fields, deps.clock.now()) : undefined;
  const centre = `Pusat Layanan 112 ${deps.tenant.name}`;
  if (!read || "problems" in read) {
    const sent = SENT.invalid!;
    return answer(
      request,
      sent.status,
      { error: "invalid-report", message: sent.message(centre), problems: read?.problems ?? [] },
      resultPage(deps.tenant, sent.message(centre)),
    );
  }
  const result: ShareResult = await shareLocation(deps, link, read.report);
  const sent = SENT[result === "recorded" ? read.report.outcome : result]!;
  const message = sent.message(centre);
  return answer(
    request,
    sent.status,
    result === "recorded" ? { ok: true, outcome: read.report.outcome, message } : { error: result, message },
    resultPage(deps.tenant, message),
  );
}

/** The location function, one row per route. */
const ROUTES: readonly Route<LocationDeps>[] = [
  { method: "GET", path: "/l/{token}", handle: showPage },
  { method: "HEAD", path: "/l/{token}", handle: showPage },
  { method: "POST", path: "/l/{token}", handle: share },
];

const matchRoute = router(ROUTES);

/**
 * Answers one request to the location function; never throws for bad input.
 *
 * @example
 * await handleLocationRequest(deps, { method: "GET", path: "/l/K7Q2XM.t3k9zz.AbCdEfGhIjKl", ... })
 */
export async function handleLocationRequest(deps: LocationDeps, request: HttpRequest): Promise<HttpResponse> {
  const match = matchRoute(request);
  if (match.kind === "not-found") return problem(request, "malformed");
  if (match.kind === "method-not-allowed") {
    const response = problem(request, "malformed");
    const allow = match.allowed.filter((m) => m !== "HEAD").join(", ");
    return { ...response, statusCode: 405, headers: { ...response.headers, allow } };
  }
  return match.route.handle(deps, request, match.params);
}
