/**
 * Agency alert items (`agencyAlertKey`): one agency's progress on one incident, and every DynamoDB
 * expression on them.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { AgencyStatus } from "../../domain/incident";
import { agencyAlertKey, INCIDENT_TABLE, incidentKey } from "../../domain/incident-table";
import { type ItemTable, writtenUnlessConditionFails } from "./item-table";

/** One agency's progress on an incident (`agencyAlertKey`). */
export interface AgencyAlert {
  readonly incidentId: string;
  readonly agencyId: string;
  readonly agencyKind: string;
  readonly status: AgencyStatus;
  /** Position of the latest step sent or due. */
  readonly round: number;
  readonly step: number;
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
    const index = INCIDENT_TABLE.indexes.openAlerts;
    const { Items, LastEvaluatedKey } = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: index.name,
        KeyConditionExpression: "#agency = :agency",
        ExpressionAttributeNames: { "#agency": index.partitionKey },
        ExpressionAttributeValues: { ":agency": agencyId },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return { alerts: (Items ?? []) as AgencyAlert[], more: LastEvaluatedKey !== undefined };
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

  /** A step went out: the first and latest alert times and the position reached. */
  async markAlerted(
    incidentId: string,
    agencyId: string,
    at: { readonly round: number; readonly step: number },
    iso: string,
  ): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: agencyAlertKey(incidentId, agencyId),
        UpdateExpression:
          "SET firstAlertAt = if_not_exists(firstAlertAt, :now), lastAlertAt = :now, #round = :round, step = :step",
        ExpressionAttributeNames: { "#round": "round" },
        ExpressionAttributeValues: { ":now": iso, ":round": at.round, ":step": at.step },
      }),
    );
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
