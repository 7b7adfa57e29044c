/**
 * The small mobile pages an agency officer sees behind a link, in Bahasa Indonesia: one incident
 * (e-mail link) and the problem page; the duty board is in board-page.ts. Buttons are POST forms:
 * opening a link (or a link preview, or a mail scanner) never changes anything. The caller's
 * number is shown while the incident is open (the agency calls back) and masked once it is closed.
 */
import {
  describePosition,
  LOCATION_OUTCOME_LABELS_ID,
  latestPosition,
  mapLink,
} from "../../domain/caller-location";
import { CATEGORY_LABELS_ID } from "../../domain/categories";
import {
  AGENCY_STATUS_LABELS_ID,
  AGENCY_STATUSES,
  type AgencyStatus,
  type Incident,
  maskCallerNumber,
  SEVERITY_LABELS_ID,
} from "../../domain/incident";
import { nationalNumber } from "../../domain/messages";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";
import { formatLocalTime } from "../../domain/time-zones";
import { escapeHtml } from "../shared/html";
import type { LinkProblem, ReportedStatus, ReportOutcome, ResolvedLink } from "./acknowledge";

const BUTTONS: Readonly<Record<ReportedStatus, string>> = {
  acknowledged: "Konfirmasi terima",
  dispatched: "Unit berangkat",
  "on-scene": "Tiba di lokasi",
  resolved: "Selesai ditangani",
};

/**
 * A whole page around `body`.
 *
 * @example
 * layout("112 #K7Q2XM", "<h1>…</h1>")
 */
export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:32rem}h1{font-size:1.2rem}h2{font-size:1.05rem;margin-top:1.5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem .8rem}dt{font-weight:600}button{display:block;width:100%;padding:1rem;margin:.5rem 0;font-size:1.1rem;border:0;border-radius:.5rem;background:#b00020;color:#fff}.note{padding:.6rem;background:#eef6ee;border-radius:.4rem}.alert{border:1px solid #ccc;border-radius:.5rem;padding:.2rem .8rem;margin:.8rem 0}.alert button{padding:.7rem;font-size:1rem}</style></head><body>${body}</body></html>`;
}

/**
 * The caller's number as the agency sees it: in full while the incident is open, masked once closed.
 *
 * @example
 * callerForAgency({ state: "closed", callerNumber: "+6281234567890" }) // "+62*********90"
 */
export function callerForAgency(incident: Pick<Incident, "state" | "callerNumber">): string {
  if (!incident.callerNumber) return nationalNumber(undefined);
  return incident.state === "closed"
    ? maskCallerNumber(incident.callerNumber)
    : nationalNumber(incident.callerNumber);
}

function incidentFacts(tenant: TenantRuntimeConfig, incident: Incident): [string, string][] {
  const rows: [string, string][] = [
    ["Kategori", incident.category ? CATEGORY_LABELS_ID[incident.category] : "-"],
    ["Tingkat", incident.severity ? SEVERITY_LABELS_ID[incident.severity] : "-"],
    ["Lokasi", incident.location?.text ?? "-"],
    ["Pelapor", callerForAgency(incident)],
    ["Diterima", formatLocalTime(incident.receivedAt, tenant.zone)],
  ];
  if (incident.notes) rows.splice(3, 0, ["Catatan", incident.notes]);
  return rows;
}

/**
 * What the agency needs to know of an incident, as a definition list: the call-taker's facts, the
 * caller's own location report (when the caller shared it through the location link), and where
 * the agency stands.
 *
 * @example
 * incidentDetails(tenant, incident, "alerted") // "<dl><dt>Kategori</dt><dd>Kebakaran</dd>…</dl>"
 */
export function incidentDetails(
  tenant: TenantRuntimeConfig,
  incident: Incident,
  status: AgencyStatus,
): string {
  const rows = incidentFacts(tenant, incident)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join("");
  return `<dl>${rows}${callerLocationRows(tenant, incident)}<dt>Status Anda</dt><dd>${escapeHtml(AGENCY_STATUS_LABELS_ID[status])}</dd></dl>`;
}

/**
 * The buttons for the statuses still ahead of `current`, each a POST form (with hidden fields).
 *
 * @example
 * statusButtons("acknowledged", { incident: "c0ffee" }) // three forms: berangkat, tiba, selesai
 */
export function statusButtons(current: AgencyStatus, hidden: Readonly<Record<string, string>> = {}): string {
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  return (["acknowledged", "dispatched", "on-scene", "resolved"] as const)
    .filter((status) => AGENCY_STATUSES.indexOf(status) > AGENCY_STATUSES.indexOf(current))
    .map(
      (status) =>
        `<form method="post">${fields}<input type="hidden" name="status" value="${status}"><button type="submit">${BUTTONS[status]}</button></form>`,
    )
    .join("");
}

/**
 * What a report did, as a note above the page.
 *
 * @example
 * outcomeNote({ kind: "recorded", status: "acknowledged" }) // "<p class=\"note\">Tercatat: dikonfirmasi. Terima kasih.</p>"
 */
export function outcomeNote(outcome: ReportOutcome | undefined, shortCode?: string): string {
  const about = shortCode ? `#${escapeHtml(shortCode)} ` : "";
  if (outcome?.kind === "recorded")
    return `<p class="note">${about}Tercatat: ${escapeHtml(AGENCY_STATUS_LABELS_ID[outcome.status])}. Terima kasih.</p>`;
  if (outcome?.kind === "already")
    return `<p class="note">${about}Status sudah tercatat: ${escapeHtml(AGENCY_STATUS_LABELS_ID[outcome.status])}.</p>`;
  if (outcome?.kind === "closed")
    return `<p class="note">${about}Insiden ini sudah ditutup oleh Pusat 112.</p>`;
  return "";
}

/**
 * The page of a resolved incident link, with the buttons for the statuses still ahead.
 *
 * @example
 * ackPage(tenant, link, { kind: "recorded", status: "acknowledged" })
 */
export function ackPage(tenant: TenantRuntimeConfig, link: ResolvedLink, outcome?: ReportOutcome): string {
  const { incident, agency, alert } = link;
  const status = outcome?.kind === "recorded" ? outcome.status : alert.status;
  const buttons = incident.state === "closed" ? "<p>Insiden sudah ditutup.</p>" : statusButtons(alert.status);
  return layout(
    `112 #${incident.shortCode}`,
    `<h1>112 ${escapeHtml(tenant.name)}: insiden #${escapeHtml(incident.shortCode)}</h1><p>Untuk: ${escapeHtml(agency.name)}</p>${outcomeNote(outcome)}${incidentDetails(tenant, incident, status)}${buttons}`,
  );
}

/** What the caller's phone reported through the location link: the position with a map link, their words. */
function callerLocationRows(tenant: TenantRuntimeConfig, incident: Incident): string {
  const reports = incident.callerLocations ?? [];
  const position = latestPosition(reports);
  const words = [...reports].reverse().find((report) => report.description)?.description;
  const latest = reports[reports.length - 1];
  let rows = "";
  if (position) {
    rows += `<dt>Lokasi penelepon</dt><dd>${escapeHtml(describePosition(position, tenant.zone))} <a href="${escapeHtml(mapLink(position.lat, position.lon))}">Buka di peta</a></dd>`;
  } else if (latest) {
    rows += `<dt>Lokasi penelepon</dt><dd>${escapeHtml(LOCATION_OUTCOME_LABELS_ID[latest.outcome])}</dd>`;
  }
  if (words) rows += `<dt>Keterangan penelepon</dt><dd>${escapeHtml(words)}</dd>`;
  return rows;
}

const PROBLEMS: Readonly<Record<LinkProblem, string>> = {
  malformed: "Tautan tidak dikenali. Periksa kembali tautan dari SMS atau e-mail.",
  invalid: "Tautan ini tidak sah.",
  expired: "Tautan ini sudah kedaluwarsa. Buka tautan dari pesan terbaru, atau hubungi Pusat 112.",
};

/**
 * The page shown for a link that does not work.
 *
 * @example
 * problemPage("expired")
 */
export function problemPage(problem: LinkProblem): string {
  return layout("112", `<h1>Tautan tidak dapat digunakan</h1><p>${PROBLEMS[problem]}</p>`);
}
