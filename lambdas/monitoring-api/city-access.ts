/**
 * Whose city figures a request may read (`GET …/api/city`): the scope comes from the identity the
 * authorizer (or the local centre) vouched for, never from the query. The national monitoring
 * centre (`national`) may read any kab/kota and names it with `tenant=`; a kab/kota's supervisor or
 * manager (roles with the `city-figures` act, domain/roles.ts) reads only the tenant its token
 * names (`custom:tenant`), and a `tenant=` naming another kab/kota is refused, not ignored, so a
 * wrong link is noticed.
 */
import { mayAct, NATIONAL_ROLE } from "../../domain/roles";
import type { AreaNames } from "../../domain/statistics-figures";
import type { RequestIdentity } from "../shared/ports";

/** The kab/kota the request may read, or why not (HTTP status and message). */
export type CityAccess =
  | { readonly tenant: string }
  | { readonly refusal: { readonly status: 400 | 401 | 403 | 404; readonly message: string } };

const TENANT_CODE = /^\d{2}\.\d{2}$/;

/**
 * The kab/kota an identity may read the figures of, given the `tenant` query parameter.
 *
 * @example
 * cityAccess({ subject: "s", groups: ["manager"], tenant: "71.71" }, undefined, names) // { tenant: "71.71" }
 * cityAccess({ subject: "s", groups: ["manager"], tenant: "71.71" }, "35.78", names).refusal.status // 403
 */
export function cityAccess(
  identity: RequestIdentity | undefined,
  asked: string | undefined,
  names: AreaNames,
): CityAccess {
  const refuse = (status: 400 | 401 | 403 | 404, message: string): CityAccess => ({
    refusal: { status, message },
  });
  if (!identity)
    return refuse(401, "no identity: a token with cognito:groups (local centre: x-siaga112-role)");
  if (asked !== undefined && !TENANT_CODE.test(asked))
    return refuse(400, `tenant "${asked.slice(0, 40)}": not a kab/kota code (NN.NN, e.g. 71.71)`);
  let tenant: string;
  if (identity.groups.includes(NATIONAL_ROLE)) {
    if (asked === undefined)
      return refuse(400, "tenant: missing; the national centre names the kab/kota (e.g. tenant=71.71)");
    tenant = asked;
  } else {
    if (!mayAct(identity.groups, "city-figures"))
      return refuse(
        403,
        `groups ${JSON.stringify(identity.groups)}: the city's figures are for supervisor, manager or ${NATIONAL_ROLE}`,
      );
    if (!identity.tenant) return refuse(403, "custom:tenant: missing; the token names no kab/kota");
    if (asked !== undefined && asked !== identity.tenant)
      return refuse(
        403,
        `tenant "${asked}": not your kab/kota (your token is for ${identity.tenant}); a kab/kota sees only its own figures`,
      );
    tenant = identity.tenant;
  }
  if (!names[tenant]) return refuse(404, `tenant "${tenant}": no such kab/kota here`);
  return { tenant };
}
