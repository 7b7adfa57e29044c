/**
 * Every DynamoDB expression on the statistics table's alert items: one item per incident and
 * agency, open from its `EscalationSent` until its `EscalationAcknowledged` or the incident's
 * `IncidentClosed`. Only open items carry the sparse open-alerts index key, so the panel's one Query
 * reads open alerts only (domain/statistics-table.ts).
 *
 * Timelines guarded (events are delivered at least once and in no order):
 * - acknowledged before its sent arrives: the acknowledgement leaves a closed item (`doneAt`), and a
 *   later sent finds it and stays out of the index (`notDone`);
 * - a later step arrives before an earlier one: the furthest position wins (`furtherThanStored`),
 *   the earliest send time wins (`earlierThanStored`);
 * - sent arrives after its incident closed: the close writes a marker first and then closes the
 *   alerts it finds; a sent writes its alert first and then looks for the marker. With strongly
 *   consistent reads one of the two always sees the other, so no alert stays open after a close.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { IncidentEvent } from "../../domain/incident-events";
import { alertPosition, type OpenAlert } from "../../domain/statistics-alerts";
import type { Scope } from "../../domain/statistics-series";
import {
  ALERT_DAYS,
  alertClosedKey,
  alertKey,
  openAlertAttributes,
  openAlertPrefix,
  STATISTICS_TABLE,
} from "../../domain/statistics-table";
import { isConditionFailed } from "../items/item-table";
import { queryAll, type Reads } from "./statistics-query";

/** Named condition pieces of the alert timeline. */
const CONDITION = {
  notDone: "attribute_not_exists(doneAt)",
  furtherThanStored: "(attribute_not_exists(#position) OR #position < :position)",
  earlierThanStored: "attribute_exists(firstSentAt) AND firstSentAt > :at",
} as const;

const { openAlerts } = STATISTICS_TABLE.indexes;

/**
 * @example
 * const alerts = new OpenAlertItems(documents, tableName);
 * await alerts.apply(escalationSent);
 * (await alerts.read({ kind: "nation" }, Date.now())).items
 */
export class OpenAlertItems {
  constructor(
    private readonly documents: Pick<DynamoDBDocumentClient, "send">,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Applies an event to the alert items (events other than sent, acknowledged, closed: nothing). */
  async apply(event: IncidentEvent): Promise<void> {
    if (event.type === "EscalationSent") await this.sent(event);
    else if (event.type === "EscalationAcknowledged")
      await this.close(event.tenant, event.incidentId, event.agency, event.at, {
        agencyKind: event.agencyKind,
        province: event.province,
      });
    else if (event.type === "IncidentClosed") await this.incidentClosed(event);
  }

  /** The open alerts of a scope (one Query on the sparse index), expired ones left out. */
  async read(scope: Scope, nowMs: number): Promise<Reads<OpenAlert>> {
    const { items, cost } = await queryAll(this.documents, this.tableName, {
      indexName: openAlerts.name,
      partitionKey: openAlerts.partitionKey,
      partition: "OPEN",
      sortKey: openAlerts.sortKey,
      prefix: openAlertPrefix(scope),
    });
    const alive = items.filter(
      (item) => !(typeof item.expiresAt === "number" && item.expiresAt * 1000 <= nowMs),
    );
    return {
      items: alive.map((item) => ({
        tenant: String(item.tenant),
        province: String(item.province),
        incidentId: String(item.incidentId),
        agency: String(item.agency),
        agencyKind: String(item.agencyKind),
        firstSentAt: String(item.firstSentAt),
        lastSentAt: String(item.lastSentAt),
        round: Number(item.round),
        step: Number(item.step),
      })),
      cost,
    };
  }

  private async sent(event: Extract<IncidentEvent, { type: "EscalationSent" }>): Promise<void> {
    const key = alertKey(event.tenant, event.incidentId, event.agency);
    const at = new Date(Date.parse(event.at)).toISOString();
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression:
            "SET tenant = :tenant, province = :province, incidentId = :incident, agency = :agency, " +
            "agencyKind = :kind, #openPk = :openPk, #openSk = :openSk, " +
            "firstSentAt = if_not_exists(firstSentAt, :at), lastSentAt = :at, " +
            "#round = :round, step = :step, #position = :position, expiresAt = :expires",
          ConditionExpression: `${CONDITION.notDone} AND ${CONDITION.furtherThanStored}`,
          ExpressionAttributeNames: {
            "#openPk": openAlerts.partitionKey,
            "#openSk": openAlerts.sortKey,
            "#round": "round",
            "#position": "position",
          },
          ExpressionAttributeValues: {
            ":tenant": event.tenant,
            ":province": event.province,
            ":incident": event.incidentId,
            ":agency": event.agency,
            ":kind": event.agencyKind,
            ":openPk": openAlertAttributes(event)[openAlerts.partitionKey],
            ":openSk": openAlertAttributes(event)[openAlerts.sortKey],
            ":at": at,
            ":round": event.round,
            ":step": event.step,
            ":position": alertPosition(event),
            ":expires": this.expiresAt(at),
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      // Closed already, or an earlier step arriving late: it may still hold the first send time.
      await this.ignoringCondition(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: "SET firstSentAt = :at",
          ConditionExpression: `${CONDITION.notDone} AND ${CONDITION.earlierThanStored}`,
          ExpressionAttributeValues: { ":at": at },
        }),
      );
      return;
    }
    const closed = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: alertClosedKey(event.tenant, event.incidentId),
        ConsistentRead: true,
      }),
    );
    if (closed.Item)
      await this.close(event.tenant, event.incidentId, event.agency, String(closed.Item.closedAt));
  }

  private async incidentClosed(event: Extract<IncidentEvent, { type: "IncidentClosed" }>): Promise<void> {
    const at = new Date(Date.parse(event.at)).toISOString();
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...alertClosedKey(event.tenant, event.incidentId),
          closedAt: at,
          expiresAt: this.expiresAt(at),
        },
      }),
    );
    const { items } = await queryAll(this.documents, this.tableName, {
      partitionKey: STATISTICS_TABLE.partitionKey,
      partition: alertKey(event.tenant, event.incidentId, "").pk,
      sortKey: STATISTICS_TABLE.sortKey,
      prefix: "AGENCY#",
      consistent: true,
    });
    for (const item of items)
      if (item.doneAt === undefined)
        await this.close(event.tenant, event.incidentId, String(item.agency), at);
  }

  /** Takes the alert out of the index; creates a closed item if its sent has not arrived yet. */
  private async close(
    tenant: string,
    incidentId: string,
    agency: string,
    at: string,
    known: { readonly agencyKind?: string; readonly province?: string } = {},
  ): Promise<void> {
    const doneAt = new Date(Date.parse(at)).toISOString();
    const extra = Object.entries(known).filter(([, v]) => v !== undefined);
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: alertKey(tenant, incidentId, agency),
        UpdateExpression:
          `SET doneAt = if_not_exists(doneAt, :doneAt), expiresAt = :expires, agency = :agency` +
          extra.map(([name]) => `, ${name} = :${name}`).join("") +
          " REMOVE #openPk, #openSk",
        ExpressionAttributeNames: { "#openPk": openAlerts.partitionKey, "#openSk": openAlerts.sortKey },
        ExpressionAttributeValues: {
          ":doneAt": doneAt,
          ":expires": this.expiresAt(doneAt),
          ":agency": agency,
          ...Object.fromEntries(extra.map(([name, value]) => [`:${name}`, value])),
        },
      }),
    );
  }

  private async ignoringCondition(command: UpdateCommand): Promise<void> {
    try {
      await this.documents.send(command);
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }

  /** Alert items live `ALERT_DAYS` after their last change (or after the event, if later). */
  private expiresAt(at: string): number {
    return Math.floor(Math.max(this.now(), Date.parse(at)) / 1000) + ALERT_DAYS * 86_400;
  }
}
