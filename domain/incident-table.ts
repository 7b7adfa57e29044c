/**
 * The incident table: one DynamoDB table per tenant, single-table design.
 * Pure constants and key builders shared by the CDK stack, the local centre (dynalite) and the
 * Lambdas, so every side creates and reads the identical table. No AWS imports.
 *
 * Items (all under `pk`/`sk`):
 * - incident        `INC#<incidentId>` / `INCIDENT`               the incident and its state (the only
 *                                                                 item kind with a `state` attribute)
 * - agency alert    `INC#<incidentId>` / `AGENCY#<agencyId>`      one agency's progress on it
 * - outbox entry    `INC#<incidentId>` / `OUTBOX#<agency>#<round>#<step>#<contact>`  one message to send
 * - caller history  `CALLER#<callerKey>` / `HISTORY`              recent calls of one number (hashed)
 * - contact rate    `RATE#<agencyId>#<contactId>` / `RATE`         recent sends to one contact
 * - contact digest  `DIGEST#<agencyId>#<contactId>` / `DIGEST`     when the contact's held alerts are due
 * - held alert      `DIGEST#<agencyId>#<contactId>` / `HELD#<incidentId>#<round>#<step>`  one of them
 * - board entry     `BOARD#<agencyId>` / `OPEN#<receivedAt>#<incidentId>`  an open alert on the agency's
 *                   duty board (papan tugas)
 */

export const INCIDENT_TABLE = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Epoch seconds; DynamoDB deletes the item after it (retention of caller data). */
  ttlAttribute: "expiresAt",
  /** The relay reads state changes and new outbox entries from the stream. */
  streamViewType: "NEW_AND_OLD_IMAGES",
  indexes: {
    /** Incidents of one day in the tenant's zone, newest last: the call-taker's list. */
    byDay: { name: "byDay", partitionKey: "dayPk", sortKey: "receivedAt" },
    /**
     * Sparse: outbox entries not yet delivered and contact digests with held alerts; the sweeper
     * re-drives the overdue ones.
     */
    pendingOutbox: { name: "pendingOutbox", partitionKey: "outboxPk", sortKey: "dueAt" },
    /** Sparse: incidents by short code (set by intake as `codePk`), for acknowledgement links. */
    byShortCode: { name: "byShortCode", partitionKey: "codePk", sortKey: "receivedAt" },
    /**
     * Incidents by state, newest last: the call-taker's list filtered by state, and the counts per
     * state, read as a range of `receivedAt` (a local day's bounds, `localDayBounds`). Keyed on the
     * incident's own `state`, so every writer of a state keeps the index right without a derived
     * key; only incident items carry `state` (agency and outbox items have `status`). A state is
     * a low-cardinality partition key, but per tenant table the writes are a few per second at
     * most (Jakarta's surge ~20/s), far below a partition's 1,000 writes/s, and a GSI partition has
     * no size limit (only local secondary indexes have the 10 GB item-collection limit):
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html
     */
    byState: { name: "byState", partitionKey: "state", sortKey: "receivedAt" },
    /** Sparse: incidents waiting for a call-back (`callbackDue`, domain/call-back.ts). */
    callbacks: { name: "callbacks", partitionKey: "callbackDue", sortKey: "receivedAt" },
    /**
     * Sparse: agency alerts not acknowledged yet, per agency (`openAlertAgency` = the agency id
     * while the alert's status is "alerted"): the console's panel of unacknowledged alerts.
     */
    openAlerts: { name: "openAlerts", partitionKey: "openAlertAgency", sortKey: "receivedAt" },
  },
} as const;

/** Value of `outboxPk` on an undelivered outbox entry or a due digest (removed once settled). */
export const PENDING_OUTBOX = "PENDING";

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** @example incidentKey("c0ffee") // { pk: "INC#c0ffee", sk: "INCIDENT" } */
export function incidentKey(incidentId: string): ItemKey {
  return { pk: `INC#${incidentId}`, sk: "INCIDENT" };
}

/** @example agencyAlertKey("c0ffee", "damkar") // { pk: "INC#c0ffee", sk: "AGENCY#damkar" } */
export function agencyAlertKey(incidentId: string, agencyId: string): ItemKey {
  return { pk: `INC#${incidentId}`, sk: `AGENCY#${agencyId}` };
}

/**
 * One message of one escalation step to one contact: the key makes (incident, agency, round, step,
 * contact) unique, which is what guarantees a single SMS (and e-mail) per contact and step.
 *
 * @example
 * outboxKey("c0ffee", { agencyId: "damkar", round: 0, step: 1, contactId: "kabid" })
 * // { pk: "INC#c0ffee", sk: "OUTBOX#damkar#0#1#kabid" }
 */
export function outboxKey(
  incidentId: string,
  at: {
    readonly agencyId: string;
    readonly round: number;
    readonly step: number;
    readonly contactId: string;
  },
): ItemKey {
  return { pk: `INC#${incidentId}`, sk: `OUTBOX#${at.agencyId}#${at.round}#${at.step}#${at.contactId}` };
}

/** @example callerHistoryKey("9f2c…") // { pk: "CALLER#9f2c…", sk: "HISTORY" } */
export function callerHistoryKey(callerKey: string): ItemKey {
  return { pk: `CALLER#${callerKey}`, sk: "HISTORY" };
}

/** @example contactRateKey("damkar", "piket") // { pk: "RATE#damkar#piket", sk: "RATE" } */
export function contactRateKey(agencyId: string, contactId: string): ItemKey {
  return { pk: `RATE#${agencyId}#${contactId}`, sk: "RATE" };
}

/** @example contactDigestKey("damkar", "piket") // { pk: "DIGEST#damkar#piket", sk: "DIGEST" } */
export function contactDigestKey(agencyId: string, contactId: string): ItemKey {
  return { pk: `DIGEST#${agencyId}#${contactId}`, sk: "DIGEST" };
}

/**
 * One alert held back for a contact over its rate limit, beside the contact's digest (one
 * partition: the digest reads them with one consistent query).
 *
 * @example
 * heldAlertKey("damkar", "piket", { incidentId: "c0ffee", round: 0, step: 1 })
 * // { pk: "DIGEST#damkar#piket", sk: "HELD#c0ffee#0#1" }
 */
export function heldAlertKey(
  agencyId: string,
  contactId: string,
  at: { readonly incidentId: string; readonly round: number; readonly step: number },
): ItemKey {
  return { pk: `DIGEST#${agencyId}#${contactId}`, sk: `HELD#${at.incidentId}#${at.round}#${at.step}` };
}

/**
 * An open alert on an agency's duty board, ordered by when the call came in.
 *
 * @example
 * boardEntryKey("damkar", { incidentId: "c0ffee", receivedAt: "2026-11-27T13:00:00.000Z" })
 * // { pk: "BOARD#damkar", sk: "OPEN#2026-11-27T13:00:00.000Z#c0ffee" }
 */
export function boardEntryKey(
  agencyId: string,
  incident: { readonly incidentId: string; readonly receivedAt: string },
): ItemKey {
  return { pk: `BOARD#${agencyId}`, sk: `OPEN#${incident.receivedAt}#${incident.incidentId}` };
}

/** The kind of an item, from its sort key. */
export type ItemKind =
  | "incident"
  | "agency"
  | "outbox"
  | "caller"
  | "rate"
  | "digest"
  | "held"
  | "board"
  | "unknown";

/** @example itemKind({ pk: "INC#a", sk: "OUTBOX#damkar#0#0" }) // "outbox" */
export function itemKind(key: { readonly pk?: unknown; readonly sk?: unknown }): ItemKind {
  const sk = typeof key.sk === "string" ? key.sk : "";
  if (sk === "INCIDENT") return "incident";
  if (sk.startsWith("AGENCY#")) return "agency";
  if (sk.startsWith("OUTBOX#")) return "outbox";
  if (sk === "HISTORY") return "caller";
  if (sk === "RATE") return "rate";
  if (sk === "DIGEST") return "digest";
  if (sk.startsWith("HELD#")) return "held";
  if (sk.startsWith("OPEN#")) return "board";
  return "unknown";
}

/** The `CreateTableCommand` input (plain object, no SDK import), identical on every side. */
export interface CreateIncidentTableInput {
  readonly TableName: string;
  readonly BillingMode: "PAY_PER_REQUEST";
  readonly AttributeDefinitions: readonly { AttributeName: string; AttributeType: "S" | "N" }[];
  readonly KeySchema: readonly { AttributeName: string; KeyType: "HASH" | "RANGE" }[];
  readonly GlobalSecondaryIndexes: readonly {
    IndexName: string;
    KeySchema: readonly { AttributeName: string; KeyType: "HASH" | "RANGE" }[];
    Projection: { ProjectionType: "ALL" };
  }[];
  readonly StreamSpecification: { StreamEnabled: true; StreamViewType: "NEW_AND_OLD_IMAGES" };
}

/**
 * The table as a `CreateTableCommand` input. TTL is set separately (`UpdateTimeToLive` on
 * `INCIDENT_TABLE.ttlAttribute`); dynalite ignores it.
 *
 * @example
 * await client.send(new CreateTableCommand(createIncidentTableInput("siaga112-71-71-incidents")));
 */
export function createIncidentTableInput(tableName: string): CreateIncidentTableInput {
  const indexes = Object.values(INCIDENT_TABLE.indexes);
  // Every key attribute once (several indexes sort on `receivedAt`); all are strings.
  const keyNames = [
    INCIDENT_TABLE.partitionKey,
    INCIDENT_TABLE.sortKey,
    ...indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...new Set(keyNames)].map((name) => ({
      AttributeName: name,
      AttributeType: "S" as const,
    })),
    KeySchema: [
      { AttributeName: INCIDENT_TABLE.partitionKey, KeyType: "HASH" },
      { AttributeName: INCIDENT_TABLE.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" as const },
        { AttributeName: index.sortKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: INCIDENT_TABLE.streamViewType },
  };
}
