/**
 * The relay: reads the incident table's changes (DynamoDB stream, or `captureChanges` locally),
 * publishes the national events they imply, and delivers new outbox entries. Reports failed
 * records so only they are retried (and dead-lettered by the stream mapping after its retries).
 */
import type { Incident } from "../../domain/incident";
import { type CallerFlags, callerFlags } from "../../domain/incident-caller-history";
import { itemKind } from "../../domain/incident-table";
import { deliverOutboxEntry } from "../escalation/deliver-outbox";
import { openEscalations } from "../escalation/open-escalations";
import { CallerHistories } from "../items/caller-histories";
import { IncidentItems } from "../items/incidents";
import { eventsOfChange } from "../shared/events-from-changes";
import type { SenderDeps, TableChange } from "../shared/ports";

export interface RelayResult {
  /** Ids of the changes to retry (Lambda's `batchItemFailures`). */
  readonly failed: readonly string[];
}

/**
 * Relays a batch of table changes, in order.
 *
 * @example
 * const { failed } = await relayChanges(deps, changes);
 */
export async function relayChanges(deps: SenderDeps, changes: readonly TableChange[]): Promise<RelayResult> {
  const failed: string[] = [];
  for (const change of changes) {
    try {
      await relayChange(deps, change);
    } catch (error) {
      failed.push(change.id);
      deps.log.error("relay: change failed, will be retried", {
        change: change.id,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  }
  return { failed };
}

async function relayChange(deps: SenderDeps, change: TableChange): Promise<void> {
  const image = change.newImage ?? change.oldImage;
  if (!image) return;
  const kind = itemKind(image);
  const flags = change.eventName === "INSERT" && kind === "incident" ? await flagsOf(deps, image) : undefined;
  const events = eventsOfChange(deps.tenant, change, flags);
  if (events.length > 0) await deps.events.publish(events);
  // The console shows the flags intake answered the flow with: the same ones, from the history.
  if (flags) await new IncidentItems(deps).storeCallerFlags(String(image.incidentId), flags);

  // Recovery path of classification: the API may have died between the state and the outbox.
  if (
    kind === "incident" &&
    change.newImage?.state === "classified" &&
    change.oldImage?.state !== "classified"
  ) {
    await openEscalations(deps, change.newImage as unknown as Incident);
  }

  const entry = change.newImage;
  if (kind === "outbox" && change.eventName === "INSERT" && entry?.status === "pending") {
    const result = await deliverOutboxEntry(deps, {
      incidentId: entry.incidentId as string,
      agencyId: entry.agencyId as string,
      round: entry.round as number,
      step: entry.step as number,
    });
    // Retried by the sweeper with backoff; the stream moves on.
    if (result === "failed")
      deps.log.warn("relay: delivery deferred to the sweeper", { incidentId: entry.incidentId });
  }
}

async function flagsOf(deps: SenderDeps, incident: Readonly<Record<string, unknown>>): Promise<CallerFlags> {
  if (typeof incident.callerKey !== "string") return { repeatCaller: false, suspectedPrank: false };
  const history = await new CallerHistories(deps).get(incident.callerKey);
  return callerFlags(
    history,
    String(incident.incidentId),
    Math.floor(Date.parse(String(incident.receivedAt)) / 1000),
  );
}
