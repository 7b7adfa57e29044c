/**
 * Event publisher on EventBridge: the national bus, source `siaga112.tenant.<code>`,
 * detail-type the event type, detail the event (see docs/events.md).
 */
import { type EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { type IncidentEvent, incidentEventSource } from "../../domain/incident-events";
import type { EventPublisher } from "./ports";

/** PutEvents takes at most 10 entries. */
const BATCH = 10;

/**
 * The exact PutEvents entries of some events.
 *
 * @example
 * putEventsEntries("arn:aws:events:…:event-bus/siaga112-national", [event])[0].Source // "siaga112.tenant.71.71"
 */
export function putEventsEntries(eventBus: string, events: readonly IncidentEvent[]) {
  return events.map((event) => ({
    EventBusName: eventBus,
    Source: incidentEventSource(event.tenant),
    DetailType: event.type,
    Detail: JSON.stringify(event),
    Time: new Date(event.at),
  }));
}

/**
 * @example
 * const events = eventBridgePublisher(new EventBridgeClient({}), process.env.INCIDENT_EVENT_BUS!);
 */
export function eventBridgePublisher(
  client: Pick<EventBridgeClient, "send">,
  eventBus: string,
): EventPublisher {
  return {
    async publish(events) {
      const entries = putEventsEntries(eventBus, events);
      for (let i = 0; i < entries.length; i += BATCH) {
        const result = await client.send(new PutEventsCommand({ Entries: entries.slice(i, i + BATCH) }));
        if ((result.FailedEntryCount ?? 0) > 0) {
          const codes = (result.Entries ?? []).flatMap((e) => (e.ErrorCode ? [e.ErrorCode] : []));
          throw new Error(
            `PutEvents to ${eventBus}: ${result.FailedEntryCount} entries failed (${codes.join(", ")})`,
          );
        }
      }
    },
  };
}
