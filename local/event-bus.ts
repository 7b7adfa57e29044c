/**
 * The in-process stand-in for the national EventBridge bus. Like `PutEvents`, `publish` returns
 * once the events are accepted; subscribers (the national aggregator) get them afterwards,
 * several at a time like concurrent Lambda invocations, in no guaranteed order.
 */
import type { IncidentEvent } from "../domain/incident-events";
import type { EventPublisher } from "../lambdas/shared/ports";

export type IncidentEventSubscriber = (event: IncidentEvent) => Promise<void> | void;

export interface LocalEventBusOptions {
  /** Events delivered at once per subscriber. @default 8 */
  readonly concurrency?: number;
  /** Deliveries retried after a failure, with a growing wait (EventBridge retries too). @default 4 */
  readonly retries?: number;
  /** Recent events kept for inspection. @default 1000 */
  readonly keep?: number;
  /** Where a subscriber's failure is reported (EventBridge would retry, then dead-letter). */
  readonly onError?: (error: unknown, event: IncidentEvent) => void;
}

/**
 * @example
 * const bus = new LocalEventBus();
 * bus.subscribe((e) => aggregateIncidentEvents([e], store).then(() => undefined));
 * await bus.publish(events);
 * await bus.settled(); // every subscriber has seen them
 */
export class LocalEventBus implements EventPublisher {
  private readonly subscribers: IncidentEventSubscriber[] = [];
  private readonly queue: IncidentEvent[] = [];
  private active = 0;
  private waiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly retries: number;
  private readonly keep: number;
  private readonly onError: (error: unknown, event: IncidentEvent) => void;
  /** The latest events published, oldest first. */
  readonly recent: IncidentEvent[] = [];
  /** Events published since the start. */
  published = 0;

  constructor(options: LocalEventBusOptions = {}) {
    this.concurrency = options.concurrency ?? 8;
    this.retries = options.retries ?? 4;
    this.keep = options.keep ?? 1000;
    this.onError =
      options.onError ??
      ((error, event) => console.error(`event bus: ${event.type} ${event.eventId} failed: ${String(error)}`));
  }

  subscribe(subscriber: IncidentEventSubscriber): void {
    this.subscribers.push(subscriber);
  }

  async publish(events: readonly IncidentEvent[]): Promise<void> {
    for (const event of events) {
      this.published++;
      this.recent.push(event);
      if (this.recent.length > this.keep) this.recent.shift();
      this.queue.push(event);
    }
    this.pump();
  }

  /** Resolves when every event published so far has been delivered. */
  settled(): Promise<void> {
    if (this.queue.length === 0 && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const event = this.queue.shift()!;
      this.active++;
      void this.deliver(event).finally(() => {
        this.active--;
        this.pump();
        if (this.queue.length === 0 && this.active === 0) {
          const waiters = this.waiters;
          this.waiters = [];
          for (const resolve of waiters) resolve();
        }
      });
    }
  }

  private async deliver(event: IncidentEvent): Promise<void> {
    for (const subscriber of this.subscribers) {
      for (let attempt = 0; ; attempt++) {
        try {
          await subscriber(event);
          break;
        } catch (error) {
          if (attempt >= this.retries) {
            this.onError(error, event);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        }
      }
    }
  }
}
