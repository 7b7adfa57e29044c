/**
 * Caller history items (`callerHistoryKey`) as the document-client functions read and amend them.
 * Intake writes them with its own hand-marshalled client (cold start); the history holds no number.
 */
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { CallerHistory } from "../../domain/incident-caller-history";
import { callerHistoryKey } from "../../domain/incident-table";
import type { ItemTable } from "./item-table";

/**
 * @example
 * const histories = new CallerHistories(deps);
 * await histories.get(incident.callerKey);
 */
export class CallerHistories {
  constructor(private readonly table: ItemTable) {}

  /** The caller's history, or undefined (consistent read). */
  async get(callerKey: string): Promise<CallerHistory | undefined> {
    const { Item } = await this.table.db.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: callerHistoryKey(callerKey),
        ConsistentRead: true,
      }),
    );
    return Item as CallerHistory | undefined;
  }

  /** Counts a call closed as prank or ghost (epoch seconds of the call) toward the prank flag. */
  async addPrank(callerKey: string, callAtSeconds: number): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: callerHistoryKey(callerKey),
        UpdateExpression: "SET pranks = list_append(if_not_exists(pranks, :none), :prank)",
        ExpressionAttributeValues: { ":none": [], ":prank": [callAtSeconds] },
      }),
    );
  }
}
