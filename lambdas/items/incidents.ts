/**
 * Every DynamoDB expression on incident items (`incidentKey`) outside intake, which keeps its own
 * hand-marshalled client for its cold start, and call-answer, which writes across Regions with the
 * low-level client. Each write that races another writer names the timeline it guards.
 */
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { withCallBackDue } from "../../domain/call-back";
import type { CallerLocationReport } from "../../domain/caller-location";
import type { Incident } from "../../domain/incident";
import type { IncidentState } from "../../domain/incident-events";
import { INCIDENT_TABLE, incidentKey } from "../../domain/incident-table";
import type { LocationRequestPolicy, LocationRequestRecord } from "../../domain/location-request";
import type { LinkVerdict } from "../../domain/signing-keys";
import { batchGetAll, type ItemTable, newestInIndex, writtenUnlessConditionFails } from "./item-table";

/** Nobody changed the incident since it was read (every call-taker write bumps `version`). */
const UNCHANGED_SINCE_READ = "version = :version";
/** The incident exists and is not closed: a caller may still be asked, and answer. */
const OPEN_INCIDENT = "attribute_exists(pk) AND #state <> :closed";
/**
 * The caller may be asked again (domain/location-request.ts): a number to send to, fewer requests
 * than the limit, the last one long enough ago.
 */
const CALLER_MAY_BE_ASKED =
  "attribute_exists(callerNumber) AND (attribute_not_exists(locationRequests) OR (size(locationRequests) < :max AND locationRequestedAt <= :earliest))";

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
   * since `before` was read; `callbackDue` is set or removed to match `needsCallBack(after)`. Only changed attributes are written, so what other writers add
   * meanwhile without bumping the version (the call-answer function's answer time) is kept.
   * Returns false when someone else changed it first.
   */
  async writeChanges(before: Incident, after: Incident): Promise<boolean> {
    const was = before as unknown as Record<string, unknown>;
    // The call-back list follows the rule of domain/call-back.ts on every change.
    const now = withCallBackDue(after) as unknown as Record<string, unknown>;
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

  /** Incidents whose short code is `shortCode`, newest first (at most 20: codes are not unique). */
  async withShortCode(shortCode: string): Promise<Incident[]> {
    const { items } = await newestInIndex<Incident>(
      this.table,
      INCIDENT_TABLE.indexes.byShortCode,
      shortCode,
      20,
    );
    return items;
  }

  /**
   * The incident a signed link names. Links carry the short code, which is not unique, so every
   * incident with it is tried and the signature decides; when none verifies, `expired` is said
   * before `invalid`. An unknown code and a bad signature are the same `invalid`: a public link
   * tells nobody which codes exist.
   */
  async ofSignedLink(
    shortCode: string,
    verify: (incidentId: string) => LinkVerdict,
  ): Promise<Incident | "expired" | "invalid"> {
    let verdict: "expired" | "invalid" = "invalid";
    for (const candidate of await this.withShortCode(shortCode)) {
      const check = verify(candidate.incidentId);
      if (check === "valid") return (await this.get(candidate.incidentId)) ?? "invalid";
      if (check === "expired") verdict = check;
    }
    return verdict;
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

  /**
   * Records a location SMS about to be sent, if the caller may still be asked: the policy of
   * domain/location-request.ts checked atomically, so of two call-takers pressing "Minta lokasi"
   * at once only one SMS goes out. `version` is left alone (like call-answer's writes): a
   * call-taker classifying meanwhile is not refused. Returns false when the condition failed.
   */
  async recordLocationRequest(
    incidentId: string,
    request: LocationRequestRecord,
    policy: LocationRequestPolicy,
  ): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: incidentKey(incidentId),
          UpdateExpression:
            "SET locationRequests = list_append(if_not_exists(locationRequests, :none), :request), locationRequestedAt = :at",
          ConditionExpression: `${OPEN_INCIDENT} AND ${CALLER_MAY_BE_ASKED}`,
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":none": [],
            ":request": [request],
            ":at": request.at,
            ":closed": "closed",
            ":max": policy.maxPerIncident,
            ":earliest": new Date(Date.parse(request.at) - policy.minSecondsBetween * 1000).toISOString(),
          },
        }),
      ),
    );
  }

  /**
   * Takes back a recorded request whose SMS could not be sent (it does not count against the
   * caller's limit), unless another request was recorded since.
   */
  async releaseLocationRequest(
    incidentId: string,
    request: LocationRequestRecord,
    before: readonly LocationRequestRecord[],
  ): Promise<boolean> {
    const previous = before[before.length - 1];
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: incidentKey(incidentId),
          UpdateExpression: previous
            ? "SET locationRequests = :before, locationRequestedAt = :previous"
            : "REMOVE locationRequests, locationRequestedAt",
          ConditionExpression: "locationRequestedAt = :at",
          ExpressionAttributeValues: {
            ":at": request.at,
            ...(previous ? { ":before": before, ":previous": previous.at } : {}),
          },
        }),
      ),
    );
  }

  /**
   * Adds what the caller's phone reported, while the incident is open and has room for it
   * (`maxReports`). Leaves `version` alone: the call-taker's next write is not refused, and writes
   * only what the call-taker changed, so the report stays.
   */
  async addCallerLocation(
    incidentId: string,
    report: CallerLocationReport,
    maxReports: number,
  ): Promise<"recorded" | "closed" | "full" | "unknown"> {
    const written = await writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: incidentKey(incidentId),
          UpdateExpression:
            "SET callerLocations = list_append(if_not_exists(callerLocations, :none), :report)",
          ConditionExpression: `${OPEN_INCIDENT} AND (attribute_not_exists(callerLocations) OR size(callerLocations) < :max)`,
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: {
            ":none": [],
            ":report": [report],
            ":closed": "closed",
            ":max": maxReports,
          },
        }),
      ),
    );
    if (written) return "recorded";
    const incident = await this.get(incidentId);
    if (!incident) return "unknown";
    return incident.state === "closed" ? "closed" : "full";
  }
}
