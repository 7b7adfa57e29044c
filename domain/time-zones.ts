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

/** An instant as a tenant's wall clock shows it. */
export interface LocalClock {
  /** `YYYY-MM-DD` in the zone. */
  readonly date: string;
  /** 0-23. */
  readonly hour: number;
  /** ISO day of the week: 1 Monday ... 7 Sunday. */
  readonly isoDayOfWeek: number;
}

/**
 * The local day, hour and day of the week of an instant (milliseconds since the epoch) in a zone
 * `utcOffsetHours` ahead of UTC (Indonesia has no daylight saving).
 *
 * @example
 * localClock(Date.parse("2026-11-01T16:00:00Z"), 8) // { date: "2026-11-02", hour: 0, isoDayOfWeek: 1 }
 */
export function localClock(instantMs: number, utcOffsetHours: number): LocalClock {
  const local = new Date(instantMs + utcOffsetHours * 3_600_000);
  return {
    date: local.toISOString().slice(0, 10),
    hour: local.getUTCHours(),
    isoDayOfWeek: ((local.getUTCDay() + 6) % 7) + 1,
  };
}
