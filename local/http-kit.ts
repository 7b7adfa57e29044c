/**
 * The small HTTP toolkit of the local centre (node:http, no framework): reading bodies, sending
 * JSON and HTML, and serving the static pages under `web/`.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { hostname, networkInterfaces } from "node:os";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Header the centre's own pages and the CLI send for `GET /local/console-key`: a page of another
 * site cannot send it without a CORS preflight, which the centre never grants.
 */
export const CLIENT_HEADER = "x-siaga112-client";

/** Largest request body accepted (forms and JSON commands are small). */
export const MAX_BODY_BYTES = 256 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body: larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An error with the HTTP status to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { "content-type": TYPES[".json"], "cache-control": "no-store" });
  response.end(body);
}

export function send(
  response: ServerResponse,
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
): void {
  response.writeHead(status, { "cache-control": "no-store", ...headers });
  response.end(body);
}

/** Parses a JSON body, or answers 400 naming what was wrong. */
export function parseJson(body: string, what: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new HttpError(400, `${what}: body is not a JSON object (e.g. {"digits": "1"})`);
}

/**
 * Serves a file under `root` for a URL path below a mount (`/dashboard/` -> `web/dashboard/`).
 * Returns false when there is no such file (the caller answers 404).
 */
export function serveStatic(response: ServerResponse, root: string, relativePath: string): boolean {
  const clean = normalize(decodeURIComponent(relativePath)).replace(/^([/\\])+/, "");
  if (clean.split(sep).includes("..")) return false;
  let file = join(root, clean);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  response.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-cache",
  });
  createReadStream(file).pipe(response);
  return true;
}

/** `?a=1&b=2` as a plain object (last value wins). */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** Request headers as a flat map of lower-case names. */
export function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers))
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

/**
 * The `Host` values the local centre answers to: the loopback names on its port, the address it
 * listens on, and, when it listens on every interface, the machine's own addresses and name.
 * Anything else is a page of another site reaching it through DNS rebinding.
 *
 * @example
 * allowedHosts("127.0.0.1", 8112) // ["127.0.0.1:8112", "localhost:8112", "[::1]:8112"]
 */
export function allowedHosts(listenHost: string, port: number): string[] {
  const names = new Set(["127.0.0.1", "localhost", "[::1]"]);
  const everywhere = listenHost === "0.0.0.0" || listenHost === "::";
  names.add(listenHost.includes(":") ? `[${listenHost}]` : listenHost);
  if (everywhere) {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces()))
      for (const a of addresses ?? []) names.add(a.family === "IPv6" ? `[${a.address}]` : a.address);
  }
  return [...names].flatMap((name) => (port === 80 ? [`${name}:80`, name] : [`${name}:${port}`]));
}

/**
 * Refuses what a page of another site could make a browser send: a request whose `Host` is not the
 * centre's (DNS rebinding), and a state-changing request from another origin (a cross-origin
 * `text/plain` POST needs no preflight, so only `Sec-Fetch-Site`, or else `Origin`, tells). Requests
 * without either header (the CLI, curl) pass: they come from the machine itself.
 *
 * @example
 * checkRequestSource(request, new Set(allowedHosts("127.0.0.1", 8112))); // throws HttpError 421 or 403
 */
export function checkRequestSource(request: IncomingMessage, hosts: ReadonlySet<string>): void {
  const host = (request.headers.host ?? "").toLowerCase();
  if (!hosts.has(host))
    throw new HttpError(
      421,
      `Host "${host}": the local centre answers only to ${[...hosts].slice(0, 3).join(", ")}; open it under one of those names`,
    );
  const method = request.method ?? "GET";
  if (method === "GET" || method === "HEAD") return;
  // Sec-Fetch-Site is set by the browser and decides where it is sent: a same-origin form of a
  // page with `Referrer-Policy: no-referrer` (the acknowledgement page) carries `Origin: null`.
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined) {
    if (site === "same-origin" || site === "none") return;
    throw new HttpError(
      403,
      `${method} from a ${site} page: the local centre accepts changes only from its own pages`,
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.has(hostOfOrigin(origin)))
    throw new HttpError(
      403,
      `${method} from origin "${origin}": the local centre accepts changes only from its own pages`,
    );
}

function hostOfOrigin(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" ? url.host.toLowerCase() : "";
  } catch {
    return "";
  }
}
