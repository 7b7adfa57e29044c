/**
 * Every DynamoDB expression on incident items (`incidentKey`) outside intake, which keeps its own
 * hand-marshalled client for its cold start, and call-answer, which writes across Regions with the
 * low-level client. Each write that races another writer names the timeline it guards.
 */
import { GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Incident } from "../../domain/incident";
import type { IncidentState } from "../../domain/incident-events";
import { INCIDENT_TABLE, incidentKey } from "../../domain/incident-table";
import { batchGetAll, type ItemTable, writtenUnlessConditionFails } from "./item-table";

/** Nobody changed the incident since it was read (every call-taker write bumps `version`). */
const UNCHANGED_SINCE_READ = "version = :version";

/**
 * @example
 * const incidents = new IncidentItems(deps);
 * const incident = await incidents.get("c0ffee");
 */
export class IncidentItems {
  constructor(private readonly table: ItemTable) {}

  /** The incident, or undefined (consistent read). */
  async get(incidentId: string): Promise<Incident | undefined> {
    const { Item } = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: incidentKey(incidentId), ConsistentRead: true }),
    );
    return Item as Incident | undefined;
  }

  /** Several incidents by id (consistent reads); missing ones are left out. */
  async many(incidentIds: readonly string[]): Promise<Map<string, Incident>> {
    const items = await batchGetAll(
      this.table,
      [...new Set(incidentIds)].map((id) => incidentKey(id)),
    );
    return new Map((items as unknown as Incident[]).map((incident) => [incident.incidentId, incident]));
  }

  /**
   * Writes the attributes that differ between `before` and `after`, if nobody changed the incident
   * since `before` was read. Only changed attributes are written, so what other writers add
   * meanwhile without bumping the version (the call-answer function's answer time) is kept.
   * Returns false when someone else changed it first.
   */
  async writeChanges(before: Incident, after: Incident): Promise<boolean> {
    const was = before as unknown as Record<string, unknown>;
    const now = after as unknown as Record<string, unknown>;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":version": before.version };
    const set: string[] = [];
    const remove: string[] = [];
    for (const name of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (name === "pk" || name === "sk" || JSON.stringify(was[name]) === JSON.stringify(now[name])) continue;
      const ref = `#a${Object.keys(names).length}`;
      names[ref] = name;
      if (now[name] === undefined) remove.push(ref);
      else {
        values[`:v${set.length}`] = now[name];
        set.push(`${ref} = :v${set.length}`);
      }
    }
    if (set.length === 0 && remove.length === 0) return true;
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: incidentKey(after.incidentId),
          UpdateExpression: [
            set.length ? `SET ${set.join(", ")}` : "",
            remove.length ? `REMOVE ${remove.join(", ")}` : "",
          ]
            .join(" ")
            .trim(),
          ConditionExpression: UNCHANGED_SINCE_READ,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  /** Incidents of one local day (`YYYY-MM-DD`), newest first, optionally of one state. */
  async listOfDay(options: {
    readonly day: string;
    readonly limit: number;
    readonly state?: string;
  }): Promise<Incident[]> {
    const index = INCIDENT_TABLE.indexes.byDay;
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: index.name,
        KeyConditionExpression: "#day = :day",
        ExpressionAttributeNames: {
          "#day": index.partitionKey,
          ...(options.state ? { "#state": "state" } : {}),
        },
        ExpressionAttributeValues: {
          ":day": `DAY#${options.day}`,
          ...(options.state ? { ":state": options.state } : {}),
        },
        ...(options.state ? { FilterExpression: "#state = :state" } : {}),
        ScanIndexForward: false,
        Limit: options.limit,
      }),
    );
    return (Items ?? []) as Incident[];
  }

  /** Incidents whose short code is `shortCode`, newest first (at most 20: codes are not unique). */
  async withShortCode(shortCode: string): Promise<Incident[]> {
    const index = INCIDENT_TABLE.indexes.byShortCode;
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: index.name,
        KeyConditionExpression: "#code = :code",
        ExpressionAttributeNames: { "#code": index.partitionKey },
        ExpressionAttributeValues: { ":code": shortCode },
        ScanIndexForward: false,
        Limit: 20,
      }),
    );
    return (Items ?? []) as Incident[];
  }

  /**
   * A classified incident becomes escalated when its first alert went out. Only from
   * `classified`: an agency that acknowledged (or a call-taker who closed) first is not undone.
   */
  async markEscalated(incidentId: string, at: string): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: incidentKey(incidentId),
          UpdateExpression: "SET #state = :escalated, escalatedAt = :now, version = version + :one",
          ConditionExpression: "#state = :classified",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":escalated": "escalated",
            ":classified": "classified",
            ":now": at,
            ":one": 1,
          },
        }),
      ),
    );
  }

  /**
   * Moves the incident to what an agency reported, if it is still in the state it was read in.
   * Returns false when it moved on meanwhile (another agency, or closed): the agency's report stands.
   */
  async followAgency(incident: Incident, state: IncidentState): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: incidentKey(incident.incidentId),
          UpdateExpression: "SET #state = :state, version = version + :one",
          ConditionExpression: "#state = :current",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":state": state, ":one": 1, ":current": incident.state },
        }),
      ),
    );
  }
}
