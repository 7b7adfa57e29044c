/**
 * Contact rate items (`contactRateKey`): each contact's recent sends, which the per-contact rate
 * limits are evaluated on (domain/escalation-policy.ts). Every write is a compare-and-set on `rev`,
 * so two relays messaging one contact at once cannot both take its last free slot, and the list
 * is pruned to the longest window on every write.
 */
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { nextAllowedSend, pruneSends } from "../../domain/escalation-policy";
import { contactRateKey } from "../../domain/incident-table";
import { type ItemTable, writtenUnlessConditionFails } from "./item-table";

/** A rate item outlives the longest window it is evaluated on (one hour) by one more. */
const RATE_ITEM_SECONDS = 2 * 3600;
/** Compare-and-set attempts before a record falls back to an unconditional append. */
const ATTEMPTS = 8;
/** Nobody wrote the item since it was read. */
const UNCHANGED = "attribute_not_exists(rev) OR rev = :rev";

interface RateItem {
  readonly sentAt: number[];
  readonly rev: number;
}

/**
 * @example
 * const rates = new ContactRates(deps);
 * await rates.allowedAt("damkar", "piket", nowSeconds) // nowSeconds, or when the limits allow
 */
export class ContactRates {
  constructor(private readonly table: ItemTable) {}

  /** When the contact may next be messaged (epoch seconds; `nowSeconds` = now). Reads only. */
  async allowedAt(agencyId: string, contactId: string, nowSeconds: number): Promise<number> {
    return nextAllowedSend((await this.read(agencyId, contactId)).sentAt, nowSeconds);
  }

  /**
   * Takes a slot for one more message to the contact if its windows allow one now, and returns
   * `nowSeconds`; otherwise takes nothing and returns when they will. Taken before publishing, so
   * concurrent senders see it (a failed publish costs a slot, never a message).
   */
  async reserve(agencyId: string, contactId: string, nowSeconds: number): Promise<number> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.read(agencyId, contactId);
      const allowedAt = nextAllowedSend(current.sentAt, nowSeconds);
      if (allowedAt > nowSeconds) return allowedAt;
      if (await this.replace(agencyId, contactId, current, nowSeconds)) return nowSeconds;
    }
    // Persistent contention: someone else is messaging the contact right now; try again shortly.
    return nowSeconds + 1;
  }

  /** Counts a message that went regardless of the limits (a first alert), after it was sent. */
  async record(agencyId: string, contactId: string, nowSeconds: number): Promise<void> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.read(agencyId, contactId);
      if (await this.replace(agencyId, contactId, current, nowSeconds)) return;
    }
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: contactRateKey(agencyId, contactId),
        UpdateExpression:
          "SET sentAt = list_append(if_not_exists(sentAt, :none), :now), expiresAt = :exp, rev = if_not_exists(rev, :zero) + :one",
        ExpressionAttributeValues: {
          ":none": [],
          ":now": [nowSeconds],
          ":exp": nowSeconds + RATE_ITEM_SECONDS,
          ":zero": 0,
          ":one": 1,
        },
      }),
    );
  }

  private async read(agencyId: string, contactId: string): Promise<RateItem> {
    const { Item } = await this.table.db.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: contactRateKey(agencyId, contactId),
        ConsistentRead: true,
      }),
    );
    return {
      sentAt: (Item?.sentAt as number[] | undefined) ?? [],
      rev: (Item?.rev as number | undefined) ?? 0,
    };
  }

  /** Writes the pruned list plus one send, if nobody wrote since `current` was read. */
  private replace(agencyId: string, contactId: string, current: RateItem, nowSeconds: number) {
    return writtenUnlessConditionFails(
      this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: contactRateKey(agencyId, contactId),
          UpdateExpression: "SET sentAt = :sent, expiresAt = :exp, rev = :next",
          ConditionExpression: UNCHANGED,
          ExpressionAttributeValues: {
            ":sent": [...pruneSends(current.sentAt, nowSeconds), nowSeconds],
            ":exp": nowSeconds + RATE_ITEM_SECONDS,
            ":rev": current.rev,
            ":next": current.rev + 1,
          },
        }),
      ),
    );
  }
}
