/**
 * The incident lists the call-taker console reads: a page of a day, of one state or of the
 * call-back list, with filters on attributes that are not keys, and the counts per state. Reads of
 * incidents by id and writes of incident items are in incidents.ts.
 */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { CALLBACK_DUE } from "../../domain/call-back";
import type { CallResult, Incident } from "../../domain/incident";
import { INCIDENT_STATES, type IncidentState } from "../../domain/incident-events";
import { INCIDENT_TABLE, incidentKey } from "../../domain/incident-table";
import type { ItemTable } from "./item-table";

/** Where a list of incidents is read from (see `IncidentLists.page`). */
export type IncidentPartition =
  /** A local day (`dayPk` = `DAY#YYYY-MM-DD`). */
  | { readonly kind: "day"; readonly dayPk: string }
  /** One state, received within `from`..`to` (ISO instants, a local day's bounds). */
  | { readonly kind: "state"; readonly state: IncidentState; readonly from: string; readonly to: string }
  /** Waiting for a call-back, received at or after `since`. */
  | { readonly kind: "callbacks"; readonly since: string };

const PARTITION_INDEX = { day: "byDay", state: "byState", callbacks: "callbacks" } as const;

/** Filters on attributes that are not keys (applied by DynamoDB after reading). */
export interface IncidentFilter {
  readonly category?: string;
  readonly repeatCaller?: boolean;
  readonly suspectedPrank?: boolean;
  readonly noNumber?: boolean;
  /** How the call went; "pending" = nothing recorded yet. */
  readonly callResult?: CallResult | "pending";
  /** Only incidents on this call-taker's desk or on nobody's (a call-taker's own view). */
  readonly deskOf?: string;
  /** Only incidents on this desk (a supervisor looking at one desk). */
  readonly assignee?: string;
}

/** Where a page ended: the index and table keys of the last incident read. */
export type IncidentListKey = Readonly<Record<string, string>>;

export interface IncidentPage {
  readonly items: Incident[];
  readonly lastKey?: IncidentListKey;
}

function keyCondition(partition: IncidentPartition) {
  const index = INCIDENT_TABLE.indexes[PARTITION_INDEX[partition.kind]];
  const names = { "#pk": index.partitionKey, "#sk": index.sortKey };
  switch (partition.kind) {
    case "day":
      return {
        expression: "#pk = :pk",
        names: { "#pk": index.partitionKey },
        values: { ":pk": partition.dayPk },
      };
    case "state":
      return {
        expression: "#pk = :pk AND #sk BETWEEN :from AND :to",
        names,
        values: { ":pk": partition.state, ":from": partition.from, ":to": partition.to },
      };
    case "callbacks":
      return {
        expression: "#pk = :pk AND #sk >= :since",
        names,
        values: { ":pk": CALLBACK_DUE, ":since": partition.since },
      };
  }
}

/** Named pieces of the list filters; each piece reads as the rule it checks. */
const FILTER_PIECES = {
  category: "#f_category = :f_category",
  repeatCaller: "#f_repeat = :f_true",
  notRepeatCaller: "attribute_not_exists(#f_repeat) OR #f_repeat = :f_false",
  suspectedPrank: "#f_prank = :f_true",
  notSuspectedPrank: "attribute_not_exists(#f_prank) OR #f_prank = :f_false",
  // Intake's flag, not the number's absence: the number may be masked later (retention).
  noNumber: "#f_nonumber = :f_true",
  hasNumber: "attribute_not_exists(#f_nonumber) OR #f_nonumber = :f_false",
  answered: "attribute_exists(#f_answered)",
  abandoned: "attribute_exists(#f_abandoned)",
  overflowed: "attribute_exists(#f_overflowed)",
  pending:
    "attribute_not_exists(#f_answered) AND attribute_not_exists(#f_abandoned) AND attribute_not_exists(#f_overflowed)",
  onDeskOrNobodys: "attribute_not_exists(#f_assignee) OR #f_assignee = :f_me",
  onDesk: "#f_assignee = :f_assignee",
} as const;

function filterExpression(filter: IncidentFilter | undefined) {
  if (!filter) return undefined;
  const pieces: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const use = (piece: keyof typeof FILTER_PIECES) => pieces.push(`(${FILTER_PIECES[piece]})`);
  if (filter.category !== undefined) {
    use("category");
    names["#f_category"] = "category";
    values[":f_category"] = filter.category;
  }
  if (filter.repeatCaller !== undefined) {
    use(filter.repeatCaller ? "repeatCaller" : "notRepeatCaller");
    names["#f_repeat"] = "repeatCaller";
    values[filter.repeatCaller ? ":f_true" : ":f_false"] = filter.repeatCaller;
  }
  if (filter.suspectedPrank !== undefined) {
    use(filter.suspectedPrank ? "suspectedPrank" : "notSuspectedPrank");
    names["#f_prank"] = "suspectedPrank";
    values[filter.suspectedPrank ? ":f_true" : ":f_false"] = filter.suspectedPrank;
  }
  if (filter.noNumber !== undefined) {
    use(filter.noNumber ? "noNumber" : "hasNumber");
    names["#f_nonumber"] = "noNumber";
    values[filter.noNumber ? ":f_true" : ":f_false"] = filter.noNumber;
  }
  if (filter.callResult !== undefined) {
    use(filter.callResult);
    if (filter.callResult === "answered" || filter.callResult === "pending")
      names["#f_answered"] = "answeredAt";
    if (filter.callResult === "abandoned" || filter.callResult === "pending")
      names["#f_abandoned"] = "abandonedAt";
    if (filter.callResult === "overflowed" || filter.callResult === "pending")
      names["#f_overflowed"] = "overflowedAt";
  }
  if (filter.deskOf !== undefined) {
    use("onDeskOrNobodys");
    names["#f_assignee"] = "assignee";
    values[":f_me"] = filter.deskOf;
  }
  if (filter.assignee !== undefined) {
    use("onDesk");
    names["#f_assignee"] = "assignee";
    values[":f_assignee"] = filter.assignee;
  }
  if (pieces.length === 0) return undefined;
  return { expression: pieces.join(" AND "), names, values };
}

/** The keys DynamoDB needs to continue a query of `index` after `incident`. */
function listKeyOf(
  incident: Incident,
  index: { readonly partitionKey: string; readonly sortKey: string },
): IncidentListKey {
  const item = incident as unknown as Record<string, string>;
  return {
    ...incidentKey(incident.incidentId),
    [index.partitionKey]: item[index.partitionKey]!,
    [index.sortKey]: item[index.sortKey]!,
  };
}

/**
 * @example
 * const page = await new IncidentLists(deps).page({ kind: "state", state: "acknowledged", from, to }, { limit: 5 });
 */
export class IncidentLists {
  constructor(private readonly table: ItemTable) {}

  /**
   * One page of incidents, newest first: those of a local day (index `byDay`), of a day and one
   * state (index `byState`: the state is a key, so `Limit` counts only incidents of that state),
   * or those waiting for a call-back (sparse index `callbacks`). Other filters are DynamoDB
   * filters, which apply after `Limit`, so the page is filled by reading on until `limit`
   * incidents matched or `maxExamined` were read; `lastKey` (absent at the end) continues it.
   */
  async page(
    partition: IncidentPartition,
    options: {
      readonly limit: number;
      readonly filter?: IncidentFilter;
      readonly startKey?: IncidentListKey;
      /** @default 1000 */
      readonly maxExamined?: number;
    },
  ): Promise<IncidentPage> {
    const index = INCIDENT_TABLE.indexes[PARTITION_INDEX[partition.kind]];
    const key = keyCondition(partition);
    const filter = filterExpression(options.filter);
    const items: Incident[] = [];
    let examined = 0;
    let startKey: Record<string, unknown> | undefined = options.startKey;
    const maxExamined = options.maxExamined ?? 1000;
    for (;;) {
      const want = options.limit - items.length;
      // Without a filter every item read is returned; with one, read in larger steps.
      const step = filter ? Math.min(Math.max(want * 4, 50), maxExamined - examined) : want;
      const { Items, LastEvaluatedKey } = await this.table.db.send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: index.name,
          KeyConditionExpression: key.expression,
          ...(filter ? { FilterExpression: filter.expression } : {}),
          ExpressionAttributeNames: { ...key.names, ...filter?.names },
          ExpressionAttributeValues: { ...key.values, ...filter?.values },
          ScanIndexForward: false,
          Limit: step,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      examined += step;
      const found = (Items ?? []) as Incident[];
      if (found.length > want) {
        // The page is full before the end of what was read: continue after the last one taken.
        items.push(...found.slice(0, want));
        return { items, lastKey: listKeyOf(items[items.length - 1]!, index) };
      }
      items.push(...found);
      if (!LastEvaluatedKey) return { items };
      startKey = LastEvaluatedKey;
      if (items.length >= options.limit || examined >= maxExamined)
        return { items, lastKey: LastEvaluatedKey as IncidentListKey };
    }
  }

  /**
   * How many incidents of a local day are in each state (only states with incidents), from the
   * `byState` index: one COUNT query per state, which reads (and bills) the day's incidents once.
   */
  async countByState(bounds: {
    readonly from: string;
    readonly to: string;
  }): Promise<Partial<Record<IncidentState, number>>> {
    const counts = await Promise.all(
      INCIDENT_STATES.map(async (state) => {
        const key = keyCondition({ kind: "state", state, ...bounds });
        let count = 0;
        let startKey: Record<string, unknown> | undefined;
        do {
          const answer = await this.table.db.send(
            new QueryCommand({
              TableName: this.table.tableName,
              IndexName: INCIDENT_TABLE.indexes.byState.name,
              KeyConditionExpression: key.expression,
              ExpressionAttributeNames: key.names,
              ExpressionAttributeValues: key.values,
              Select: "COUNT",
              ...(startKey ? { ExclusiveStartKey: startKey } : {}),
            }),
          );
          count += answer.Count ?? 0;
          startKey = answer.LastEvaluatedKey;
        } while (startKey);
        return [state, count] as const;
      }),
    );
    return Object.fromEntries(counts.filter(([, n]) => n > 0));
  }
}
