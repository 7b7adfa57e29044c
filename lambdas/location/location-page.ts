/**
 * The page behind the caller's location link, in Bahasa Indonesia: small enough for a slow 2G
 * connection (no third-party script, no font, no image, no map tiles), one sentence on what is
 * shared and who receives it, one button that asks the browser for its position, and a text box
 * for the caller's own words. The only script is inline and allowed by its hash (strict CSP).
 */
import { createHash } from "node:crypto";
import type { Incident } from "../../domain/incident";
import type { TenantRuntimeConfig } from "../../domain/tenant-runtime";
import { formatLocalTime } from "../../domain/time-zones";
import { escapeHtml } from "../shared/html";

/** How long the browser may look for a fix before the page reports a timeout. */
export const GEOLOCATION_TIMEOUT_MS = 20_000;

const STYLE =
  "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:32rem;line-height:1.4}h1{font-size:1.2rem}button{display:block;width:100%;padding:1rem;margin:.6rem 0;font-size:1.1rem;border:0;border-radius:.5rem;background:#b00020;color:#fff}textarea{width:100%;box-sizing:border-box;font:inherit}#status{font-weight:600}.small{font-size:.85rem;color:#444}";

// Plain ES5 so old Android browsers run it; reports a refusal or a timeout as well as a fix.
const SCRIPT = `(function(){var b=document.getElementById("share"),s=document.getElementById("status");function say(t){s.textContent=t}function send(d){say("Mengirim...");fetch(location.pathname,{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify(d)}).then(function(r){return r.json()}).then(function(j){say(j.message)},function(){say("Gagal mengirim. Periksa sinyal lalu coba lagi, atau tulis lokasi Anda di bawah.")}).then(function(){b.disabled=false})}b.onclick=function(){b.disabled=true;if(!navigator.geolocation){send({outcome:"unavailable"});return}say("Mencari lokasi...");navigator.geolocation.getCurrentPosition(function(p){var c=p.coords;send({outcome:"shared",lat:c.latitude,lon:c.longitude,accuracy:c.accuracy,fixAt:p.timestamp})},function(e){send({outcome:e.code===1?"denied":e.code===3?"timeout":"unavailable"})},{enableHighAccuracy:true,timeout:${GEOLOCATION_TIMEOUT_MS},maximumAge:0})}})();`;

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The page's Content-Security-Policy: nothing but its own hashed script and style, and POSTs to itself. */
export const LOCATION_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

function layout(title: string, body: string, script = ""): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}${script}</body></html>`;
}

/**
 * The page of a valid link: what is shared, with whom, the button and the text box.
 *
 * @example
 * locationPage(tenant, incident, expiresAt)
 */
export function locationPage(
  tenant: TenantRuntimeConfig,
  incident: Incident,
  expiresAtSeconds: number,
): string {
  const centre = `Pusat Layanan 112 ${escapeHtml(tenant.name)}`;
  return layout(
    `112 ${tenant.name}: lokasi Anda`,
    `<h1>112 ${escapeHtml(tenant.name)}: bagikan lokasi Anda</h1>` +
      `<p>Tombol di bawah mengirim lokasi ponsel Anda (garis lintang, garis bujur, ketelitian dan waktunya) hanya kepada petugas ${centre} untuk insiden #${escapeHtml(incident.shortCode)}.</p>` +
      `<button id="share" type="button">Bagikan lokasi saya</button><p id="status" role="status" aria-live="polite"></p>` +
      `<noscript><p>Tombol lokasi memerlukan JavaScript; tulis lokasi Anda di bawah.</p></noscript>` +
      `<form method="post"><input type="hidden" name="outcome" value="described"><label for="d">Atau tulis lokasi Anda (alamat, patokan):</label><textarea id="d" name="description" maxlength="500" rows="3" required></textarea><button type="submit">Kirim keterangan</button></form>` +
      `<p class="small">Tautan berlaku sampai ${escapeHtml(formatLocalTime(expiresAtSeconds * 1000, tenant.zone))}. Lokasi disimpan hanya bersama laporan insiden ini dan dihapus bersama nomor Anda setelah ${tenant.retentionDays} hari.</p>`,
    `<script>${SCRIPT}</script>`,
  );
}

/**
 * The page after a form POST (the caller's words, or any report without JavaScript).
 *
 * @example
 * resultPage(tenant, "Terima kasih. …")
 */
export function resultPage(tenant: TenantRuntimeConfig, message: string): string {
  return layout(
    `112 ${tenant.name}`,
    `<h1>112 ${escapeHtml(tenant.name)}</h1><p id="status">${escapeHtml(message)}</p><p><a href="">Kembali</a></p>`,
  );
}

/**
 * The page of a link that does not work: what to do instead (call 112).
 *
 * @example
 * problemPage("Tautan ini sudah kedaluwarsa. …")
 */
export function problemPage(message: string): string {
  return layout("112", `<h1>Tautan tidak dapat digunakan</h1><p>${escapeHtml(message)}</p>`);
}
