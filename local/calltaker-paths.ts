/**
 * Paths of the call-taker API (lambdas/calltaker-api) as the local console, the traffic
 * generator and the tests call them, relative to `/t/<tenant>/api`. One place to follow the API.
 */

/**
 * @example
 * callTakerPaths("c0ffee").classification // "/incidents/c0ffee/classification"
 */
export function callTakerPaths(incidentId: string) {
  const incident = `/incidents/${encodeURIComponent(incidentId)}`;
  return {
    incident,
    classification: `${incident}/classification`,
    outcome: `${incident}/outcome`,
    close: `${incident}/close`,
    locationRequest: `${incident}/location-request`,
  } as const;
}

/** The list of a local day's incidents. */
export function incidentListPath(day?: string): string {
  return day ? `/incidents?day=${day}` : "/incidents";
}
