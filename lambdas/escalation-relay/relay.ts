/**
 * The relay: reads the incident table's changes (DynamoDB stream, or `captureChanges` locally),
 * publishes the national events they imply, delivers new outbox entries, and keeps the duty boards
 * to open alerts. Reports failed records so only they are retried (and dead-lettered by the stream
 * mapping after its retries).
 */
import type { Incident } from "../../domain/incident";
import { type CallerFlags, callerFlags } from "../../domain/incident-caller-history";
import { itemKind } from "../../domain/incident-table";
import { deliverOutboxEntry } from "../escalation/deliver-outbox";
import { takeOffBoards } from "../escalation/duty-board";
import { openEscalations } from "../escalation/open-escalations";
import { BoardEntries } from "../items/board-entries";
import { CallerHistories } from "../items/caller-histories";
import { eventsOfChange } from "../shared/events-from-changes";
import type { SenderDeps, TableChange } from "../shared/ports";

export interface RelayResult {
  /** Ids of the changes to retry (Lambda's `batchItemFailures`). */
  readonly failed: readonly string[];
}

/** Items of one batch relayed side by side (a burst's outbox entries are many items). */
export const RELAY_CONCURRENCY = 10;

/**
 * Relays a batch of table changes: the changes of one item in order, different items side by
 * side (at most RELAY_CONCURRENCY at once). Failed changes are reported in stream order.
 *
 * @example
 * const { failed } = await relayChanges(deps, changes);
 */
export async function relayChanges(deps: SenderDeps, changes: readonly TableChange[]): Promise<RelayResult> {
  const byItem = new Map<string, { change: TableChange; index: number }[]>();
  changes.forEach((change, index) => {
    const image = change.newImage ?? change.oldImage ?? {};
    const item = `${String(image.pk)}|${String(image.sk)}`;
    byItem.set(item, [...(byItem.get(item) ?? []), { change, index }]);
  });
  const failed: { id: string; index: number }[] = [];
  const items = [...byItem.values()];
  const worker = async () => {
    for (let group = items.shift(); group; group = items.shift()) {
      for (const { change, index } of group) {
        try {
          await relayChange(deps, change);
        } catch (error) {
          failed.push({ id: change.id, index });
          deps.log.error("relay: change failed, will be retried", {
            change: change.id,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(RELAY_CONCURRENCY, items.length) }, worker));
  return { failed: failed.sort((a, b) => a.index - b.index).map((f) => f.id) };
}

async function relayChange(deps: SenderDeps, change: TableChange): Promise<void> {
  const image = change.newImage ?? change.oldImage;
  if (!image) return;
  const kind = itemKind(image);
  const flags = change.eventName === "INSERT" && kind === "incident" ? await flagsOf(deps, image) : undefined;
  const events = eventsOfChange(deps.tenant, change, flags);
  if (events.length > 0) await deps.events.publish(events);

  const after = change.newImage;
  const before = change.oldImage;
  if (kind === "incident" && after) {
    // Recovery path of classification: the API may have died between the state and the outbox.
    if (after.state === "classified" && before?.state !== "classified") {
      await openEscalations(deps, after as unknown as Incident);
    }
    if (after.state === "closed" && before?.state !== "closed") {
      await takeOffBoards(deps, after as unknown as Incident);
    }
  }

  if (kind === "agency" && after?.status === "resolved" && before?.status !== "resolved") {
    await new BoardEntries(deps).remove({
      agencyId: String(after.agencyId),
      incidentId: String(after.incidentId),
      receivedAt: String(after.receivedAt),
    });
  }

  if (kind === "outbox" && change.eventName === "INSERT" && after?.status === "pending") {
    const result = await deliverOutboxEntry(deps, {
      incidentId: after.incidentId as string,
      agencyId: after.agencyId as string,
      round: after.round as number,
      step: after.step as number,
      contactId: after.contactId as string,
    });
    // Retried by the sweeper with backoff; the stream moves on.
    if (result === "failed")
      deps.log.warn("relay: delivery deferred to the sweeper", { incidentId: after.incidentId });
  }
}

/** The caller flags intake answered with (stored on the incident), else from the caller history. */
async function flagsOf(deps: SenderDeps, incident: Readonly<Record<string, unknown>>): Promise<CallerFlags> {
  if (typeof incident.repeatCaller === "boolean" && typeof incident.suspectedPrank === "boolean") {
    return { repeatCaller: incident.repeatCaller, suspectedPrank: incident.suspectedPrank };
  }
  if (typeof incident.callerKey !== "string") return { repeatCaller: false, suspectedPrank: false };
  const history = await new CallerHistories(deps).get(incident.callerKey);
  return callerFlags(
    history,
    String(incident.incidentId),
    Math.floor(Date.parse(String(incident.receivedAt)) / 1000),
  );
}
