/**
 * The local phone panel's routes (web/console/phone-local.js calls them), all with the local key:
 * - `GET  /local/phone/events?tenant=&after=`   events after a seq (polled about once a second)
 * - `POST /local/phone/answer`    {tenant, contactId}: answer a ringing call
 * - `POST /local/phone/hangup`    {tenant, contactId}: hang up a connected call or a call-back
 * - `POST /local/phone/callback`  {tenant, incidentId, number}: call a caller back
 * The user is the one the console chose (local/local-identity.ts).
 */

import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCAL_API_KEY_HEADER } from "../lambdas/shared/environment";
import { HttpError, headersOf, parseJson, queryOf, readBody, sendJson } from "./http-kit";
import { localIdentity } from "./local-identity";
import type { PhoneDesk } from "./phone-desk";

export const PHONE_ROUTE_PREFIX = "/local/phone/";

export interface PhoneRoutedCentre {
  readonly apiKey: string;
  readonly desk: Pick<PhoneDesk, "events" | "answer" | "hangUp" | "callBack">;
  readonly tenants: ReadonlyMap<string, unknown>;
}

function text(body: Record<string, unknown>, field: string, pattern: RegExp, accepted: string): string {
  const value = body[field];
  if (typeof value !== "string" || !pattern.test(value))
    throw new HttpError(400, `${field} ${JSON.stringify(value) ?? "missing"}: ${accepted}`);
  return value;
}

/** Answers one `/local/phone/...` request. */
export async function phoneRoute(
  centre: PhoneRoutedCentre,
  method: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const headers = headersOf(request);
  const given = Buffer.from(headers[LOCAL_API_KEY_HEADER] ?? "");
  const expected = Buffer.from(centre.apiKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(401, `${url.pathname}: missing or wrong ${LOCAL_API_KEY_HEADER}`);
  const tenantOf = (value: unknown) => {
    const code = String(value ?? "");
    if (!centre.tenants.has(code))
      throw new HttpError(
        404,
        `tenant ${JSON.stringify(code)}: not running here (${[...centre.tenants.keys()].join(", ")})`,
      );
    return code;
  };
  const route = `${method} ${url.pathname}`;
  if (route === "GET /local/phone/events") {
    const q = queryOf(url);
    const after = q.after === undefined ? 0 : Number(q.after);
    if (!Number.isInteger(after) || after < 0)
      throw new HttpError(
        400,
        `after ${JSON.stringify(q.after)}: the last seq seen, a whole number (0 = from the start)`,
      );
    return sendJson(response, 200, centre.desk.events(tenantOf(q.tenant), after));
  }
  if (method !== "POST") throw new HttpError(404, `${route}: not a local phone route`);
  const body = parseJson(await readBody(request), route);
  const tenant = tenantOf(body.tenant);
  const user = localIdentity(headers).username ?? "petugas-lokal";
  switch (url.pathname) {
    case "/local/phone/answer": {
      const contactId = text(body, "contactId", /^[A-Za-z0-9-]{1,160}$/, "the contactId of a ringing call");
      if (!centre.desk.answer(tenant, contactId, user))
        throw new HttpError(
          409,
          `contactId ${contactId}: not ringing (answered elsewhere, or the caller hung up)`,
        );
      return sendJson(response, 200, { answered: contactId });
    }
    case "/local/phone/hangup": {
      const contactId = text(body, "contactId", /^[A-Za-z0-9-]{1,160}$/, "the contactId of a connected call");
      if (!centre.desk.hangUp(tenant, contactId))
        throw new HttpError(409, `contactId ${contactId}: no connected call`);
      return sendJson(response, 200, { ended: contactId });
    }
    case "/local/phone/callback": {
      const incidentId = text(body, "incidentId", /^[A-Za-z0-9-]{1,128}$/, "the incident's id");
      const number = text(body, "number", /^\+[1-9]\d{6,14}$/, "an E.164 number, e.g. +6281234567890");
      return sendJson(response, 200, {
        contactId: centre.desk.callBack(tenant, { incidentId, number, by: user }),
      });
    }
    default:
      throw new HttpError(404, `${route}: not a local phone route`);
  }
}
