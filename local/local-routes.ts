/**
 * The local centre's HTTP routes:
 * - `/`, `/dashboard/`, `/console/`, `/inbox/`         static pages from `web/`
 * - `/shared/`                                         what every page loads (sign-in, vendored libraries)
 * - `GET  /dashboard/api/<view>`                       the national monitoring API (dashboard, statistics, …)
 * - `GET  /local/tenants`                              tenants, agencies, labels (no key)
 * - `GET  /local/console-key`                          the call-taker API key, only to the centre's own
 *                                                      pages and the CLI (header `x-siaga112-client`)
 * - `POST /local/calls`                                place a call (`CallRequest` + `tenant`)
 * - `GET  /local/inbox?tenant=&after=`                 agency inbox messages
 * - `GET  /local/clock`, `POST /local/clock/advance`   local time; jump ahead `{ minutes }`
 * - `GET  /local/settled`                              waits until every change is relayed and counted
 * - `/local/phone/...`                                 the local phone panel (local/phone-routes.ts)
 * - `/t/<code>/api/...`                                the tenant's call-taker API
 * - `/t/<code>/ack/...`                                the tenant's acknowledgement pages (GET page, POST act)
 * - `/t/<code>/loc/...`                                the tenant's caller location pages (GET page, POST share)
 *
 * Every request must name the centre as its `Host` (no DNS rebinding), and a request that changes
 * anything must not come from another origin (`checkRequestSource` in ./http-kit.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { consoleDirectory } from "../domain/console-settings";
import type { Tenant } from "../domain/tenant";
import type { HttpRequest } from "../lambdas/shared/ports";
import type { AgencyInbox } from "./agency-inbox";
import {
  CLIENT_HEADER,
  checkRequestSource,
  HttpError,
  headersOf,
  parseJson,
  queryOf,
  readBody,
  send,
  sendJson,
  serveStatic,
} from "./http-kit";
import { parseCallRequest, type TenantPhone } from "./local-calls";
import type { LocalClock } from "./local-clock";
import { localIdentity, localMonitoringIdentity } from "./local-identity";
import type { NationalMonitoring } from "./national-monitoring";
import { PHONE_ROUTE_PREFIX, type PhoneRoutedCentre, phoneRoute } from "./phone-routes";
import type { TenantFunctions } from "./tenant-functions";

const PAGES = ["dashboard", "console", "inbox", "shared"] as const;

/** What the routes need of the local centre (the centre itself provides it). */
export interface RoutedCentre {
  readonly url: string;
  readonly webDir: string;
  readonly apiKey: string;
  /** `Host` values the centre answers to (./http-kit.ts `allowedHosts`). */
  readonly hosts: ReadonlySet<string>;
  readonly tenants: ReadonlyMap<
    string,
    {
      readonly tenant: Tenant;
      readonly phone: Pick<TenantPhone, "call">;
      readonly functions: Pick<TenantFunctions, "callTaker" | "ack" | "location">;
    }
  >;
  readonly national: Pick<NationalMonitoring, "answer">;
  readonly inbox: Pick<AgencyInbox, "list">;
  readonly clock: Pick<LocalClock, "now" | "upcoming" | "failures" | "advance">;
  readonly desk: PhoneRoutedCentre["desk"];
  settled(): Promise<void>;
}

/** Answers one request; never throws (errors become JSON with the status). */
export async function routeRequest(
  centre: RoutedCentre,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    checkRequestSource(request, centre.hosts);
    const url = new URL(request.url ?? "/", centre.url);
    const method = request.method ?? "GET";
    const path = url.pathname;
    if (path.startsWith("/dashboard/api/")) {
      const answer = await centre.national.answer({
        method,
        path,
        query: queryOf(url),
        headers: headersOf(request),
        authorized: false,
        // The local centre vouches for who reads: the national centre, or a city page's staff.
        identity: localMonitoringIdentity(headersOf(request)),
      });
      return send(response, answer.statusCode, answer.headers, answer.body);
    }
    const tenantRoute = /^\/t\/([0-9.]+)\/(api|ack|loc)(\/.*)?$/.exec(path);
    if (tenantRoute) {
      const local = centre.tenants.get(tenantRoute[1]);
      if (!local)
        throw new HttpError(
          404,
          `tenant "${tenantRoute[1]}": not running here (${[...centre.tenants.keys()].join(", ")})`,
        );
      const headers = headersOf(request);
      const plain: HttpRequest = {
        method,
        path: tenantRoute[3] ?? "/",
        headers,
        query: queryOf(url),
        body: method === "GET" || method === "HEAD" ? undefined : await readBody(request),
        authorized: false,
        // The local centre vouches for who uses the console (the key is checked by the API).
        ...(tenantRoute[2] === "api" ? { identity: localIdentity(headers) } : {}),
      };
      const fn = { api: local.functions.callTaker, ack: local.functions.ack, loc: local.functions.location };
      const answer = await fn[tenantRoute[2] as keyof typeof fn](plain);
      return send(response, answer.statusCode, answer.headers, answer.body);
    }
    if (path.startsWith(PHONE_ROUTE_PREFIX)) return await phoneRoute(centre, method, url, request, response);
    if (path.startsWith("/local/")) return await localApi(centre, method, url, request, response);
    if (method !== "GET" && method !== "HEAD")
      throw new HttpError(405, `${method} ${path}: pages are read with GET`);
    if (path === "/") {
      if (serveStatic(response, centre.webDir, "index.html")) return;
    }
    for (const page of PAGES) {
      if (path === `/${page}`) return send(response, 301, { location: `/${page}/` }, "");
      if (
        path.startsWith(`/${page}/`) &&
        serveStatic(response, join(centre.webDir, page), path.slice(page.length + 2))
      )
        return;
    }
    throw new HttpError(404, `${path}: not found (open / for the list of pages)`);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    if (!response.headersSent)
      sendJson(response, status, { error: error instanceof Error ? error.message : String(error) });
    else response.end();
  }
}

async function localApi(
  centre: RoutedCentre,
  method: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const route = `${method} ${url.pathname}`;
  switch (route) {
    case "GET /local/console-key":
      return sendJson(response, 200, { apiKey: consoleKey(centre, request) });
    case "GET /local/tenants":
      return sendJson(response, 200, {
        now: new Date(centre.clock.now()).toISOString(),
        // Tenants, labels and role acts as each tenant's settings file has them in the cloud.
        ...consoleDirectory([...centre.tenants.values()].map(({ tenant }) => tenant)),
        // The console's phone panel: the local one (web/console/phone-local.js).
        phonePanel: { kind: "local" },
      });
    case "POST /local/calls": {
      const body = parseJson(await readBody(request), "POST /local/calls");
      const code = String(body.tenant ?? "");
      const local = centre.tenants.get(code);
      if (!local)
        throw new HttpError(
          404,
          `tenant "${code}": not running here (one of ${[...centre.tenants.keys()].join(", ")})`,
        );
      try {
        return sendJson(response, 200, await local.phone.call(parseCallRequest(body)));
      } catch (error) {
        throw new HttpError(400, (error as Error).message);
      }
    }
    case "GET /local/inbox": {
      const q = queryOf(url);
      const after = q.after === undefined ? undefined : Number(q.after);
      return sendJson(response, 200, {
        messages: centre.inbox.list({
          tenant: q.tenant || undefined,
          agencyId: q.agency || undefined,
          text: q.text || undefined,
          to: q.to || undefined,
          after,
        }),
      });
    }
    case "GET /local/settled": {
      // Answers once every change is relayed and every event counted (simulate, bench, tests).
      const started = performance.now();
      await centre.settled();
      return sendJson(response, 200, { waitedSeconds: (performance.now() - started) / 1000 });
    }
    case "GET /local/clock":
      return sendJson(response, 200, {
        now: new Date(centre.clock.now()).toISOString(),
        upcoming: centre.clock
          .upcoming()
          .map((s) => ({ name: s.name, at: new Date(s.at).toISOString(), task: s.task })),
        failures: centre.clock.failures,
      });
    case "POST /local/clock/advance": {
      const body = parseJson(await readBody(request), route);
      const minutes = Number(body.minutes);
      if (!(minutes >= 0 && minutes <= 24 * 60))
        throw new HttpError(400, `minutes ${JSON.stringify(body.minutes)}: a number from 0 to 1440`);
      await centre.clock.advance(minutes * 60_000);
      return sendJson(response, 200, { now: new Date(centre.clock.now()).toISOString() });
    }
    default:
      throw new HttpError(404, `${route}: not a local centre route`);
  }
}

/**
 * The call-taker API key, for the centre's own pages (a same-origin `fetch` with `CLIENT_HEADER`)
 * and the CLI; a plain navigation, a form or a cross-site request gets 403.
 */
function consoleKey(centre: RoutedCentre, request: IncomingMessage): string {
  const site = request.headers["sec-fetch-site"];
  if (!request.headers[CLIENT_HEADER] || (site !== undefined && site !== "same-origin"))
    throw new HttpError(
      403,
      `GET /local/console-key: only for the centre's own pages and the CLI (send the ${CLIENT_HEADER} header from a same-origin fetch)`,
    );
  return centre.apiKey;
}
