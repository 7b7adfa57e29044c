/**
 * Bundling: alerts for a contact over its rate limit wait in the contact's digest item and go
 * out as one SMS (and one e-mail) when the limit allows.
 */
import { nextAllowedSend } from "../../domain/escalation-policy";
import { digestEmail, digestSms } from "../../domain/messages";
import { findAgency } from "../../domain/tenant-runtime";
import { AgencyAlerts } from "../items/agency-alerts";
import type { HeldAlert } from "../items/contact-digests";
import { ContactDigests } from "../items/contact-digests";
import { ContactRates } from "../items/contact-rates";
import type { OutboxEntry } from "../items/outbox-entries";
import type { SenderDeps } from "../shared/ports";
import { digestScheduleName } from "./schedule-names";

/**
 * Holds one alert for a rate-limited contact and makes sure a digest is scheduled.
 *
 * @example
 * await holdForDigest(deps, entry, "piket", 1764280060, "https://…/a/…");
 */
export async function holdForDigest(
  deps: SenderDeps,
  entry: OutboxEntry,
  contactId: string,
  atSeconds: number,
  link: string,
): Promise<void> {
  const now = deps.clock.now();
  const held: HeldAlert = {
    incidentId: entry.incidentId,
    shortCode: entry.shortCode,
    category: entry.category,
    ackUrl: link,
    heldAt: now,
  };
  const at = await new ContactDigests(deps).hold(
    entry.agencyId,
    contactId,
    `${entry.incidentId}|${entry.round}|${entry.step}`,
    held,
    atSeconds,
    Math.floor(now / 1000),
  );
  await scheduleDigest(deps, entry.agencyId, contactId, at);
  deps.metrics.count("EscalationHeldForDigest");
}

/**
 * Sends the held alerts of one contact as one message, leaving out incidents the agency has
 * acknowledged meanwhile. Reschedules itself when the contact is still over its limit.
 *
 * @example
 * await flushDigest(deps, "damkar", "piket");
 */
export async function flushDigest(deps: SenderDeps, agencyId: string, contactId: string): Promise<number> {
  const digests = new ContactDigests(deps);
  const rates = new ContactRates(deps);
  const agencyAlerts = new AgencyAlerts(deps);
  const nowSeconds = Math.floor(deps.clock.now() / 1000);
  const sent = await rates.recent(agencyId, [contactId]);
  const allowedAt = nextAllowedSend(sent.get(contactId) ?? [], nowSeconds);
  if (allowedAt > nowSeconds) {
    await digests.reschedule(agencyId, contactId, allowedAt);
    await scheduleDigest(deps, agencyId, contactId, allowedAt);
    return 0;
  }
  const taken = await digests.takeAll(agencyId, contactId);
  const stillOpen: [string, HeldAlert][] = [];
  for (const [entryKey, held] of taken) {
    const alert = await agencyAlerts.get(held.incidentId, agencyId);
    if (!alert || alert.status === "alerted") stillOpen.push([entryKey, held]);
  }
  if (stillOpen.length === 0) return 0;
  stillOpen.sort((a, b) => a[1].heldAt - b[1].heldAt);
  const items = stillOpen.map(([, held]) => held);
  const agencyName = findAgency(deps.tenant, agencyId)?.name ?? agencyId;
  try {
    await deps.alerts.publish({
      agencyId,
      contacts: [contactId],
      sms: digestSms(deps.tenant.name, items),
      email: digestEmail(deps.tenant.name, agencyName, items),
      dedupKey: `digest:${agencyId}:${contactId}:${stillOpen.map(([k]) => k).join(",")}`,
    });
  } catch (error) {
    // Put them back and try again in a minute.
    await digests.putBack(agencyId, contactId, stillOpen);
    await scheduleDigest(deps, agencyId, contactId, nowSeconds + 60);
    throw error;
  }
  await rates.record(agencyId, [contactId], nowSeconds);
  deps.metrics.count("DigestSent");
  return items.length;
}

async function scheduleDigest(deps: SenderDeps, agencyId: string, contactId: string, atSeconds: number) {
  await deps.scheduler.schedule({
    name: digestScheduleName(deps.tenant.code, agencyId, contactId, atSeconds),
    at: atSeconds * 1000,
    task: { kind: "digest", agencyId, contactId },
  });
}
