/**
 * The small mobile page an agency officer sees behind the link, in Bahasa Indonesia. Buttons are
 * POST forms: opening the link (or a link preview, or a mail scanner) never changes anything.
 */
import {
  describePosition,
  LOCATION_OUTCOME_LABELS_ID,
  latestPosition,
  mapLink,
} from "../../domain/caller-location";
import { CATEGORY_LABELS_ID } from "../../domain/categories";
import { AGENCY_STATUS_LABELS_ID, AGENCY_STATUSES, SEVERITY_LABELS_ID } from "../../domain/incident";
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

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:32rem}h1{font-size:1.2rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem .8rem}dt{font-weight:600}button{display:block;width:100%;padding:1rem;margin:.5rem 0;font-size:1.1rem;border:0;border-radius:.5rem;background:#b00020;color:#fff}.note{padding:.6rem;background:#eef6ee;border-radius:.4rem}</style></head><body>${body}</body></html>`;
}

/**
 * The page of a resolved link, with the buttons for the statuses still ahead.
 *
 * @example
 * ackPage(tenant, link, { kind: "recorded", status: "acknowledged" })
 */
export function ackPage(tenant: TenantRuntimeConfig, link: ResolvedLink, outcome?: ReportOutcome): string {
  const { incident, agency, alert } = link;
  const current = AGENCY_STATUSES.indexOf(alert.status);
  const note =
    outcome?.kind === "recorded"
      ? `<p class="note">Tercatat: ${escapeHtml(AGENCY_STATUS_LABELS_ID[outcome.status])}. Terima kasih.</p>`
      : outcome?.kind === "already"
        ? `<p class="note">Status sudah tercatat: ${escapeHtml(AGENCY_STATUS_LABELS_ID[outcome.status])}.</p>`
        : outcome?.kind === "closed"
          ? `<p class="note">Insiden ini sudah ditutup oleh Pusat 112.</p>`
          : "";
  const buttons =
    incident.state === "closed"
      ? "<p>Insiden sudah ditutup.</p>"
      : (["acknowledged", "dispatched", "on-scene", "resolved"] as const)
          .filter((status) => AGENCY_STATUSES.indexOf(status) > current)
          .map(
            (status) =>
              `<form method="post"><input type="hidden" name="status" value="${status}"><button type="submit">${BUTTONS[status]}</button></form>`,
          )
          .join("");
  const rows: [string, string][] = [
    ["Kategori", incident.category ? CATEGORY_LABELS_ID[incident.category] : "-"],
    ["Tingkat", incident.severity ? SEVERITY_LABELS_ID[incident.severity] : "-"],
    ["Lokasi", incident.location?.text ?? "-"],
    ["Pelapor", nationalNumber(incident.callerNumber)],
    ["Diterima", formatLocalTime(incident.receivedAt, tenant.zone)],
    ["Status Anda", AGENCY_STATUS_LABELS_ID[outcome?.kind === "recorded" ? outcome.status : alert.status]],
  ];
  if (incident.notes) rows.splice(3, 0, ["Catatan", incident.notes]);
  return layout(
    `112 #${incident.shortCode}`,
    `<h1>112 ${escapeHtml(tenant.name)}: insiden #${escapeHtml(incident.shortCode)}</h1><p>Untuk: ${escapeHtml(agency.name)}</p>${note}<dl>${rows
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
      .join("")}${callerLocationRows(tenant, incident)}</dl>${buttons}`,
  );
}

/** What the caller's phone reported through the location link: the position with a map link, their words. */
function callerLocationRows(tenant: TenantRuntimeConfig, incident: ResolvedLink["incident"]): string {
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
  unknown: "Insiden untuk tautan ini tidak ditemukan.",
  expired: "Tautan ini sudah kedaluwarsa. Hubungi Pusat 112 untuk melaporkan perkembangan.",
  "bad-signature": "Tautan ini tidak sah.",
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
