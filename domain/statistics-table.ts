/**
 * The national statistics table: counter items, open alerts, live tenants, and the bookkeeping
 * that makes the aggregator idempotent. Pure constants and key builders shared by the national
 * stack (CDK), the local centre (dynalite) and the two national functions. No AWS imports.
 *
 * Designed so that every view of the dashboard is ONE Query (paginated), never a scan and never
 * one read per tenant or per day:
 *
 * | item           | pk / sk                                      | read by (one Query)                         |
 * | -------------- | -------------------------------------------- | ------------------------------------------- |
 * | day row        | `ROW#T#<tenant>` / `<day>`                   | a kab/kota's days (base table)              |
 * |                | GSI rows-by-province `ROW#P#<p>` / `<day>#<tenant>` | a province's kab/kota over a date range |
 * |                | GSI rows-by-nation `ROW#N` / `<day>#<tenant>` | every kab/kota over a date range           |
 * | hour cell      | `HOUR#<scope>` / `<day>T<HH>`                | the hourly chart of a scope                 |
 * | quarter cell   | `QUARTER#<scope>` / `<day>T<HH>:<MM>`        | today's 15-minute chart of a scope          |
 * | alert          | `ALERT#<tenant>#<incident>` / `AGENCY#<id>`  | GSI open-alerts `OPEN` / `<p>#<tenant>#…`   |
 * | closed marker  | `ALERT#<tenant>#<incident>` / `CLOSED`       | (alerts sent after the close stay closed)   |
 * | live tenant    | `AREAS` / `<tenant>`                         | the filter's provinces and kab/kota         |
 * | event seen     | `EVENT#<eventId>` / `EVENT`                  | dedupe marker (expires after 7 days)        |
 * | label          | `INCIDENT#<tenant>#<incidentId>` / `LABEL`   | outcome and category as counted             |
 *
 * `<scope>` is `N` (the country), `P#<province>` or `T#<tenant>` (domain/statistics-series.ts).
 * Counters are numeric attributes named `c:<counter>` (e.g. `c:calls`), applied with atomic `ADD`s.
 * open-alerts is a sparse index: only an alert that is still open carries `openPk`/`openSk`
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-indexes-general-sparse-indexes.html),
 * so the panel reads the open alerts and nothing else.
 */
import type { Grain, Scope } from "./statistics-series";
import { scopeId } from "./statistics-series";

export const STATISTICS_TABLE = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Epoch seconds; markers, labels, quarter cells and closed alerts expire; rows and hours never do. */
  ttlAttribute: "expiresAt",
  counterPrefix: "c:",
  indexes: {
    rowsByProvince: { name: "rows-by-province", partitionKey: "provincePk", sortKey: "provinceSk" },
    rowsByNation: { name: "rows-by-nation", partitionKey: "nationPk", sortKey: "nationSk" },
    openAlerts: { name: "open-alerts", partitionKey: "openPk", sortKey: "openSk" },
  },
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
/** Days quarter-hour cells are kept: the 15-minute chart shows today (and yesterday, at midnight). */
export const QUARTER_DAYS = 3;
/** Days an alert item lives after its last change: an alert silent for a week is history, not work. */
export const ALERT_DAYS = 7;

/** @example statisticsTableName() // "siaga112-national-statistics" */
export function statisticsTableName(): string {
  return "siaga112-national-statistics";
}

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** @example rowKey({ tenant: "71.71", day: "2026-11-27" }) // { pk: "ROW#T#71.71", sk: "2026-11-27" } */
export function rowKey(row: { readonly tenant: string; readonly day: string }): ItemKey {
  return { pk: `ROW#T#${row.tenant}`, sk: row.day };
}

/**
 * The attributes that place a day row in the province and national indexes.
 *
 * @example
 * rowIndexAttributes({ tenant: "71.71", province: "71", day: "2026-11-27" }).provincePk // "ROW#P#71"
 */
export function rowIndexAttributes(row: {
  readonly tenant: string;
  readonly province: string;
  readonly day: string;
}): Record<string, string> {
  const { rowsByProvince, rowsByNation } = STATISTICS_TABLE.indexes;
  return {
    [rowsByProvince.partitionKey]: `ROW#P#${row.province}`,
    [rowsByProvince.sortKey]: `${row.day}#${row.tenant}`,
    [rowsByNation.partitionKey]: "ROW#N",
    [rowsByNation.sortKey]: `${row.day}#${row.tenant}`,
  };
}

/** One Query: where to look (table or index), which partition, and the sort-key range. */
export interface RangeQuery {
  readonly indexName?: string;
  readonly partitionKey: string;
  readonly partition: string;
  readonly sortKey: string;
  /** Inclusive bounds of a `BETWEEN`. */
  readonly from: string;
  readonly to: string;
}

/**
 * The one Query that reads a scope's day rows from `from` to `to` (local days, inclusive).
 *
 * @example
 * rowsQuery({ kind: "nation" }, "2026-11-01", "2026-11-30").indexName // "rows-by-nation"
 */
export function rowsQuery(scope: Scope, from: string, to: string): RangeQuery {
  if (scope.kind === "tenant")
    return {
      partitionKey: "pk",
      partition: rowKey({ tenant: scope.tenant, day: "" }).pk,
      sortKey: "sk",
      from,
      to,
    };
  const index =
    scope.kind === "province"
      ? STATISTICS_TABLE.indexes.rowsByProvince
      : STATISTICS_TABLE.indexes.rowsByNation;
  return {
    indexName: index.name,
    partitionKey: index.partitionKey,
    partition: scope.kind === "province" ? `ROW#P#${scope.province}` : "ROW#N",
    sortKey: index.sortKey,
    // `#` sorts before digits and `~` after every code: the whole of each day.
    from: `${from}#`,
    to: `${to}#~`,
  };
}

/** @example seriesKey("hour", { kind: "nation" }, "2026-11-27T13") // { pk: "HOUR#N", sk: "2026-11-27T13" } */
export function seriesKey(grain: Grain, scope: Scope, slot: string): ItemKey {
  return { pk: `${grain === "hour" ? "HOUR" : "QUARTER"}#${scopeId(scope)}`, sk: slot };
}

/**
 * The one Query that reads a scope's series from the first local day to the last.
 *
 * @example
 * seriesQuery("quarter", { kind: "province", province: "71" }, "2026-11-27", "2026-11-27").partition // "QUARTER#P#71"
 */
export function seriesQuery(grain: Grain, scope: Scope, from: string, to: string): RangeQuery {
  return {
    partitionKey: "pk",
    partition: seriesKey(grain, scope, "").pk,
    sortKey: "sk",
    from: `${from}T`,
    to: `${to}T~`,
  };
}

/** @example alertKey("71.71", "c0ffee", "damkar") // { pk: "ALERT#71.71#c0ffee", sk: "AGENCY#damkar" } */
export function alertKey(tenant: string, incidentId: string, agency: string): ItemKey {
  return { pk: `ALERT#${tenant}#${incidentId}`, sk: `AGENCY#${agency}` };
}

/** The incident's closed marker: alerts whose `EscalationSent` arrives after the close stay closed. */
export function alertClosedKey(tenant: string, incidentId: string): ItemKey {
  return { pk: `ALERT#${tenant}#${incidentId}`, sk: "CLOSED" };
}

/**
 * The attributes that put an alert in the open-alerts index (removed when it is acknowledged).
 *
 * @example
 * openAlertAttributes({ province: "71", tenant: "71.71", incidentId: "c0ffee", agency: "damkar" }).openSk // "71#71.71#c0ffee#damkar"
 */
export function openAlertAttributes(alert: {
  readonly province: string;
  readonly tenant: string;
  readonly incidentId: string;
  readonly agency: string;
}): Record<string, string> {
  const { openAlerts } = STATISTICS_TABLE.indexes;
  return {
    [openAlerts.partitionKey]: "OPEN",
    [openAlerts.sortKey]: `${alert.province}#${alert.tenant}#${alert.incidentId}#${alert.agency}`,
  };
}

/**
 * The sort-key prefix of a scope's open alerts (`""` for the country).
 *
 * @example
 * openAlertPrefix({ kind: "tenant", province: "71", tenant: "71.71" }) // "71#71.71#"
 */
export function openAlertPrefix(scope: Scope): string {
  if (scope.kind === "nation") return "";
  return scope.kind === "province" ? `${scope.province}#` : `${scope.province}#${scope.tenant}#`;
}

/** @example liveTenantKey("71.71") // { pk: "AREAS", sk: "71.71" } */
export function liveTenantKey(tenant: string): ItemKey {
  return { pk: "AREAS", sk: tenant };
}

/** @example eventMarkerKey("e-1") // { pk: "EVENT#e-1", sk: "EVENT" } */
export function eventMarkerKey(eventId: string): ItemKey {
  return { pk: `EVENT#${eventId}`, sk: "EVENT" };
}

/** @example labelKey("71.71", "c0ffee") // { pk: "INCIDENT#71.71#c0ffee", sk: "LABEL" } */
export function labelKey(tenant: string, incidentId: string): ItemKey {
  return { pk: `INCIDENT#${tenant}#${incidentId}`, sk: "LABEL" };
}

/**
 * The table as a `CreateTableCommand` input (plain object, no SDK import); the national stack
 * declares the same keys and indexes.
 *
 * @example
 * await client.send(new CreateTableCommand(createStatisticsTableInput(statisticsTableName())));
 */
export function createStatisticsTableInput(tableName: string) {
  const string = (name: string) => ({ AttributeName: name, AttributeType: "S" as const });
  const keys = (hash: string, range: string) => [
    { AttributeName: hash, KeyType: "HASH" as const },
    { AttributeName: range, KeyType: "RANGE" as const },
  ];
  const indexes = Object.values(STATISTICS_TABLE.indexes);
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: [
      string(STATISTICS_TABLE.partitionKey),
      string(STATISTICS_TABLE.sortKey),
      ...indexes.flatMap((i) => [string(i.partitionKey), string(i.sortKey)]),
    ],
    KeySchema: keys(STATISTICS_TABLE.partitionKey, STATISTICS_TABLE.sortKey),
    GlobalSecondaryIndexes: indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: keys(i.partitionKey, i.sortKey),
      Projection: { ProjectionType: "ALL" as const },
    })),
  };
}
