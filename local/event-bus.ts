/**
 * The in-process stand-in for the national EventBridge bus: what the tenant functions publish
 * goes to every subscriber (the national aggregator, the live pages) in order.
 */
import type { IncidentEvent } from "../domain/incident-events";
import type { EventPublisher } from "../lambdas/shared/ports";

export type IncidentEventSubscriber = (event: IncidentEvent) => Promise<void> | void;

/**
 * @example
 * const bus = new LocalEventBus();
 * bus.subscribe((e) => aggregateIncidentEvents([e], store).then(() => undefined));
 */
export class LocalEventBus implements EventPublisher {
  private readonly subscribers: IncidentEventSubscriber[] = [];
  /** Every event published, in order (bounded: the oldest are dropped past `keep`). */
  readonly recent: IncidentEvent[] = [];

  constructor(private readonly keep = 1000) {}

  subscribe(subscriber: IncidentEventSubscriber): void {
    this.subscribers.push(subscriber);
  }

  async publish(events: readonly IncidentEvent[]): Promise<void> {
    for (const event of events) {
      this.recent.push(event);
      if (this.recent.length > this.keep) this.recent.shift();
      for (const subscriber of this.subscribers) await subscriber(event);
    }
  }
}
