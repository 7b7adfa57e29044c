/**
 * The national statistics table: counter cells plus the bookkeeping that makes the aggregator
 * idempotent. Pure constants and key builders shared by the national stack (CDK), the local
 * centre (dynalite) and the two national functions. No AWS imports.
 *
 * Items (all under `pk`/`sk`):
 * - cell        `DAY#<YYYY-MM-DD>` / `TENANT#<code>`      counters of one kab/kota on one local day
 * - event seen  `EVENT#<eventId>` / `EVENT`               dedupe marker (expires after 7 days)
 * - label       `INCIDENT#<tenant>#<incidentId>` / `LABEL`  outcome and category as counted
 *
 * A cell holds `tenant`, `province`, `day` and one numeric attribute per counter, named
 * `c:<counter>` (e.g. `c:calls`, `c:outcome:prank`), so counters are applied with atomic `ADD`s.
 */

export const STATISTICS_TABLE = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Epoch seconds; markers and labels expire, cells never do. */
  ttlAttribute: "expiresAt",
  counterPrefix: "c:",
} as const;

/** Environment variables of the national functions. */
export const STATISTICS_ENV = {
  /** Name of the statistics table. */
  tableName: "STATISTICS_TABLE_NAME",
} as const;

/** Days an event id is remembered for deduplication (EventBridge retries for at most 24 h). */
export const EVENT_MARKER_DAYS = 7;
/** Days an incident's label is kept so late corrections still move the right counts. */
export const LABEL_DAYS = 90;

/** @example statisticsTableName() // "siaga112-national-statistics" */
export function statisticsTableName(): string {
  return "siaga112-national-statistics";
}

/** @example cellKey({ day: "2026-11-27", tenant: "71.71" }) // { pk: "DAY#2026-11-27", sk: "TENANT#71.71" } */
export function cellKey(cell: { readonly day: string; readonly tenant: string }): { pk: string; sk: string } {
  return { pk: `DAY#${cell.day}`, sk: `TENANT#${cell.tenant}` };
}

/** @example eventMarkerKey("e-1") // { pk: "EVENT#e-1", sk: "EVENT" } */
export function eventMarkerKey(eventId: string): { pk: string; sk: string } {
  return { pk: `EVENT#${eventId}`, sk: "EVENT" };
}

/** @example labelKey("71.71", "c0ffee") // { pk: "INCIDENT#71.71#c0ffee", sk: "LABEL" } */
export function labelKey(tenant: string, incidentId: string): { pk: string; sk: string } {
  return { pk: `INCIDENT#${tenant}#${incidentId}`, sk: "LABEL" };
}

/**
 * The table as a `CreateTableCommand` input (plain object, no SDK import).
 *
 * @example
 * await client.send(new CreateTableCommand(createStatisticsTableInput(statisticsTableName())));
 */
export function createStatisticsTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: [
      { AttributeName: STATISTICS_TABLE.partitionKey, AttributeType: "S" as const },
      { AttributeName: STATISTICS_TABLE.sortKey, AttributeType: "S" as const },
    ],
    KeySchema: [
      { AttributeName: STATISTICS_TABLE.partitionKey, KeyType: "HASH" as const },
      { AttributeName: STATISTICS_TABLE.sortKey, KeyType: "RANGE" as const },
    ],
  };
}
