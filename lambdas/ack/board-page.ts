/**
 * The duty board page (papan tugas) behind a contact's board link: every open alert of the
 * agency, waiting ones first, each with its own buttons (POST forms naming the incident). Opening
 * it changes nothing.
 */
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";
import type { BoardAlert, DutyBoard } from "../escalation/duty-board";
import { escapeHtml } from "../shared/html";
import { incidentDetails, layout, outcomeNote, statusButtons } from "./ack-page";
import type { ReportOutcome, ResolvedBoard } from "./acknowledge";

function alertCard(tenant: TenantRuntimeConfig, { incident, alert }: BoardAlert): string {
  return `<section class="alert" data-incident="${escapeHtml(incident.incidentId)}"><h3>#${escapeHtml(incident.shortCode)}</h3>${incidentDetails(tenant, incident, alert.status)}${statusButtons(alert.status, { incident: incident.incidentId })}</section>`;
}

/**
 * The board of one agency as one of its contacts sees it.
 *
 * @example
 * boardPage(tenant, resolvedBoard, await dutyBoard(deps, "damkar"))
 */
export function boardPage(
  tenant: TenantRuntimeConfig,
  owner: ResolvedBoard,
  board: DutyBoard,
  report?: { readonly shortCode: string; readonly outcome: ReportOutcome },
): string {
  const waiting =
    board.waiting.length > 0
      ? board.waiting.map((item) => alertCard(tenant, item)).join("")
      : "<p>Tidak ada insiden yang menunggu konfirmasi.</p>";
  const inProgress =
    board.inProgress.length > 0
      ? `<h2>Sedang ditangani (${board.inProgress.length})</h2>${board.inProgress.map((item) => alertCard(tenant, item)).join("")}`
      : "";
  return layout(
    `112 Papan tugas ${owner.agency.name}`,
    `<h1>112 ${escapeHtml(tenant.name)}: papan tugas</h1><p>Untuk: ${escapeHtml(owner.agency.name)}</p>${
      report ? outcomeNote(report.outcome, report.shortCode) : ""
    }<h2>Menunggu konfirmasi (${board.waiting.length})</h2>${waiting}${inProgress}`,
  );
}
