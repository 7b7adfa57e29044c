/**
 * `GET /city?month=YYYY-MM` on a kab/kota's own call-taker API: its month (lambdas/statistics/
 * city-view.ts) for its supervisors and manager. The API's authorizer trusts only the kab/kota's own
 * staff pool, so the scope is the API's own tenant: a `tenant=` naming another kab/kota is refused
 * (403), not ignored. The figures come from the national statistics, read with a grant limited to
 * this kab/kota's two partitions (`cityPartitions`, lib/stacks/tenant-data-stack.ts).
 */

import type { HttpRequest, HttpResponse, TenantDeps } from "../shared/ports";
import { type CityStatistics, cityView } from "../statistics/city-view";
import { json } from "./validation";

/** Where a tenant's API reads its figures; without it `GET /city` answers 503. */
export interface CityFiguresPorts {
  readonly statistics: CityStatistics;
  /** Whether calls sent to the backup centre are measured (the local centre: yes; the cloud: not yet). */
  readonly overflowMeasured: boolean;
}

/**
 * The kab/kota's month, or why not.
 *
 * @example
 * await cityFigures({ tenant, clock, ... }, { statistics: store }, { query: { month: "2026-11" }, ... })
 */
export async function cityFigures(
  deps: Pick<TenantDeps, "tenant" | "clock">,
  ports: CityFiguresPorts | undefined,
  request: Pick<HttpRequest, "query">,
): Promise<HttpResponse> {
  const { tenant } = deps;
  const asked = request.query.tenant;
  if (asked !== undefined && asked !== tenant.code)
    return json(403, {
      error: "forbidden",
      message: `tenant "${asked.slice(0, 40)}": this is the API of ${tenant.code} (${tenant.name}); a kab/kota sees only its own figures`,
    });
  if (!ports)
    return json(503, { error: "unavailable", message: "the city's figures are not configured here" });
  try {
    const { body, reads } = await cityView(ports.statistics, tenant, request.query.month, deps.clock.now());
    return json(200, { ...body, measures: { overflow: ports.overflowMeasured }, reads });
  } catch (error) {
    if (error instanceof RangeError) return json(400, { error: "invalid", message: error.message });
    throw error;
  }
}
