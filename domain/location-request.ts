/**
 * Asking the caller for their location by SMS ("Minta lokasi"): when a call-taker may ask, what the
 * SMS says, and what the console shows when it may not. Pure; the atomic check of the same rules
 * is in lambdas/items/incidents.ts (`recordLocationRequest`).
 */

import { maskCallerNumber } from "./incident";
import type { IncidentState } from "./incident-events";
import { SmsTooLongError, TWO_SEGMENTS } from "./messages";
import { gsm7Length, SINGLE_SEGMENT, toGsm7 } from "./messages-gsm7";
import { formatLocalTime, type TenantZone } from "./time-zones";

/** How often one incident's caller may be asked: a few times, never twice within a minute. */
export const LOCATION_REQUEST_POLICY = { maxPerIncident: 3, minSecondsBetween: 60 } as const;
export type LocationRequestPolicy = typeof LOCATION_REQUEST_POLICY;

/** Default and bounds of the tenant file's `location.linkMinutes`. */
export const LOCATION_LINK_MINUTES = { default: 60, min: 5, max: 1440 } as const;

/** One request sent (an element of the incident's `locationRequests`). */
export interface LocationRequestRecord {
  /** ISO 8601 UTC. */
  readonly at: string;
  /** ISO 8601 UTC: the link's expiry. */
  readonly linkExpiresAt: string;
}

/** What the check reads of an incident. */
export interface LocationRequestSubject {
  readonly state: IncidentState;
  readonly callerNumber?: string;
  readonly locationRequests?: readonly LocationRequestRecord[];
}

export type LocationRequestRefusal = "no-caller-number" | "closed" | "limit-reached" | "too-soon";

export interface RefusalVerdict {
  readonly refusal: LocationRequestRefusal;
  /** Only for `too-soon`. */
  readonly retryAfterSeconds?: number;
}

/**
 * Why the caller may not be asked now, or undefined when they may.
 *
 * @example
 * locationRequestRefusal({ state: "received" }, Date.now()) // { refusal: "no-caller-number" }
 */
export function locationRequestRefusal(
  incident: LocationRequestSubject,
  nowMs: number,
  policy: LocationRequestPolicy = LOCATION_REQUEST_POLICY,
): RefusalVerdict | undefined {
  if (!incident.callerNumber) return { refusal: "no-caller-number" };
  if (incident.state === "closed") return { refusal: "closed" };
  const sent = incident.locationRequests ?? [];
  if (sent.length >= policy.maxPerIncident) return { refusal: "limit-reached" };
  const last = sent[sent.length - 1];
  if (last) {
    const waited = (nowMs - Date.parse(last.at)) / 1000;
    if (waited < policy.minSecondsBetween) {
      return { refusal: "too-soon", retryAfterSeconds: Math.ceil(policy.minSecondsBetween - waited) };
    }
  }
  return undefined;
}

/**
 * What the console shows for a refusal, in Bahasa Indonesia.
 *
 * @example
 * refusalMessageId({ refusal: "too-soon", retryAfterSeconds: 40 }) // "Tunggu 40 detik: …"
 */
export function refusalMessageId(
  verdict: RefusalVerdict,
  policy: LocationRequestPolicy = LOCATION_REQUEST_POLICY,
): string {
  switch (verdict.refusal) {
    case "no-caller-number":
      return "Lokasi tidak bisa diminta: panggilan ini tanpa nomor (tanpa kartu SIM atau nomor disembunyikan).";
    case "closed":
      return "Lokasi tidak bisa diminta: insiden sudah ditutup.";
    case "limit-reached":
      return `Lokasi tidak bisa diminta lagi: sudah ${policy.maxPerIncident} kali diminta untuk insiden ini.`;
    case "too-soon":
      return `Tunggu ${verdict.retryAfterSeconds ?? policy.minSecondsBetween} detik: SMS permintaan lokasi baru saja dikirim.`;
  }
}

/**
 * What the console shows once the SMS is sent, in Bahasa Indonesia.
 *
 * @example
 * requestSentMessageId("+6281234567890", "2026-11-27T14:04:00Z", zone) // "SMS permintaan lokasi dikirim ke +62*********90. Tautan berlaku sampai 27/11/2026 22:04 WITA."
 */
export function requestSentMessageId(
  callerNumber: string,
  linkExpiresAt: string,
  zone: Pick<TenantZone, "name" | "utcOffsetHours">,
): string {
  return `SMS permintaan lokasi dikirim ke ${maskCallerNumber(callerNumber)}. Tautan berlaku sampai ${formatLocalTime(linkExpiresAt, zone)}.`;
}

/** What the console shows when SNS refused the SMS (the request is not counted). */
export const REQUEST_FAILED_MESSAGE_ID = "SMS permintaan lokasi gagal dikirim. Coba lagi sebentar lagi.";

/** @example validityText(60) // "60 menit"; validityText(180) // "3 jam" */
function validityText(minutes: number): string {
  return minutes >= 120 && minutes % 60 === 0 ? `${minutes / 60} jam` : `${minutes} menit`;
}

export interface LocationRequestSmsContent {
  /** e.g. `Kota Manado`. */
  readonly tenantName: string;
  readonly shortCode: string;
  readonly url: string;
  readonly linkMinutes: number;
}

/**
 * The SMS to the caller: who asks, for which incident, the link and how long it works. GSM-7, one
 * segment when the link is short, never more than two; the centre's name is dropped before the
 * link is ever cut.
 *
 * @example
 * locationRequestSms({ tenantName: "Kota Manado", shortCode: "K7Q2XM", url, linkMinutes: 60 })
 * // "112 Kota Manado: petugas meminta lokasi Anda untuk insiden #K7Q2XM. Buka (berlaku 60 menit): https://…"
 */
export function locationRequestSms(content: LocationRequestSmsContent): string {
  const compose = (who: string) =>
    `${who}: petugas meminta lokasi Anda untuk insiden #${content.shortCode}. Buka (berlaku ${validityText(content.linkMinutes)}): ${content.url}`;
  const candidates = [compose(`112 ${toGsm7(content.tenantName)}`), compose("112")];
  const one = candidates.find((text) => gsm7Length(text) <= SINGLE_SEGMENT);
  if (one) return one;
  const two = candidates.find((text) => gsm7Length(text) <= TWO_SEGMENTS);
  if (two) return two;
  throw new SmsTooLongError(
    `location request SMS for #${content.shortCode} needs more than two segments: url "${content.url}" (${content.url.length} characters) is too long; use a shorter location base URL`,
  );
}
