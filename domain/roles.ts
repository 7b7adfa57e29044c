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
