/**
 * Indonesian time zones (no daylight saving) and the province each follows.
 */

export type ZoneName = "WIB" | "WITA" | "WIT";

export interface TenantZone {
  /** IANA zone id, e.g. `Asia/Makassar`. */
  readonly iana: string;
  /** Indonesian abbreviation shown to people. */
  readonly name: ZoneName;
  /** Offset from UTC in hours. */
  readonly utcOffsetHours: 7 | 8 | 9;
}

const WIB: TenantZone = { iana: "Asia/Jakarta", name: "WIB", utcOffsetHours: 7 };
const WIB_KALIMANTAN: TenantZone = { iana: "Asia/Pontianak", name: "WIB", utcOffsetHours: 7 };
const WITA: TenantZone = { iana: "Asia/Makassar", name: "WITA", utcOffsetHours: 8 };
const WIT: TenantZone = { iana: "Asia/Jayapura", name: "WIT", utcOffsetHours: 9 };

/** West and Central Kalimantan follow `Asia/Pontianak`; the rest of WIB `Asia/Jakarta`. */
const KALIMANTAN_WIB = new Set(["61", "62"]);
/** Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi. */
const WITA_PROVINCES = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);

/**
 * The time zone a province (Kemendagri code, two digits) follows.
 *
 * @example
 * zoneOfProvince("71") // { iana: "Asia/Makassar", name: "WITA", utcOffsetHours: 8 }
 */
export function zoneOfProvince(provinceCode: string): TenantZone {
  const first = provinceCode.charAt(0);
  if (first === "8" || first === "9") return WIT;
  if (WITA_PROVINCES.has(provinceCode)) return WITA;
  if (KALIMANTAN_WIB.has(provinceCode)) return WIB_KALIMANTAN;
  return WIB;
}

const HOUR_MS = 3_600_000;

function localIso(at: string | number, zone: { readonly utcOffsetHours: number }): string {
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms))
    throw new RangeError(`time "${at}": not an ISO 8601 instant (e.g. 2026-11-27T10:00:00Z)`);
  return new Date(ms + zone.utcOffsetHours * HOUR_MS).toISOString();
}

/**
 * The calendar day of an instant (ISO text or epoch ms) in a tenant's zone, `YYYY-MM-DD`: the one
 * place siaga112 turns an instant into a local date (incident lists, statistics cells, pages).
 *
 * @example
 * localDate("2026-11-27T17:30:00Z", { utcOffsetHours: 8 }) // "2026-11-28"
 */
export function localDate(at: string | number, zone: Pick<TenantZone, "utcOffsetHours">): string {
  return localIso(at, zone).slice(0, 10);
}

/**
 * The first and last millisecond of a local day (`YYYY-MM-DD` in the zone) as ISO instants in UTC,
 * the form `receivedAt` is stored in, so a day is a range of the incident indexes' sort key.
 *
 * @example
 * localDayBounds("2026-11-28", { utcOffsetHours: 8 })
 * // { from: "2026-11-27T16:00:00.000Z", to: "2026-11-28T15:59:59.999Z" }
 */
export function localDayBounds(
  day: string,
  zone: Pick<TenantZone, "utcOffsetHours">,
): { readonly from: string; readonly to: string } {
  const midnight = Date.parse(`${day}T00:00:00.000Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(midnight) ||
    localIso(midnight, { utcOffsetHours: 0 }).slice(0, 10) !== day
  )
    throw new RangeError(`day "${day}": not a calendar date YYYY-MM-DD (e.g. 2026-11-27)`);
  const from = midnight - zone.utcOffsetHours * HOUR_MS;
  return { from: new Date(from).toISOString(), to: new Date(from + 24 * HOUR_MS - 1).toISOString() };
}

/**
 * An instant as people in the tenant read it: `27/11/2026 21:04 WITA`.
 *
 * @example
 * formatLocalTime("2026-11-27T13:04:00.000Z", { name: "WITA", utcOffsetHours: 8 }) // "27/11/2026 21:04 WITA"
 */
export function formatLocalTime(
  at: string | number,
  zone: Pick<TenantZone, "name" | "utcOffsetHours">,
): string {
  const local = localIso(at, zone);
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)} ${zone.name}`;
}

/** The zone furthest east (WIT): its date is the latest any tenant has. */
export const EASTERNMOST_ZONE: TenantZone = WIT;

/** An instant as a tenant's wall clock shows it. */
export interface LocalClock {
  /** `YYYY-MM-DD` in the zone. */
  readonly date: string;
  /** 0-23. */
  readonly hour: number;
  /** 0-59. */
  readonly minute: number;
  /** ISO day of the week: 1 Monday ... 7 Sunday. */
  readonly isoDayOfWeek: number;
}

/**
 * The local day, hour and day of the week of an instant (milliseconds since the epoch) in a zone
 * `utcOffsetHours` ahead of UTC (Indonesia has no daylight saving).
 *
 * @example
 * localClock(Date.parse("2026-11-01T16:20:00Z"), 8) // { date: "2026-11-02", hour: 0, minute: 20, isoDayOfWeek: 1 }
 */
export function localClock(instantMs: number, utcOffsetHours: number): LocalClock {
  const iso = localIso(instantMs, { utcOffsetHours });
  const local = new Date(Date.parse(iso));
  return {
    date: iso.slice(0, 10),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    isoDayOfWeek: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/**
 * The instant (epoch milliseconds) a tenant's wall clock shows `date` at `hour:minute`: the inverse
 * of `localClock`, e.g. to give an hour of local statistics its start as an instant.
 *
 * @example
 * localInstant("2026-11-02", 0, 0, 8) // Date.parse("2026-11-01T16:00:00Z")
 */
export function localInstant(date: string, hour: number, minute: number, utcOffsetHours: number): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms))
    throw new RangeError(`date "${date}": not a calendar day (YYYY-MM-DD, e.g. 2026-11-27)`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new RangeError(`hour ${hour}: not an hour of the day (0-23)`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59)
    throw new RangeError(`minute ${minute}: not a minute of the hour (0-59)`);
  return ms + (hour - utcOffsetHours) * HOUR_MS + minute * 60_000;
}
