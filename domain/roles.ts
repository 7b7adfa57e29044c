/**
 * Who may do what: the Cognito groups of a tenant's staff pool and of the national pool, and the
 * acts each allows. The stacks create the groups from these names; the APIs enforce them from the
 * token's `cognito:groups` claim (never from a query parameter); the pages only hide what the API
 * would refuse anyway.
 */

/** Groups of a tenant's own user pool. */
export const TENANT_ROLES = ["call-taker", "supervisor", "read-only", "manager"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Group of the national pool: the national monitoring centre's officers. */
export const NATIONAL_ROLE = "national" as const;

/** Indonesian names of the roles (docs/glossary.md). */
export const ROLE_LABELS_ID: Readonly<Record<TenantRole | typeof NATIONAL_ROLE, string>> = {
  "call-taker": "petugas penerima panggilan",
  supervisor: "supervisor",
  "read-only": "hanya lihat",
  manager: "pengelola",
  national: "pusat pemantauan nasional",
};

/** What a staff member can do in the call-taker console and its API. */
export const CONSOLE_ACTS = [
  /** Read incidents, counts, call-backs and open alerts. */
  "read",
  /** Classify, set an outcome, close, call back, take an unassigned incident to one's desk. */
  "handle",
  /** Reopen a closed incident. */
  "reopen",
  /** Move an incident to another call-taker's desk. */
  "reassign",
  /** List and act on every desk's incidents, not only one's own and the unassigned ones. */
  "every-desk",
  /**
   * Read the kab/kota's own figures: the city dashboard (calls by hour, answer times, agencies'
   * response, the monthly report, call-takers needed). Management information, for supervisors
   * and the manager (docs/statistics.md).
   */
  "city-figures",
] as const;
export type ConsoleAct = (typeof CONSOLE_ACTS)[number];

/**
 * The acts of each tenant role. Read-only staff and the city's manager read everything and change
 * nothing in the console. The city's figures (the city dashboard) are for supervisors and the
 * manager: read-only staff (a liaison officer, an auditor of calls) see incidents, not the
 * centre's management figures; giving them the dashboard is a group membership, not a code change.
 */
export const ROLE_ACTS: Readonly<Record<TenantRole, readonly ConsoleAct[]>> = {
  "call-taker": ["read", "handle"],
  supervisor: ["read", "handle", "reopen", "reassign", "every-desk", "city-figures"],
  "read-only": ["read", "every-desk"],
  manager: ["read", "every-desk", "city-figures"],
};

/**
 * Whether any of the groups allows an act (unknown groups allow nothing).
 *
 * @example
 * mayAct(["call-taker"], "reopen") // false
 * mayAct(["call-taker", "supervisor"], "reopen") // true
 */
export function mayAct(groups: readonly string[], act: ConsoleAct): boolean {
  return groups.some((group) =>
    (ROLE_ACTS as Readonly<Record<string, readonly ConsoleAct[]>>)[group]?.includes(act),
  );
}
