/**
 * The agency inbox: the local stand-in for SNS. Every SMS and e-mail that would have reached an
 * agency's duty contacts is kept here, one message per number or address, with the links it
 * carries (the contact's duty board link, and in e-mails each incident's own link), for the inbox
 * page and the tests. SMS to a caller's own phone (the location link) land here too, addressed to
 * the caller's number.
 */
import type { Tenant } from "../domain/tenant";
import type { AgencyAlert, AlertPublisher, CallerSms, Clock } from "../lambdas/shared/ports";

export interface InboxMessage {
  /** 1, 2, 3… in the order sent. */
  readonly seq: number;
  /** Local-clock time it was sent (ISO 8601). */
  readonly at: string;
  readonly tenant: string;
  readonly tenantName: string;
  /** An agency's duty contact, or the caller of an incident (location link). */
  readonly recipient: "agency" | "caller";
  /** Agency messages only (the agency and contact fields). */
  readonly agencyId?: string;
  readonly agencyName?: string;
  readonly agencyKind?: string;
  readonly contactId?: string;
  readonly contactName?: string;
  /** Caller messages only. */
  readonly incidentId?: string;
  readonly channel: "sms" | "email";
  /** E.164 number or e-mail address. */
  readonly to: string;
  readonly subject?: string;
  readonly text: string;
  /** Every http(s) URL in the text, in order. */
  readonly links: readonly string[];
  /** The contact's duty board link (papan tugas) the message carries. */
  readonly boardLink?: string;
  /** Incidents the message is about (one for an alert, several for a reminder digest). */
  readonly incidents: readonly string[];
  readonly dedupKey: string;
}

export interface InboxFilter {
  readonly tenant?: string;
  readonly agencyId?: string;
  /** Only messages with `seq` greater than this (for polling). */
  readonly after?: number;
  /** Only messages whose text contains this (e.g. an incident's `#K7Q2XM`). */
  readonly text?: string;
  /** Only messages to this number or address. */
  readonly to?: string;
}

const LINK = /https?:\/\/[^\s<>"')]+/g;

/**
 * @example
 * const inbox = new AgencyInbox(clock);
 * const alerts = inbox.publisherFor(tenant); // an AlertPublisher for the tenant's functions
 */
export class AgencyInbox {
  private readonly messages: InboxMessage[] = [];

  constructor(
    private readonly clock: Clock,
    /** Messages kept; the oldest are dropped beyond it (a long simulation sends many). */
    private readonly keep = 20_000,
  ) {}

  /** The `AlertPublisher` the tenant's relay and re-escalation functions send through. */
  publisherFor(tenant: Tenant): AlertPublisher {
    return { publish: async (alert) => ({ messageId: `local-${this.deliver(tenant, alert)}` }) };
  }

  /** The `CallerSms` the tenant's call-taker API sends location links through. */
  callerSmsFor(tenant: Tenant): CallerSms {
    return {
      send: async (message) => {
        this.push({
          at: new Date(this.clock.now()).toISOString(),
          tenant: tenant.code,
          tenantName: tenant.name,
          recipient: "caller",
          incidentId: message.incidentId,
          incidents: [message.incidentId],
          channel: "sms",
          to: message.to,
          ...linksOf(message.text),
          dedupKey: `${message.incidentId}:location`,
        });
      },
    };
  }

  list(filter: InboxFilter = {}): InboxMessage[] {
    return this.messages.filter(
      (m) =>
        (!filter.tenant || m.tenant === filter.tenant) &&
        (!filter.agencyId || m.agencyId === filter.agencyId) &&
        (!filter.to || m.to === filter.to) &&
        (filter.after === undefined || m.seq > filter.after) &&
        (!filter.text || m.text.includes(filter.text)),
    );
  }

  get size(): number {
    return this.messages.length;
  }

  private seq = 0;

  /** Keeps one message per number and address of the contact; returns the last sequence number. */
  private deliver(tenant: Tenant, alert: AgencyAlert): number {
    const agency = tenant.agencies.find((a) => a.id === alert.agencyId);
    if (!agency)
      throw new Error(
        `alert for agency "${alert.agencyId}": not an agency of ${tenant.code} (${tenant.agencies.map((a) => a.id).join(", ")})`,
      );
    const contact = agency.contacts.find((c) => c.id === alert.contactId);
    if (!contact) return this.seq; // SNS would deliver to no subscription either
    const base = {
      at: new Date(this.clock.now()).toISOString(),
      tenant: tenant.code,
      tenantName: tenant.name,
      recipient: "agency" as const,
      agencyId: agency.id,
      agencyName: agency.name,
      agencyKind: agency.kind,
      contactId: contact.id,
      contactName: contact.name,
      incidents: [...new Set(alert.about.map((subject) => subject.incidentId))],
      dedupKey: alert.dedupKey,
    };
    for (const to of contact.sms) this.push({ ...base, channel: "sms", to, ...linksOf(alert.sms) });
    for (const to of contact.email)
      this.push({
        ...base,
        channel: "email",
        to,
        subject: alert.email.subject,
        ...linksOf(alert.email.body),
      });
    return this.seq;
  }

  private push(message: Omit<InboxMessage, "seq">): void {
    this.messages.push({ seq: ++this.seq, ...message });
    if (this.messages.length > this.keep) this.messages.shift();
  }
}

/** A duty board link: `<ack base>/p/<token>`. */
const BOARD_LINK = /\/p\/[^/\s]+$/;

function linksOf(text: string): { text: string; links: string[]; boardLink?: string } {
  const links = text.match(LINK) ?? [];
  const boardLink = links.find((link) => BOARD_LINK.test(link));
  return { text, links, ...(boardLink ? { boardLink } : {}) };
}
