/**
 * Agency alert items (`agencyAlertKey`): one agency's progress on one incident, and every DynamoDB
 * expression on them.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { StepPosition } from "../../domain/escalation-policy";
import type { AgencyStatus } from "../../domain/incident";
import { agencyAlertKey, INCIDENT_TABLE, incidentKey } from "../../domain/incident-table";
import {
  batchGetAll,
  type ItemTable,
  isConditionFailed,
  newestInIndex,
  writtenUnlessConditionFails,
} from "./item-table";

/** One agency's progress on an incident (`agencyAlertKey`). */
export interface AgencyAlert {
  readonly incidentId: string;
  readonly agencyId: string;
  readonly agencyKind: string;
  readonly status: AgencyStatus;
  /** Position of the latest step due. */
  readonly round: number;
  readonly step: number;
  /** ISO: when the call came in (the duty board's order). */
  readonly receivedAt?: string;
  /** `<round>:<step>` of every step at least one contact was sent (each gives one EscalationSent event). */
  readonly stepsSent?: ReadonlySet<string>;
  /** ISO times. */
  readonly firstAlertAt?: string;
  readonly lastAlertAt?: string;
  readonly acknowledgedAt?: string;
  readonly statusAt?: string;
  /** Name of the one-time schedule of the next step, cancelled on acknowledgement. */
  readonly pendingSchedule?: string;
  readonly version: number;
}

const OPEN_ALERT_AGENCY = INCIDENT_TABLE.indexes.openAlerts.partitionKey;

/** The stored position is before the new one (rounds first, then steps). */
const BEFORE = "(#round < :round OR (#round = :round AND step < :step))";

/**
 * The member of `stepsSent` for a position.
 *
 * @example
 * stepSentKey({ round: 1, step: 0 }) // "1:0"
 */
export function stepSentKey(at: StepPosition): string {
  return `${at.round}:${at.step}`;
}

/** The agency has not acknowledged yet: later steps and their schedules apply only then. */
const STILL_ALERTED = "#status = :alerted";
/** The item is new (a retried classification or the relay's recovery path writes nothing twice). */
const NOT_WRITTEN_YET = "attribute_not_exists(pk)";

/**
 * @example
 * const alerts = new AgencyAlerts(deps);
 * await alerts.get("c0ffee", "damkar");
 */
export class AgencyAlerts {
  constructor(private readonly table: ItemTable) {}

  /** One agency's progress, or undefined (consistent read). */
  async get(incidentId: string, agencyId: string): Promise<AgencyAlert | undefined> {
    const { Item } = await this.table.db.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: agencyAlertKey(incidentId, agencyId),
        ConsistentRead: true,
      }),
    );
    return Item as AgencyAlert | undefined;
  }

  /** The progress of every agency alerted for an incident. */
  async ofIncident(incidentId: string): Promise<AgencyAlert[]> {
    const { Items } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :agency)",
        ExpressionAttributeValues: { ":pk": incidentKey(incidentId).pk, ":agency": "AGENCY#" },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []) as AgencyAlert[];
  }

  /**
   * Alerts the agency has not acknowledged yet, newest incident first (sparse index `openAlerts`),
   * at most `limit`; `more` tells whether older ones remain.
   */
  async openOf(agencyId: string, limit: number): Promise<{ alerts: AgencyAlert[]; more: boolean }> {
    const { items, more } = await newestInIndex<AgencyAlert>(
      this.table,
      INCIDENT_TABLE.indexes.openAlerts,
      agencyId,
      limit,
    );
    return { alerts: items, more };
  }

  /** Writes the agency's progress item of a new escalation unless it exists. */
  async openIfAbsent(
    alert: Omit<AgencyAlert, "status" | "round" | "step" | "version"> & {
      readonly receivedAt: string;
      readonly expiresAt?: number;
    },
  ): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...agencyAlertKey(alert.incidentId, alert.agencyId),
            ...alert,
            // Sparse index of alerts not acknowledged yet (removed by `report`).
            [OPEN_ALERT_AGENCY]: alert.agencyId,
            status: "alerted",
            round: 0,
            step: 0,
            version: 1,
          },
          ConditionExpression: NOT_WRITTEN_YET,
        }),
      ),
    );
  }

  /** Remembers the next step's schedule, so acknowledging can cancel it; only while still alerted. */
  async rememberSchedule(incidentId: string, agencyId: string, scheduleName: string): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: agencyAlertKey(incidentId, agencyId),
          UpdateExpression: "SET pendingSchedule = :name",
          ConditionExpression: STILL_ALERTED,
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":name": scheduleName, ":alerted": "alerted" },
        }),
      ),
    );
  }

  /** The schedule fired: nothing is pending any more. */
  async forgetSchedule(incidentId: string, agencyId: string): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: agencyAlertKey(incidentId, agencyId),
        UpdateExpression: "REMOVE pendingSchedule",
      }),
    );
  }

  /**
   * A step is due: the position reached moves forward to it (never back: steps are due in order,
   * and a late retry of an earlier step does not undo a later one).
   */
  async advanceTo(incidentId: string, agencyId: string, at: StepPosition): Promise<void> {
    await writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: agencyAlertKey(incidentId, agencyId),
          UpdateExpression: "SET #round = :round, step = :step",
          ConditionExpression: `attribute_exists(pk) AND ${BEFORE}`,
          ExpressionAttributeNames: { "#round": "round" },
          ExpressionAttributeValues: { ":round": at.round, ":step": at.step },
        }),
      ),
    );
  }

  /**
   * A message of a step went out to a contact: the first and latest alert times, and the step in
   * `stepsSent` (a set: concurrent contacts of one step add it once, so one EscalationSent event).
   */
  async markStepSent(incidentId: string, agencyId: string, at: StepPosition, iso: string): Promise<void> {
    await this.table.db
      .send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: agencyAlertKey(incidentId, agencyId),
          UpdateExpression:
            "SET firstAlertAt = if_not_exists(firstAlertAt, :now), lastAlertAt = :now ADD stepsSent :step",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":now": iso, ":step": new Set([stepSentKey(at)]) },
        }),
      )
      .catch((error: unknown) => {
        // The item is gone (TTL): there is nothing left to count the step on.
        if (!isConditionFailed(error)) throw error;
      });
  }

  /** One agency's progress on each of several incidents (consistent reads), by incident id. */
  async many(agencyId: string, incidentIds: readonly string[]): Promise<Map<string, AgencyAlert>> {
    const keys = [...new Set(incidentIds)].map((id) => agencyAlertKey(id, agencyId));
    const items = (await batchGetAll(this.table, keys)) as unknown as AgencyAlert[];
    return new Map(items.map((alert) => [alert.incidentId, alert]));
  }

  /**
   * Records what the agency reported, if its status is still the one read (of two reports at once
   * one wins). Acknowledging removes the pending schedule's name (the caller cancels the schedule)
   * and takes the alert off the open-alerts index.
   * Returns false when another report won the race.
   */
  async report(
    alert: Pick<AgencyAlert, "incidentId" | "agencyId" | "status">,
    status: AgencyStatus,
    iso: string,
  ): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: agencyAlertKey(alert.incidentId, alert.agencyId),
          UpdateExpression:
            "SET #status = :status, statusAt = :now, acknowledgedAt = if_not_exists(acknowledgedAt, :now), version = version + :one REMOVE pendingSchedule, #open",
          ConditionExpression: "#status = :current",
          ExpressionAttributeNames: { "#status": "status", "#open": OPEN_ALERT_AGENCY },
          ExpressionAttributeValues: { ":status": status, ":now": iso, ":one": 1, ":current": alert.status },
        }),
      ),
    );
  }
}
