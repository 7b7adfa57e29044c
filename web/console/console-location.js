// Where the caller is (issue 13): what the caller's phone shared through the SMS link, shown on the
// incident with its accuracy, its age and a link that opens it in a map (or the refusal, the
// timeout, the caller's own words), and "Minta lokasi", which sends the caller that SMS
// (POST /incidents/{id}/location-request). GET /incidents/{id} says whether it may be pressed now
// (`locationRequest`: a number, an open incident, at most `max` SMS, one a minute) and why not, in
// Indonesian. Globals of console.js: api, say, showError, selected, current, nowMs, time, labels,
// may, renderDetail.

/** While the console waits for the caller's answer it reads the incident every second, this long at most. */
const LOCATION_WATCH_MILLIS = 10 * 60_000;
let locationWatch; // { incidentId, before: receivedAt of the latest report when asked, timer }

/** Shows the caller's location and the state of "Minta lokasi" for the incident on screen. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function renderCallerLocation(incident) {
  const { callerLocation, locationRequest } = incident;
  const latest = callerLocation?.latest;
  if (
    locationWatch?.incidentId === incident.incidentId &&
    latest &&
    latest.receivedAt !== locationWatch.before
  ) {
    stopLocationWatch();
    say("Jawaban penelepon tentang lokasinya diterima.");
  }
  const lines = [];
  const position = callerLocation?.position;
  if (position) {
    const line = el("span", { "data-testid": "caller-position" });
    const map = el(
      "a",
      { href: position.mapUrl, target: "_blank", rel: "noopener noreferrer", "data-testid": "caller-map" },
      "Buka di peta",
    );
    const age = ageText(position.fixAt, nowMs);
    line.append(
      `${position.lat.toFixed(5)}, ${position.lon.toFixed(5)} · akurasi ±${Math.round(position.accuracyMeters)} m · ` +
        `${age === "baru saja" ? "baru saja" : `${age} lalu`} (${time(position.fixAt)}) · `,
      map,
    );
    lines.push(line);
  }
  if (latest && latest.outcome !== "shared") {
    const said = labels().locationOutcomes?.[latest.outcome] ?? latest.outcome;
    const words = latest.description ? `: “${latest.description}”` : "";
    lines.push(
      el("span", { "data-testid": "caller-location-latest" }, `${said}${words} (${time(latest.receivedAt)})`),
    );
  }
  if (lines.length === 0) lines.push(el("span", { class: "muted" }, "belum ada"));
  $("caller-location").replaceChildren(...lines.flatMap((line, i) => (i === 0 ? [line] : [el("br"), line])));

  const button = $("location-request");
  button.hidden = !locationRequest || !may("handle");
  if (button.hidden) {
    $("location-request-note").textContent = "";
    return;
  }
  button.disabled = !locationRequest.allowed;
  const { sent, max, allowed, message, linkExpiresAt } = locationRequest;
  const note = [];
  if (sent > 0)
    note.push(
      `Sudah diminta ${sent} dari ${max} kali; tautan terakhir berlaku sampai ${time(linkExpiresAt)}.`,
    );
  else if (allowed) note.push("Penelepon akan menerima SMS berisi tautan untuk membagikan lokasinya.");
  if (!allowed && message) note.push(message);
  $("location-request-note").textContent = note.join(" ");
}

/** "Minta lokasi": one SMS with the link to the caller; then the incident is read every second until they answer. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
async function requestLocation() {
  const button = $("location-request");
  if (!selected || !current || button.hidden || button.disabled) return;
  const incidentId = selected;
  const before = current.callerLocation?.latest?.receivedAt;
  button.disabled = true;
  try {
    const sent = await api("POST", `/incidents/${incidentId}/location-request`);
    say(sent.message);
    showError();
    watchLocation(incidentId, before);
  } catch (error) {
    showError(error);
  }
  await renderDetail();
}

function watchLocation(incidentId, before) {
  stopLocationWatch();
  const until = Date.now() + LOCATION_WATCH_MILLIS;
  const timer = setInterval(() => {
    if (selected !== incidentId || Date.now() > until) stopLocationWatch();
    else renderDetail();
  }, 1000);
  locationWatch = { incidentId, before, timer };
}

function stopLocationWatch() {
  clearInterval(locationWatch?.timer);
  locationWatch = undefined;
}
