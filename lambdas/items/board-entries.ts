/**
 * Board entries (`boardEntryKey`): the open alerts of one agency, in one partition, so its duty
 * board (papan tugas) is one consistent query. An entry is written when the escalation opens,
 * before the first message goes out (so every message's board lists it), and removed when the
 * incident closes or the agency reports it resolved; the board also checks each incident itself,
 * so an entry removed late never shows a closed incident.
 */
import { DeleteCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { boardEntryKey } from "../../domain/incident-table";
import type { ItemTable } from "./item-table";

/** One open alert of an agency. */
export interface BoardEntry {
  readonly agencyId: string;
  readonly incidentId: string;
  /** ISO: when the call came in. */
  readonly receivedAt: string;
}

/** A board lists at most this many alerts (the oldest first); more would not fit a phone's page. */
export const BOARD_LIMIT = 500;

/**
 * @example
 * const board = new BoardEntries(deps);
 * await board.open({ agencyId: "damkar", incidentId, receivedAt }, expiresAt);
 */
export class BoardEntries {
  constructor(private readonly table: ItemTable) {}

  /** Puts the alert on the agency's board (idempotent). */
  async open(entry: BoardEntry, expiresAt: number | undefined): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...boardEntryKey(entry.agencyId, entry),
          agencyId: entry.agencyId,
          incidentId: entry.incidentId,
          receivedAt: entry.receivedAt,
          ...(expiresAt === undefined ? {} : { expiresAt }),
        },
      }),
    );
  }

  /** The agency's open alerts, oldest first (consistent query), at most `BOARD_LIMIT`. */
  async list(agencyId: string): Promise<BoardEntry[]> {
    const entries: BoardEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.db.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :open)",
          ExpressionAttributeValues: { ":pk": `BOARD#${agencyId}`, ":open": "OPEN#" },
          ConsistentRead: true,
          Limit: BOARD_LIMIT - entries.length,
          ExclusiveStartKey: start,
        }),
      );
      entries.push(...((page.Items ?? []) as BoardEntry[]));
      start = page.LastEvaluatedKey;
    } while (start && entries.length < BOARD_LIMIT);
    return entries;
  }

  /** Takes the alert off the board (closed, or resolved by the agency); removing twice is harmless. */
  async remove(entry: BoardEntry): Promise<void> {
    await this.table.db.send(
      new DeleteCommand({ TableName: this.table.tableName, Key: boardEntryKey(entry.agencyId, entry) }),
    );
  }
}
