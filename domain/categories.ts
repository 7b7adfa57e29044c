/**
 * Incident categories, agency kinds and the default routing between them.
 * Pure data shared by the registry, the flows, the Lambdas and the local centre.
 */

/** What a call-taker classifies a genuine emergency as. */
export const INCIDENT_CATEGORIES = [
  "medical",
  "fire",
  "traffic-accident",
  "crime",
  "disaster",
  "rescue",
  "electricity",
  "public-order",
  "other",
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** The kinds of agency a kab/kota links to its 112 centre. */
export const AGENCY_KINDS = [
  "police",
  "fire",
  "ambulance",
  "disaster",
  "sar",
  "electricity",
  "water",
  "public-order",
  "transport",
  "social",
  "hospital",
  "other",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/**
 * Which kinds of agency are alerted for each category when a tenant does not override it.
 * A tenant's agencies of these kinds form the default route.
 */
export const DEFAULT_ROUTING: Readonly<Record<IncidentCategory, readonly AgencyKind[]>> = {
  medical: ["ambulance"],
  fire: ["fire", "police"],
  "traffic-accident": ["police", "ambulance"],
  crime: ["police"],
  disaster: ["disaster", "sar", "ambulance"],
  rescue: ["sar", "fire"],
  electricity: ["electricity"],
  "public-order": ["public-order", "police"],
  other: ["public-order"],
};

/** Bahasa Indonesia labels, for prompts, SMS, e-mail and pages. */
export const CATEGORY_LABELS_ID: Readonly<Record<IncidentCategory, string>> = {
  medical: "Medis / Ambulans",
  fire: "Kebakaran",
  "traffic-accident": "Kecelakaan Lalu Lintas",
  crime: "Kriminalitas",
  disaster: "Bencana",
  rescue: "Penyelamatan",
  electricity: "Listrik",
  "public-order": "Ketertiban Umum",
  other: "Lainnya",
};

export const AGENCY_KIND_LABELS_ID: Readonly<Record<AgencyKind, string>> = {
  police: "Kepolisian",
  fire: "Pemadam Kebakaran",
  ambulance: "Ambulans / PSC 119",
  disaster: "BPBD",
  sar: "Basarnas / SAR",
  electricity: "PLN",
  water: "PDAM",
  "public-order": "Satpol PP",
  transport: "Dinas Perhubungan",
  social: "Dinas Sosial",
  hospital: "Rumah Sakit",
  other: "Lainnya",
};
