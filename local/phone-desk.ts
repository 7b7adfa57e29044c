/**
 * The local phone panel's exchange: calls that the flow queued ring at the consoles of their
 * tenant until a call-taker answers (or the caller gives up), answered calls can be hung up, and a
 * call-taker can call a caller back. Consoles follow it by polling `events(tenant, after)`
 * (local/phone-routes.ts); in the cloud Amazon Connect's contact control panel plays this part.
 *
 * Timers are wall-clock (a ringing phone rings in real seconds); the instants recorded come from
 * the local clock, like every other local record.
 */

/** What a console's phone panel sees. */
export type PhoneEvent = {
  readonly seq: number;
  readonly tenant: string;
  readonly contactId: string;
  /** ISO time on the local clock. */
  readonly at: string;
} & (
  | {
      /** A queued call rings at the consoles (or, simulated, only shows up). */
      readonly type: "ringing";
      readonly incidentId?: string;
      readonly shortCode?: string;
      readonly callerNumber?: string;
      readonly repeatCaller: boolean;
      readonly suspectedPrank: boolean;
      /** True when a simulated call-taker answers it (`siaga112 simulate`): it does not wait for a console. */
      readonly simulated: boolean;
    }
  | { readonly type: "answered"; readonly incidentId?: string; readonly by: string }
  | { readonly type: "ended"; readonly reason: "caller-hung-up" | "call-taker-hung-up" | "abandoned" }
  /** A call-back: dialling the caller, then connected when they pick up. */
  | { readonly type: "dialing"; readonly incidentId: string; readonly number: string; readonly by: string }
  | { readonly type: "connected"; readonly incidentId: string }
);

/** A queued call waiting at the consoles. */
export interface RingingCall {
  readonly tenant: string;
  readonly contactId: string;
  readonly incidentId?: string;
  readonly shortCode?: string;
  readonly callerNumber?: string;
  readonly repeatCaller: boolean;
  readonly suspectedPrank: boolean;
}

/** How a ringing call ended: answered by a call-taker at a console, or the caller gave up. */
export type RingResult =
  | { readonly kind: "answered"; readonly at: number; readonly by: string }
  | { readonly kind: "abandoned"; readonly at: number };

/** Seconds a caller waits for a console before hanging up, when the call does not say. */
export const DEFAULT_PATIENCE_SECONDS = 120;
/** Seconds a called-back caller takes to pick up. */
export const CALLEE_PICKUP_SECONDS = 1;
/** Events kept for consoles that poll (older ones are dropped). */
const KEPT_EVENTS = 1000;
/** A console counts as online this long after its last poll. */
const ONLINE_MS = 5000;

type Distribute<T> = T extends unknown ? Omit<T, "seq" | "at"> : never;
type NewEvent = Distribute<PhoneEvent>;

interface Live {
  readonly tenant: string;
  readonly incidentId?: string;
  state: "ringing" | "connected" | "dialing";
  settle?: (result: RingResult) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * @example
 * const desk = new PhoneDesk({ now: () => Date.now() });
 * const result = desk.ring({ tenant: "71.71", contactId, repeatCaller: false, suspectedPrank: false }, 60);
 * desk.answer("71.71", contactId, "rina"); // result resolves { kind: "answered", ... }
 */
export class PhoneDesk {
  private readonly log: PhoneEvent[] = [];
  private seq = 0;
  private readonly live = new Map<string, Live>();
  private readonly lastPoll = new Map<string, number>();

  constructor(private readonly clock: { now(): number }) {}

  /** Events of a tenant after `after` (a seq), oldest first, and the calls live now. */
  events(tenant: string, after = 0): { events: PhoneEvent[]; last: number } {
    this.lastPoll.set(tenant, Date.now());
    return { events: this.log.filter((e) => e.tenant === tenant && e.seq > after), last: this.seq };
  }

  /** Whether a console of the tenant polled lately (then a queued call waits for it). */
  online(tenant: string): boolean {
    return Date.now() - (this.lastPoll.get(tenant) ?? 0) < ONLINE_MS;
  }

  /** A call rings at the tenant's consoles until answered or the caller gives up after `patienceSeconds`. */
  ring(call: RingingCall, patienceSeconds: number): Promise<RingResult> {
    return new Promise((resolve) => {
      const live: Live = {
        tenant: call.tenant,
        incidentId: call.incidentId,
        state: "ringing",
        settle: resolve,
      };
      live.timer = setTimeout(() => {
        this.live.delete(call.contactId);
        this.publish({ type: "ended", tenant: call.tenant, contactId: call.contactId, reason: "abandoned" });
        resolve({ kind: "abandoned", at: this.clock.now() });
      }, patienceSeconds * 1000);
      live.timer.unref?.();
      this.live.set(call.contactId, live);
      this.publish({ type: "ringing", ...call, simulated: false });
    });
  }

  /** A simulated call (no console waits for it): shows up, then is answered or abandoned. */
  announce(call: RingingCall, result: { readonly kind: "answered" | "abandoned" }): void {
    this.publish({ type: "ringing", ...call, simulated: true });
    if (result.kind === "answered")
      this.publish({
        type: "answered",
        tenant: call.tenant,
        contactId: call.contactId,
        incidentId: call.incidentId,
        by: "simulasi",
      });
    else this.publish({ type: "ended", tenant: call.tenant, contactId: call.contactId, reason: "abandoned" });
  }

  /** A call-taker answers a ringing call; false when it is not ringing (any more). */
  answer(tenant: string, contactId: string, by: string): boolean {
    const live = this.live.get(contactId);
    if (!live || live.tenant !== tenant || live.state !== "ringing") return false;
    clearTimeout(live.timer);
    live.state = "connected";
    live.settle?.({ kind: "answered", at: this.clock.now(), by });
    this.publish({ type: "answered", tenant, contactId, incidentId: live.incidentId, by });
    return true;
  }

  /** A call-taker hangs up a connected call or a call-back; false when there is none. */
  hangUp(tenant: string, contactId: string): boolean {
    const live = this.live.get(contactId);
    if (!live || live.tenant !== tenant || live.state === "ringing") return false;
    clearTimeout(live.timer);
    this.live.delete(contactId);
    this.publish({ type: "ended", tenant, contactId, reason: "call-taker-hung-up" });
    return true;
  }

  /** Dials a caller back: `dialing`, then `connected` when the caller picks up. Returns the call's id. */
  callBack(
    tenant: string,
    call: { readonly incidentId: string; readonly number: string; readonly by: string },
  ): string {
    const contactId = `callback-${call.incidentId}-${++this.seq}`;
    const live: Live = { tenant, incidentId: call.incidentId, state: "dialing" };
    live.timer = setTimeout(() => {
      live.state = "connected";
      this.publish({ type: "connected", tenant, contactId, incidentId: call.incidentId });
    }, CALLEE_PICKUP_SECONDS * 1000);
    live.timer.unref?.();
    this.live.set(contactId, live);
    this.publish({ type: "dialing", tenant, contactId, ...call });
    return contactId;
  }

  /** Ends every live call (the centre stops). */
  stop(): void {
    for (const live of this.live.values()) clearTimeout(live.timer);
    this.live.clear();
  }

  private publish(event: NewEvent): void {
    this.log.push({ ...event, seq: ++this.seq, at: new Date(this.clock.now()).toISOString() } as PhoneEvent);
    if (this.log.length > KEPT_EVENTS) this.log.splice(0, this.log.length - KEPT_EVENTS);
  }
}
