/**
 * Who uses the local console: the local centre has no Cognito, so it vouches for the user and role
 * the console chose (headers sent with the local key), the way the JWT authorizer vouches for a
 * token's claims in the cloud. Anyone holding the local key can pick any role: it is a local
 * stand-in, not a security boundary.
 */
import { NATIONAL_ROLE, TENANT_ROLES } from "../domain/roles";
import type { RequestIdentity } from "../lambdas/shared/ports";
import { HttpError } from "./http-kit";

export const LOCAL_USER_HEADER = "x-siaga112-user";
export const LOCAL_ROLE_HEADER = "x-siaga112-role";
/** The kab/kota a monitoring page acts for (what `custom:tenant` says in the cloud). */
export const LOCAL_TENANT_HEADER = "x-siaga112-tenant";

/** Who a request without the headers is (the traffic generator, `siaga112 call`, old clients). */
export const DEFAULT_LOCAL_IDENTITY: RequestIdentity = {
  subject: "local:petugas-lokal",
  username: "petugas-lokal",
  groups: ["call-taker"],
};

/**
 * The identity the local centre vouches for, from the request headers; a bad header is refused
 * with 400 naming it, its value and what is accepted.
 *
 * @example
 * localIdentity({ "x-siaga112-user": "rina", "x-siaga112-role": "supervisor" })
 * // { subject: "local:rina", username: "rina", groups: ["supervisor"] }
 */
export function localIdentity(headers: Readonly<Record<string, string | undefined>>): RequestIdentity {
  const user = headers[LOCAL_USER_HEADER];
  const role = headers[LOCAL_ROLE_HEADER];
  if (user === undefined && role === undefined) return DEFAULT_LOCAL_IDENTITY;
  const username = user ?? DEFAULT_LOCAL_IDENTITY.username!;
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(username))
    throw new HttpError(
      400,
      `${LOCAL_USER_HEADER} ${JSON.stringify(username.slice(0, 80))}: 1-64 of A-Z a-z 0-9 . _ @ -`,
    );
  const group = role ?? "call-taker";
  if (!(TENANT_ROLES as readonly string[]).includes(group))
    throw new HttpError(
      400,
      `${LOCAL_ROLE_HEADER} ${JSON.stringify(group.slice(0, 80))}: one of ${TENANT_ROLES.join(", ")}`,
    );
  return { subject: `local:${username}`, username, groups: [group] };
}

/** Who reads the local monitoring API without the headers: the national centre (the national dashboard). */
export const LOCAL_NATIONAL_IDENTITY: RequestIdentity = {
  subject: "local:pusat-nasional",
  username: "pusat-nasional",
  groups: [NATIONAL_ROLE],
};

/**
 * The identity the local centre vouches for on the monitoring API: the national centre by default,
 * or a kab/kota's staff (a city page sends its role and `x-siaga112-tenant`, as the tenant's pool
 * would say in the cloud). A bad header is refused with 400 naming it.
 *
 * @example
 * localMonitoringIdentity({ "x-siaga112-role": "manager", "x-siaga112-tenant": "71.71" })
 * // { subject: "local:petugas-lokal", username: "petugas-lokal", groups: ["manager"], tenant: "71.71" }
 */
export function localMonitoringIdentity(
  headers: Readonly<Record<string, string | undefined>>,
): RequestIdentity {
  const role = headers[LOCAL_ROLE_HEADER];
  if (role === undefined) return LOCAL_NATIONAL_IDENTITY;
  if (role === NATIONAL_ROLE) return LOCAL_NATIONAL_IDENTITY;
  const tenant = headers[LOCAL_TENANT_HEADER];
  if (tenant !== undefined && !/^\d{2}\.\d{2}$/.test(tenant))
    throw new HttpError(
      400,
      `${LOCAL_TENANT_HEADER} ${JSON.stringify(tenant.slice(0, 40))}: a kab/kota code (NN.NN)`,
    );
  return { ...localIdentity(headers), ...(tenant ? { tenant } : {}) };
}
