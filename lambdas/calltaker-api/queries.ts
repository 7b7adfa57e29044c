/**
 * What call-takers read in lists: a day's incidents (optionally of one state, with filters), the
 * counts per state, the call-back list and the agency alerts not acknowledged yet. Pages continue
 * with opaque cursors (list-cursor.ts), never "the first 100".
 */
import { CALLBACK_WINDOW_HOURS } from "../../domain/call-back";
import { dayPkOf, type Incident } from "../../domain/incident";
import { INCIDENT_STATES, type IncidentState } from "../../domain/incident-events";
import { INCIDENT_TABLE } from "../../domain/incident-table";
import { overdueAt } from "../../domain/open-alerts";
import { localDayBounds } from "../../domain/time-zones";
import { AgencyAlerts } from "../items/agency-alerts";
import { type IncidentFilter, IncidentLists, type IncidentPartition } from "../items/incident-lists";
import { IncidentItems } from "../items/incidents";
import type { TenantDeps } from "../shared/ports";
import { type CursorScope, decodeCursor, encodeCursor } from "./list-cursor";

export interface IncidentPageAnswer {
  readonly incidents: Incident[];
  /** Give it back as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

function scopeOf(partition: IncidentPartition): CursorScope {
  const index =
    INCIDENT_TABLE.indexes[
      partition.kind === "day" ? "byDay" : partition.kind === "state" ? "byState" : "callbacks"
    ];
  const keyNames = ["pk", "sk", index.partitionKey, index.sortKey];
  switch (partition.kind) {
    case "day":
      return { keyNames, fixed: { [index.partitionKey]: partition.dayPk } };
    case "state":
      return {
        keyNames,
        fixed: { [index.partitionKey]: partition.state },
        range: [index.sortKey, partition.from, partition.to],
      };
    case "callbacks":
      return { keyNames, fixed: {}, range: [index.sortKey, partition.since, "~"] };
  }
}

async function pageOf(
  deps: TenantDeps,
  partition: IncidentPartition,
  options: { readonly limit: number; readonly cursor?: string; readonly filter?: IncidentFilter },
): Promise<IncidentPageAnswer> {
  const startKey = options.cursor ? decodeCursor(options.cursor, scopeOf(partition)) : undefined;
  const page = await new IncidentLists(deps).page(partition, {
    limit: options.limit,
    filter: options.filter,
    startKey,
  });
  return { incidents: page.items, ...(page.lastKey ? { nextCursor: encodeCursor(page.lastKey) } : {}) };
}

/**
 * A page of a local day's incidents, newest first; with `state`, only that state (read from the
 * state index, so the page is full whenever enough exist).
 *
 * @example
 * await listIncidents(deps, { day: "2026-11-27", state: "acknowledged", limit: 5 });
 */
export function listIncidents(
  deps: TenantDeps,
  request: {
    readonly day: string;
    readonly state?: IncidentState;
    readonly limit: number;
    readonly cursor?: string;
    readonly filter?: IncidentFilter;
  },
): Promise<IncidentPageAnswer> {
  const partition: IncidentPartition = request.state
    ? { kind: "state", state: request.state, ...localDayBounds(request.day, deps.tenant.zone) }
    : {
        kind: "day",
        dayPk: dayPkOf(localDayBounds(request.day, deps.tenant.zone).from, deps.tenant.zone.utcOffsetHours),
      };
  return pageOf(deps, partition, request);
}

/**
 * How many of a local day's incidents are in each state (every state listed, zeros included).
 *
 * @example
 * await countIncidents(deps, "2026-11-27") // { day: "2026-11-27", total: 12, byState: { received: 3, ... } }
 */
export async function countIncidents(
  deps: TenantDeps,
  day: string,
): Promise<{ day: string; total: number; byState: Record<IncidentState, number> }> {
  const counts = await new IncidentLists(deps).countByState(localDayBounds(day, deps.tenant.zone));
  const byState = Object.fromEntries(INCIDENT_STATES.map((s) => [s, counts[s] ?? 0])) as Record<
    IncidentState,
    number
  >;
  return { day, total: Object.values(byState).reduce((sum, n) => sum + n, 0), byState };
}

/**
 * A page of the call-back list: abandoned and silent calls with a number from the last
 * `CALLBACK_WINDOW_HOURS`, not yet reached, newest first.
 *
 * @example
 * await listCallBacks(deps, { limit: 20 });
 */
export function listCallBacks(
  deps: TenantDeps,
  request: { readonly limit: number; readonly cursor?: string; readonly filter?: IncidentFilter },
): Promise<IncidentPageAnswer> {
  const since = new Date(deps.clock.now() - CALLBACK_WINDOW_HOURS * 3_600_000).toISOString();
  return pageOf(deps, { kind: "callbacks", since }, request);
}

/** One alert an agency has not acknowledged, for the console's panel. */
export interface OpenAlertView {
  readonly incidentId: string;
  readonly shortCode?: string;
  readonly category?: string;
  readonly receivedAt: string;
  /** 0-based position reached in the agency's policy. */
  readonly round: number;
  readonly step: number;
  readonly firstAlertAt?: string;
  readonly lastAlertAt?: string;
  /** When it counts as overdue ("terlambat"); absent until the first alert went out. */
  readonly overdueAt?: string;
  readonly overdue: boolean;
}

/**
 * The alerts each agency of the tenant has not acknowledged yet, newest first, at most
 * `perAgency` each (with `more` when older ones remain); agencies with none are left out.
 *
 * @example
 * await openAlertsByAgency(deps, { perAgency: 20 }) // [{ agencyId: "damkar", name, alerts: [...], more: false }]
 */
export async function openAlertsByAgency(
  deps: TenantDeps,
  options: { readonly perAgency: number },
): Promise<{ agencyId: string; name: string; kind: string; alerts: OpenAlertView[]; more: boolean }[]> {
  const now = deps.clock.now();
  const alerts = new AgencyAlerts(deps);
  const open = await Promise.all(
    deps.tenant.agencies.map(async (agency) => ({
      agency,
      ...(await alerts.openOf(agency.id, options.perAgency)),
    })),
  );
  const ids = open.flatMap((o) => o.alerts.map((a) => a.incidentId));
  const incidents = await new IncidentItems(deps).many(ids);
  return open
    .filter((o) => o.alerts.length > 0)
    .map(({ agency, alerts: found, more }) => ({
      agencyId: agency.id,
      name: agency.name,
      kind: agency.kind,
      more,
      alerts: found.map((alert) => {
        const incident = incidents.get(alert.incidentId);
        const due = alert.firstAlertAt ? overdueAt(agency, alert.firstAlertAt) : undefined;
        return {
          incidentId: alert.incidentId,
          ...(incident ? { shortCode: incident.shortCode } : {}),
          ...(incident?.category ? { category: incident.category } : {}),
          receivedAt: (alert as unknown as { receivedAt: string }).receivedAt,
          round: alert.round,
          step: alert.step,
          ...(alert.firstAlertAt ? { firstAlertAt: alert.firstAlertAt } : {}),
          ...(alert.lastAlertAt ? { lastAlertAt: alert.lastAlertAt } : {}),
          ...(due ? { overdueAt: due } : {}),
          overdue: due !== undefined && Date.parse(due) <= now,
        };
      }),
    }));
}
