/**
 * The national statistics table in DynamoDB: applies incident events (the aggregator) and reads
 * each view of the dashboard with one Query (the monitoring API). Keys: domain/statistics-table.ts.
 *
 * Applying an event exactly once without transactions (dynalite has none, and the counters of one
 * event span up to 14 items):
 * 1. claim: a conditional put of the event's marker (`applying`, with a 60 s lease). A second
 *    delivery finds it: `applied` is a duplicate; `applying` under a live lease is retried later
 *    (an error, so EventBridge redelivers); a lapsed lease is taken over.
 * 2. the label (outcome and category) moves with an optimistic revision (its own idempotence);
 * 3. the counter updates run (in parallel); when one fails, the plan and the updates that succeeded
 *    are saved on the marker, so the retry makes only the missing ones and counts nothing twice;
 * 4. open alerts and the live-tenant list (idempotent updates), then the marker becomes `applied`.
 * Left open: a function that dies (timeout, not an error) amid the counter updates saves no plan,
 * so the retry after the lease can count that event's finished updates again; and a death
 * between the label's put and its counter updates loses that one correction.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { IncidentEvent } from "../../domain/incident-events";
import {
  cellOf,
  eventCounters,
  type IncidentLabel,
  labelUpdate,
  relabel,
  type StatisticsCell,
} from "../../domain/statistics";
import type { OpenAlert } from "../../domain/statistics-alerts";
import type { Grain, Scope, SeriesCell } from "../../domain/statistics-series";
import {
  EVENT_MARKER_DAYS,
  eventMarkerKey,
  LABEL_DAYS,
  labelKey,
  liveTenantKey,
  rowsQuery,
  STATISTICS_TABLE,
  seriesQuery,
} from "../../domain/statistics-table";
import { isConditionFailed } from "../items/item-table";
import { type CounterWrite, counterUpdate, counterWrites, rowOf, seriesCellOf } from "./counter-cells";
import { OpenAlertItems } from "./open-alerts";
import { queryAll, type Reads } from "./statistics-query";

export type ApplyResult = "applied" | "duplicate";

/** A kab/kota that has sent the national centre data (a region counts as live from then on). */
export interface LiveTenant {
  readonly tenant: string;
  readonly province: string;
  readonly firstEventAt: string;
}

export interface StatisticsStore {
  /** Applies one event once; a second delivery of the same `eventId` is a "duplicate". */
  applyEvent(event: IncidentEvent): Promise<ApplyResult>;
  /** The day rows of a scope's kab/kota from `from` to `to` (local days, inclusive), by day then code. */
  readRows(scope: Scope, from: string, to: string): Promise<Reads<StatisticsCell>>;
  /** A scope's hour or quarter-hour cells from the first local day to the last, in order. */
  readSeries(grain: Grain, scope: Scope, from: string, to: string): Promise<Reads<SeriesCell>>;
  /** The alerts of a scope sent and not acknowledged (nor closed). */
  readOpenAlerts(scope: Scope, nowMs: number): Promise<Reads<OpenAlert>>;
  /** Every kab/kota that has sent data. */
  readLiveTenants(): Promise<Reads<LiveTenant>>;
}

const LABEL_RETRIES = 5;
const LEASE_MS = 60_000;

/** Where a claimed event resumes: the saved plan of counter updates and which of them are done. */
interface Claim {
  readonly plan?: readonly CounterWrite[];
  readonly done: readonly number[];
}

/**
 * `StatisticsStore` over one DynamoDB table.
 *
 * @example
 * const store = new DynamoStatisticsStore(documents, "siaga112-national-statistics");
 * await store.applyEvent(event);
 */
export class DynamoStatisticsStore implements StatisticsStore {
  private readonly alerts: OpenAlertItems;
  private readonly knownTenants = new Set<string>();

  constructor(
    private readonly documents: Pick<DynamoDBDocumentClient, "send">,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {
    this.alerts = new OpenAlertItems(documents, tableName, now);
  }

  async applyEvent(event: IncidentEvent): Promise<ApplyResult> {
    const claim = await this.claim(event);
    if (claim === "duplicate") return "duplicate";
    const plan = claim.plan ?? [
      ...counterWrites({ cell: cellOf(event), counters: eventCounters(event) }, this.now()),
      ...(await this.applyLabel(event)),
    ];
    const done = new Set(claim.done);
    const results = await Promise.allSettled(
      plan.map(async (write, i) => {
        if (done.has(i)) return;
        await this.documents.send(counterUpdate(this.tableName, write));
        done.add(i);
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) {
      await this.release(event, plan, done).catch(() => {});
      throw failed.reason;
    }
    try {
      await this.alerts.apply(event);
      await this.markLive(event);
    } catch (error) {
      await this.release(event, plan, done).catch(() => {});
      throw error;
    }
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: eventMarkerKey(event.eventId),
        UpdateExpression: "SET #state = :applied REMOVE #plan, done, leaseUntil",
        ExpressionAttributeNames: { "#state": "state", "#plan": "plan" },
        ExpressionAttributeValues: { ":applied": "applied" },
      }),
    );
    return "applied";
  }

  async readRows(scope: Scope, from: string, to: string): Promise<Reads<StatisticsCell>> {
    const { items, cost } = await queryAll(this.documents, this.tableName, rowsQuery(scope, from, to));
    const rows = items.map(rowOf).filter((row) => Object.keys(row.counters).length > 0);
    return { items: rows, cost };
  }

  async readSeries(grain: Grain, scope: Scope, from: string, to: string): Promise<Reads<SeriesCell>> {
    const { items, cost } = await queryAll(
      this.documents,
      this.tableName,
      seriesQuery(grain, scope, from, to),
    );
    const cells = items.map(seriesCellOf).filter((cell) => Object.keys(cell.counters).length > 0);
    return { items: cells, cost };
  }

  readOpenAlerts(scope: Scope, nowMs: number): Promise<Reads<OpenAlert>> {
    return this.alerts.read(scope, nowMs);
  }

  async readLiveTenants(): Promise<Reads<LiveTenant>> {
    const { items, cost } = await queryAll(this.documents, this.tableName, {
      partitionKey: STATISTICS_TABLE.partitionKey,
      partition: liveTenantKey("").pk,
      sortKey: STATISTICS_TABLE.sortKey,
      prefix: "",
    });
    return {
      items: items.map((item) => ({
        tenant: String(item.sk),
        province: String(item.province),
        firstEventAt: String(item.firstEventAt),
      })),
      cost,
    };
  }

  /** Claims the event's marker: a new claim, a resumed one, or "duplicate". */
  private async claim(event: IncidentEvent): Promise<Claim | "duplicate"> {
    const key = eventMarkerKey(event.eventId);
    const leaseUntil = this.now() + LEASE_MS;
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key,
            type: event.type,
            state: "applying",
            leaseUntil,
            expiresAt: this.expiresAt(EVENT_MARKER_DAYS),
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return { done: [] };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const marker = (
      await this.documents.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))
    ).Item;
    // A marker without a state was written before plans existed: it was applied.
    if (marker?.state !== "applying") return "duplicate";
    const busy = new Error(
      `event ${event.eventId}: another delivery is applying it (lease until ${new Date(Number(marker?.leaseUntil)).toISOString()}); retry later`,
    );
    if (Number(marker.leaseUntil) > this.now()) throw busy;
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: "SET leaseUntil = :lease",
          ConditionExpression: "leaseUntil = :seen",
          ExpressionAttributeValues: { ":lease": leaseUntil, ":seen": marker.leaseUntil },
        }),
      );
    } catch (error) {
      if (isConditionFailed(error)) throw busy;
      throw error;
    }
    const plan = typeof marker.plan === "string" ? (JSON.parse(marker.plan) as CounterWrite[]) : undefined;
    const done = typeof marker.done === "string" ? (JSON.parse(marker.done) as number[]) : [];
    return { plan, done: plan ? done : [] };
  }

  /** Saves the plan and which updates are done, and lets the next delivery take over at once. */
  private async release(
    event: IncidentEvent,
    plan: readonly CounterWrite[],
    done: ReadonlySet<number>,
  ): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: eventMarkerKey(event.eventId),
        UpdateExpression: "SET #plan = :plan, done = :done, leaseUntil = :free",
        ExpressionAttributeNames: { "#plan": "plan" },
        ExpressionAttributeValues: {
          ":plan": JSON.stringify(plan),
          ":done": JSON.stringify([...done].sort((a, b) => a - b)),
          ":free": 0,
        },
      }),
    );
  }

  /** Optimistic read-modify-write of the incident's label; returns the counter updates it moves. */
  private async applyLabel(event: IncidentEvent): Promise<CounterWrite[]> {
    if (!labelUpdate(event)) return [];
    const key = labelKey(event.tenant, event.incidentId);
    for (let attempt = 0; attempt < LABEL_RETRIES; attempt++) {
      const current = await this.documents.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      const revision = typeof current.Item?.revision === "number" ? current.Item.revision : 0;
      const previous = current.Item ? (current.Item.label as IncidentLabel) : undefined;
      const change = relabel(previous, event);
      if (!change) return [];
      try {
        await this.documents.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...key,
              label: change.label,
              revision: revision + 1,
              expiresAt: this.expiresAt(LABEL_DAYS),
            },
            ConditionExpression: current.Item ? "revision = :revision" : "attribute_not_exists(pk)",
            ExpressionAttributeValues: current.Item ? { ":revision": revision } : undefined,
          }),
        );
      } catch (error) {
        if (isConditionFailed(error)) continue;
        throw error;
      }
      return change.deltas.flatMap((delta) => counterWrites(delta, this.now()));
    }
    throw new Error(
      `incident ${event.tenant}/${event.incidentId}: label changed concurrently ${LABEL_RETRIES} times; retry the event`,
    );
  }

  /** Records that the kab/kota sends data (once per tenant and function instance). */
  private async markLive(event: IncidentEvent): Promise<void> {
    if (this.knownTenants.has(event.tenant)) return;
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: liveTenantKey(event.tenant),
        UpdateExpression: "SET province = :province, firstEventAt = if_not_exists(firstEventAt, :at)",
        ExpressionAttributeValues: { ":province": event.province, ":at": event.at },
      }),
    );
    this.knownTenants.add(event.tenant);
  }

  private expiresAt(days: number): number {
    return Math.floor(this.now() / 1000) + days * 86_400;
  }
}
