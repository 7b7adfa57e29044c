/**
 * What agencies read: the alert SMS (one GSM-7 segment where it can, never more than two), the
 * fuller e-mail, and the bundled reminder (digest) for a contact who would otherwise be flooded.
 * Every SMS carries the contact's duty board link (papan tugas: every open alert of the agency,
 * each with its buttons); e-mails carry each incident's own link as well. Text in Bahasa
 * Indonesia, words from docs/glossary.md. Pure.
 */
import { CATEGORY_LABELS_ID, type IncidentCategory } from "./categories";
import { SEVERITY_LABELS_ID, type Severity } from "./incident";
import { gsm7Length, gsm7Segments, SINGLE_SEGMENT, toGsm7, truncateGsm7 } from "./messages-gsm7";

/** Septets of two concatenated segments (2 x 153). */
export const TWO_SEGMENTS = 306;
/** A location is never cut below this many septets to save a segment. */
const MIN_LOCATION_ONE_SEGMENT = 24;

export interface AlertContent {
  /** e.g. `Kota Manado`. */
  readonly tenantName: string;
  readonly agencyName: string;
  readonly shortCode: string;
  readonly category: IncidentCategory;
  readonly severity: Severity;
  readonly locationText: string;
  readonly coordinates?: { readonly lat: number; readonly lon: number };
  readonly notes?: string;
  /** E.164, absent when the caller has no number. */
  readonly callerNumber?: string;
  /** The contact's duty board (every SMS carries it). */
  readonly boardUrl: string;
  /** This incident's own page for the agency (e-mail only: an SMS has no room for two links). */
  readonly ackUrl: string;
  /** 0-based; a step after the first is a reminder. */
  readonly round: number;
  readonly step: number;
  /** e.g. `27/11/2026 21:04 WITA`. */
  readonly receivedAtLocal: string;
}

/** Thrown when even the shortest form of an SMS does not fit in two segments. */
export class SmsTooLongError extends Error {
  override readonly name = "SmsTooLongError";
}

/**
 * An Indonesian number as people dial it: `+6281234567890` becomes `081234567890`.
 *
 * @example
 * nationalNumber("+6281234567890") // "081234567890"
 */
export function nationalNumber(e164: string | undefined): string {
  if (!e164) return "tanpa nomor";
  return e164.startsWith("+62") ? `0${e164.slice(3)}` : e164;
}

/**
 * The alert SMS, ending with the contact's duty board link. Tries one segment (cutting the
 * location to no less than 24 characters, then dropping the centre's name); otherwise two
 * segments with as much location as fits.
 *
 * @example
 * alertSms(content) // "112 #K7Q2XM KEBAKARAN kritis di Jl. Sam Ratulangi 12. Pelapor 081234567890. Konfirmasi: https://…/p/damkar.piket.…"
 */
export function alertSms(content: AlertContent): string {
  const reminder = content.round > 0 || content.step > 0 ? " ULANG" : "";
  const what = toGsm7(
    `#${content.shortCode}${reminder} ${CATEGORY_LABELS_ID[content.category].toUpperCase()}`,
  );
  const severity = ` ${SEVERITY_LABELS_ID[content.severity]}`;
  const caller = `. Pelapor ${nationalNumber(content.callerNumber)}`;
  const link = `. Konfirmasi: ${content.boardUrl}`;
  const location = toGsm7(content.locationText) || "-";
  const tenant = toGsm7(content.tenantName);

  const compose = (prefix: string, loc: string) => `${prefix}${what}${severity} di ${loc}${caller}${link}`;
  const fitLocation = (prefix: string, budget: number): string | undefined => {
    const room = budget - gsm7Length(compose(prefix, ""));
    if (room >= Math.min(MIN_LOCATION_ONE_SEGMENT, gsm7Length(location))) {
      return compose(prefix, truncateGsm7(location, room));
    }
    return undefined;
  };
  const oneSegment = fitLocation(`112 ${tenant} `, SINGLE_SEGMENT) ?? fitLocation("112 ", SINGLE_SEGMENT);
  if (oneSegment) return oneSegment;
  const twoSegments = fitLocation(`112 ${tenant} `, TWO_SEGMENTS) ?? fitLocation("112 ", TWO_SEGMENTS);
  if (twoSegments && gsm7Segments(twoSegments) <= 2) return twoSegments;
  throw new SmsTooLongError(
    `alert SMS for #${content.shortCode} needs more than two segments even with the location cut: ` +
      `boardUrl "${content.boardUrl}" (${content.boardUrl.length} characters) is too long; use a shorter ack base URL`,
  );
}

/**
 * The alert e-mail: subject and plain-text body with everything the SMS has and more.
 *
 * @example
 * alertEmail(content).subject // "[112 Kota Manado] KEBAKARAN (kritis) #K7Q2XM"
 */
export function alertEmail(content: AlertContent): { subject: string; body: string } {
  const category = CATEGORY_LABELS_ID[content.category];
  const reminder = content.round > 0 || content.step > 0 ? "PENGINGAT: belum dikonfirmasi. " : "";
  const subject = `[112 ${content.tenantName}] ${reminder}${category.toUpperCase()} (${SEVERITY_LABELS_ID[content.severity]}) #${content.shortCode}`;
  const lines = [
    `Yth. ${content.agencyName},`,
    "",
    `Pusat Layanan 112 ${content.tenantName} meneruskan laporan darurat berikut:`,
    "",
    `Kode insiden : #${content.shortCode}`,
    `Kategori     : ${category}`,
    `Tingkat      : ${SEVERITY_LABELS_ID[content.severity]}`,
    `Waktu laporan: ${content.receivedAtLocal}`,
    `Lokasi       : ${content.locationText || "-"}`,
  ];
  if (content.coordinates) {
    const { lat, lon } = content.coordinates;
    lines.push(`Koordinat    : ${lat}, ${lon} (https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon})`);
  }
  lines.push(`Nomor pelapor: ${nationalNumber(content.callerNumber)}`);
  if (content.notes) lines.push(`Catatan      : ${content.notes}`);
  lines.push(
    "",
    "Mohon konfirmasi penerimaan dan laporkan perkembangan penanganan melalui tautan berikut:",
    content.ackUrl,
    "",
    "Semua insiden yang menunggu tindakan Anda ada di papan tugas:",
    content.boardUrl,
    "",
    "Tanpa konfirmasi, laporan ini akan diteruskan ke tahap eskalasi berikutnya.",
    "Pesan ini dikirim otomatis oleh sistem 112. Jangan membalas e-mail ini.",
  );
  return { subject, body: lines.join("\n") };
}

export interface DigestItem {
  readonly shortCode: string;
  readonly category: IncidentCategory;
  /** The incident's own page for the agency (listed in the e-mail). */
  readonly ackUrl: string;
}

/**
 * One SMS reminding a rate-limited contact of the alerts held back for it: as many incident codes
 * as fit in two segments, then the contact's duty board link, where every one of them (and every
 * other open alert of the agency) has its buttons. The caller passes only incidents still waiting
 * for the agency's konfirmasi: a closed or acknowledged incident is never named.
 *
 * @example
 * digestSms("Kota Manado", items, boardLink) // "112 Kota Manado PENGINGAT: 3 insiden menunggu konfirmasi: #A2B3C4 Kebakaran, … Papan tugas: https://…"
 */
export function digestSms(tenantName: string, items: readonly DigestItem[], boardUrl: string): string {
  if (items.length === 0) throw new RangeError("digestSms: items is empty: expected at least one held alert");
  const tail = `. Papan tugas: ${boardUrl}`;
  const head = `112 ${toGsm7(tenantName)} PENGINGAT: ${items.length} insiden menunggu konfirmasi: `;
  const compose = (listed: readonly string[]) => {
    const more = items.length - listed.length;
    return `${head}${listed.join(", ")}${more > 0 ? ` +${more} lain` : ""}${tail}`;
  };
  const listed: string[] = [];
  for (const item of items) {
    const next = [...listed, `#${item.shortCode} ${toGsm7(CATEGORY_LABELS_ID[item.category])}`];
    if (gsm7Length(compose(next)) > TWO_SEGMENTS) break;
    listed.push(next[next.length - 1]!);
  }
  const text = compose(listed);
  if (gsm7Length(text) > TWO_SEGMENTS) {
    throw new SmsTooLongError(
      `digest SMS needs more than two segments: boardUrl "${boardUrl}" (${boardUrl.length} characters) ` +
        `or tenant name "${tenantName}" is too long; use a shorter ack base URL`,
    );
  }
  return text;
}

/**
 * The reminder e-mail: every held alert with its own link, and the duty board.
 *
 * @example
 * digestEmail("Kota Manado", "Damkar", items, boardLink).subject // "[112 Kota Manado] PENGINGAT: 3 insiden menunggu konfirmasi"
 */
export function digestEmail(
  tenantName: string,
  agencyName: string,
  items: readonly DigestItem[],
  boardUrl: string,
): { subject: string; body: string } {
  return {
    subject: `[112 ${tenantName}] PENGINGAT: ${items.length} insiden menunggu konfirmasi`,
    body: [
      `Yth. ${agencyName},`,
      "",
      "Laporan darurat berikut belum dikonfirmasi. Pengingat digabung agar tidak membanjiri ponsel Anda:",
      "",
      ...items.map((item) => `#${item.shortCode} ${CATEGORY_LABELS_ID[item.category]}: ${item.ackUrl}`),
      "",
      "Semua insiden yang menunggu tindakan Anda ada di papan tugas:",
      boardUrl,
    ].join("\n"),
  };
}
