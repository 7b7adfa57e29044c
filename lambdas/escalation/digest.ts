/**
 * Bundling: reminders for a contact over its rate limit are held in the contact's digest and go
 * out as ONE message (SMS and e-mail) when the limits allow: the codes of the incidents still
 * waiting for the agency's konfirmasi, and the contact's duty board link. Held, bundled and sent
 * are states of each outbox entry (lambdas/items/outbox-entries.ts): a held entry is claimed by at
 * most one digest, so concurrent flushes, sweeps and relays never send it twice.
 */
import type { IncidentCategory } from "../../domain/categories";
import { digestEmail, digestSms } from "../../domain/messages";
import { findAgency } from "../../domain/tenant-runtime";
import { AgencyAlerts } from "../items/agency-alerts";
import { ContactDigests } from "../items/contact-digests";
import { ContactRates } from "../items/contact-rates";
import { OutboxEntries, type OutboxEntry } from "../items/outbox-entries";
import type { SenderDeps } from "../shared/ports";
import { alertsOf } from "./duty-board";
import { linkSigner } from "./links";
import { digestScheduleName } from "./schedule-names";

/** A digest owns the entries it bundles this long (as a relay owns a claim). */
export const BUNDLE_MILLIS = 60_000;
/** After a failed publish, the digest is tried again this much later. */
const RETRY_SECONDS = 60;

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * Holds a claimed entry for its contact's digest, due when the contact's limits allow
 * (`allowedAt`, epoch seconds), and makes sure the digest is scheduled.
 *
 * @example
 * await holdForDigest(deps, claimedEntry, 1764280060) // "held"
 */
export async function holdForDigest(
  deps: SenderDeps,
  entry: OutboxEntry,
  allowedAt: number,
): Promise<"held" | "already-handled"> {
  const now = deps.clock.now();
  const nowIso = new Date(now).toISOString();
  // The held-alert item and the due digest first: a crash before the entry is held leaves it
  // `sending`, and it is delivered again when the claim lapses.
  await new ContactDigests(deps).hold(entry, iso(allowedAt), nowIso, Math.floor(now / 1000));
  if (!(await new OutboxEntries(deps).hold(entry, nowIso))) return "already-handled";
  await scheduleDigest(deps, entry.agencyId, entry.contactId, allowedAt);
  deps.metrics.count("EscalationHeld");
  return "held";
}

/**
 * Sends the held reminders of one contact as one message, leaving out (and settling as skipped)
 * incidents that were closed or acknowledged meanwhile. When the contact is still over its limit,
 * the digest is postponed to when it is not. Returns how many reminders went out.
 *
 * @example
 * await flushDigest(deps, "damkar", "piket") // 3
 */
export async function flushDigest(deps: SenderDeps, agencyId: string, contactId: string): Promise<number> {
  const digests = new ContactDigests(deps);
  const outbox = new OutboxEntries(deps);
  const rates = new ContactRates(deps);
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now / 1000);
  const state = await digests.read(agencyId, contactId);
  if (state.held.length === 0) {
    if (state.dueAt) await digests.clear(agencyId, contactId, state.holds);
    return 0;
  }
  const waitUntil = await rates.allowedAt(agencyId, contactId, nowSeconds);
  if (waitUntil > nowSeconds) return postpone(deps, agencyId, contactId, waitUntil);

  // Claim what is held; drop from the digest what is settled already (another flush sent it).
  const claimed: OutboxEntry[] = [];
  let left = 0;
  for (const held of state.held) {
    const entry = await outbox.claimHeld(held, now, BUNDLE_MILLIS);
    if (entry) claimed.push(entry);
    else {
      const current = await outbox.get(held);
      if (!current || current.status === "sent" || current.status === "skipped" || current.status === "dead")
        await digests.drop(held);
      else left++;
    }
  }
  const { open, gone } = await stillWaiting(deps, agencyId, claimed);
  for (const entry of gone)
    await settleHeld(deps, entry, "skipped", "agency acknowledged or incident closed");
  if (open.length === 0) {
    if (left === 0) await digests.clear(agencyId, contactId, state.holds);
    return 0;
  }
  const allowedAt = await rates.reserve(agencyId, contactId, nowSeconds);
  if (allowedAt > nowSeconds) {
    for (const { entry } of open) await outbox.unbundle(entry);
    return postpone(deps, agencyId, contactId, allowedAt);
  }

  const links = linkSigner(deps, await deps.secret.get());
  const items = open.map(({ entry, shortCode, category }) => ({
    shortCode,
    category,
    ackUrl: links.incident({ incidentId: entry.incidentId, shortCode }, agencyId),
  }));
  const board = links.board(agencyId, contactId);
  let messageId: string | undefined;
  try {
    const receipt = await deps.alerts.publish({
      agencyId,
      contactId,
      sms: digestSms(deps.tenant.name, items, board),
      email: digestEmail(deps.tenant.name, findAgency(deps.tenant, agencyId)?.name ?? agencyId, items, board),
      about: open.map(({ entry }) => ({
        incidentId: entry.incidentId,
        round: entry.round,
        step: entry.step,
      })),
      dedupKey: `digest:${agencyId}:${contactId}:${open.map(({ entry }) => `${entry.incidentId}|${entry.round}|${entry.step}`).join(",")}`,
    });
    messageId = receipt.messageId;
  } catch (error) {
    for (const { entry } of open) await outbox.unbundle(entry);
    await postpone(deps, agencyId, contactId, nowSeconds + RETRY_SECONDS);
    throw error;
  }
  const agencyAlerts = new AgencyAlerts(deps);
  const sentAt = new Date(now).toISOString();
  for (const { entry } of open) {
    await agencyAlerts.markStepSent(entry.incidentId, agencyId, entry, sentAt);
    await settleHeld(deps, entry, "sent", undefined, messageId);
  }
  if (left === 0) await digests.clear(agencyId, contactId, state.holds);
  deps.metrics.count("DigestSent");
  return open.length;
}

interface WaitingEntry {
  readonly entry: OutboxEntry;
  readonly shortCode: string;
  readonly category: IncidentCategory;
}

/** The claimed entries whose incident is open and whose agency has not acknowledged, oldest first. */
async function stillWaiting(
  deps: SenderDeps,
  agencyId: string,
  claimed: readonly OutboxEntry[],
): Promise<{ open: WaitingEntry[]; gone: OutboxEntry[] }> {
  const found = await alertsOf(
    deps,
    agencyId,
    claimed.map((entry) => entry.incidentId),
  );
  const open: WaitingEntry[] = [];
  const gone: OutboxEntry[] = [];
  for (const entry of claimed) {
    const item = found.get(entry.incidentId);
    if (item?.incident.category && item.incident.state !== "closed" && item.alert.status === "alerted") {
      open.push({ entry, shortCode: item.incident.shortCode, category: item.incident.category });
    } else gone.push(entry);
  }
  return { open, gone };
}

/** Settles a bundled entry and takes it out of the digest. */
async function settleHeld(
  deps: SenderDeps,
  entry: OutboxEntry,
  status: "sent" | "skipped",
  reason?: string,
  messageId?: string,
): Promise<void> {
  await new OutboxEntries(deps).settle(entry, status, new Date(deps.clock.now()).toISOString(), {
    reason,
    messageId,
    ...(status === "sent" ? { via: "digest" as const } : {}),
  });
  await new ContactDigests(deps).drop(entry);
  deps.metrics.count(status === "sent" ? "EscalationSent" : "EscalationSkipped");
}

async function postpone(
  deps: SenderDeps,
  agencyId: string,
  contactId: string,
  atSeconds: number,
): Promise<0> {
  await new ContactDigests(deps).postpone(agencyId, contactId, iso(atSeconds));
  await scheduleDigest(deps, agencyId, contactId, atSeconds);
  return 0;
}

async function scheduleDigest(deps: SenderDeps, agencyId: string, contactId: string, atSeconds: number) {
  await deps.scheduler.schedule({
    name: digestScheduleName(deps.tenant.code, agencyId, contactId, atSeconds),
    at: atSeconds * 1000,
    task: { kind: "digest", agencyId, contactId },
  });
}
