/**
 * Where the caller is, as the caller's own phone reports it through the location link: a position
 * (latitude, longitude, accuracy and the time of the fix), a refusal or failure of the browser, or
 * words the caller typed. Stored on the incident only (`callerLocations`, oldest first), so it
 * expires with the caller's number (the incident's TTL), and never leaves in national events.
 * Pure.
 */
import type { IncidentLocation } from "./incident";
import { formatLocalTime, type TenantZone } from "./time-zones";

/** What one report from the caller's page says. */
export const LOCATION_OUTCOMES = ["shared", "denied", "timeout", "unavailable", "described"] as const;
export type LocationOutcome = (typeof LOCATION_OUTCOMES)[number];

/** Indonesian labels of the outcomes, for the console and the agency page. */
export const LOCATION_OUTCOME_LABELS_ID: Readonly<Record<LocationOutcome, string>> = {
  shared: "lokasi dibagikan",
  denied: "izin lokasi ditolak penelepon",
  timeout: "lokasi tidak didapat (waktu habis)",
  unavailable: "lokasi tidak tersedia di ponsel penelepon",
  described: "keterangan lokasi dari penelepon",
};

/** A fix from the caller's browser (Geolocation API). */
export interface CallerPosition {
  readonly lat: number;
  readonly lon: number;
  /** Radius in metres within which the phone says it is (95% confidence in most browsers). */
  readonly accuracyMeters: number;
  /** ISO 8601 UTC time of the fix (the phone's clock, never after the report arrived). */
  readonly fixAt: string;
}

/** One report from the caller's location page (an element of the incident's `callerLocations`). */
export interface CallerLocationReport {
  readonly outcome: LocationOutcome;
  /** ISO 8601 UTC: when the centre received it. */
  readonly receivedAt: string;
  /** Only with `shared`. */
  readonly position?: CallerPosition;
  /** What the caller typed (any outcome may carry it). */
  readonly description?: string;
}

/** Reports kept per incident; a page that keeps posting is refused beyond it. */
export const MAX_LOCATION_REPORTS = 20;
/** Characters of a typed description. */
export const MAX_DESCRIPTION = 500;
/** Widest accuracy accepted (metres): a coarser fix says nothing useful about where to go. */
export const MAX_ACCURACY_METERS = 100_000;
/** A fix time further than this from the centre's clock is refused (the phone's clock is wrong). */
const MAX_FIX_SKEW_MILLIS = 24 * 3600_000;

/** One bad field of a report. */
export interface ReportProblem {
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function numberField(
  input: Readonly<Record<string, unknown>>,
  field: string,
  min: number,
  max: number,
  problems: ReportProblem[],
): number | undefined {
  const raw = input[field];
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max) return value;
  problems.push({ field, value: raw, expected: `a number from ${min} to ${max}` });
  return undefined;
}

/**
 * Reads what the location page posted (JSON or form fields) into a report, or names each bad field.
 * `fixAt` is the browser's `GeolocationPosition.timestamp` (epoch milliseconds).
 *
 * @example
 * readLocationReport({ outcome: "shared", lat: 1.4748, lon: 124.8421, accuracy: 12, fixAt: now }, now)
 * // { report: { outcome: "shared", receivedAt, position: { lat: 1.4748, lon: 124.8421, accuracyMeters: 12, fixAt } } }
 */
export function readLocationReport(
  input: Readonly<Record<string, unknown>>,
  nowMs: number,
): { readonly report: CallerLocationReport } | { readonly problems: readonly ReportProblem[] } {
  const problems: ReportProblem[] = [];
  const outcome = LOCATION_OUTCOMES.find((o) => o === input.outcome);
  if (!outcome) {
    problems.push({
      field: "outcome",
      value: input.outcome,
      expected: `one of ${LOCATION_OUTCOMES.join(", ")}`,
    });
  }
  const rawDescription = input.description;
  let description: string | undefined;
  if (rawDescription !== undefined && rawDescription !== "") {
    // Control characters and runs of spaces out (they would only garble the console and the e-mail).
    const text =
      typeof rawDescription === "string" ? rawDescription.replace(/[\p{Cc}\s]+/gu, " ").trim() : "";
    if (typeof rawDescription !== "string" || text.length > MAX_DESCRIPTION) {
      problems.push({
        field: "description",
        value: typeof rawDescription === "string" ? `${rawDescription.slice(0, 40)}…` : rawDescription,
        expected: `text of at most ${MAX_DESCRIPTION} characters`,
      });
    } else if (text) description = text;
  }
  if (outcome === "described" && !description) {
    problems.push({
      field: "description",
      value: rawDescription,
      expected: "the place in the caller's words",
    });
  }
  let position: CallerPosition | undefined;
  if (outcome === "shared") {
    const lat = numberField(input, "lat", -90, 90, problems);
    const lon = numberField(input, "lon", -180, 180, problems);
    const accuracy = numberField(input, "accuracy", 0, MAX_ACCURACY_METERS, problems);
    const fixAt = numberField(
      input,
      "fixAt",
      nowMs - MAX_FIX_SKEW_MILLIS,
      nowMs + MAX_FIX_SKEW_MILLIS,
      problems,
    );
    if (lat !== undefined && lon !== undefined && accuracy !== undefined && fixAt !== undefined) {
      position = {
        lat: round(lat, 6),
        lon: round(lon, 6),
        accuracyMeters: Math.max(1, Math.round(accuracy)),
        fixAt: new Date(Math.min(fixAt, nowMs)).toISOString(),
      };
    }
  }
  if (problems.length > 0 || !outcome) return { problems };
  return {
    report: {
      outcome,
      receivedAt: new Date(nowMs).toISOString(),
      ...(position ? { position } : {}),
      ...(description ? { description } : {}),
    },
  };
}

/**
 * The most recent position the caller shared, if any (a later refusal does not erase it).
 *
 * @example
 * latestPosition(incident.callerLocations)?.accuracyMeters // 12
 */
export function latestPosition(
  reports: readonly CallerLocationReport[] | undefined,
): CallerPosition | undefined {
  for (let i = (reports?.length ?? 0) - 1; i >= 0; i--) {
    const position = reports![i]!.position;
    if (position) return position;
  }
  return undefined;
}

/**
 * A link that opens the point in OpenStreetMap (a link, never tiles on our pages).
 *
 * @example
 * mapLink(1.4748, 124.8421) // "https://www.openstreetmap.org/?mlat=1.4748&mlon=124.8421#map=17/1.4748/124.8421"
 */
export function mapLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/**
 * The coordinates an agency alert carries: those the call-taker classified with (a person checked
 * them, and the emergency may be elsewhere than the caller), else the caller's latest shared position.
 *
 * @example
 * alertCoordinates({ text: "Pasar Bersehati" }, incident.callerLocations) // { lat: 1.4748, lon: 124.8421 }
 */
export function alertCoordinates(
  classified: IncidentLocation | undefined,
  reports: readonly CallerLocationReport[] | undefined,
): { readonly lat: number; readonly lon: number } | undefined {
  if (classified?.lat !== undefined && classified.lon !== undefined) {
    return { lat: classified.lat, lon: classified.lon };
  }
  const position = latestPosition(reports);
  return position ? { lat: position.lat, lon: position.lon } : undefined;
}

/**
 * A position as an officer reads it: coordinates, accuracy and the local time of the fix.
 *
 * @example
 * describePosition(position, { name: "WITA", utcOffsetHours: 8 }) // "1.4748, 124.8421 (±12 m, 27/11/2026 21:04 WITA)"
 */
export function describePosition(
  position: CallerPosition,
  zone: Pick<TenantZone, "name" | "utcOffsetHours">,
): string {
  return `${position.lat}, ${position.lon} (±${position.accuracyMeters} m, ${formatLocalTime(position.fixAt, zone)})`;
}
