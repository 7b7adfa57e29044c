// The console's phone: what the phone panel (phone-panel.js) reports, shown as calls that ring,
// are connected or are being called back; answering opens the incident; a call-back's end is
// recorded on the incident with its result. Globals of console.js: panel, calls, select, act.

/** A short two-tone ring when a call arrives, at most every 2 s (WebAudio; counted for the tests). */
let lastRing = 0;
function ring() {
  if (Date.now() - lastRing < 2000) return;
  lastRing = Date.now();
  globalThis.siaga112Ring = { played: (globalThis.siaga112Ring?.played ?? 0) + 1 };
  try {
    const audio = new AudioContext();
    for (const [i, hz] of [880, 660].entries()) {
      const tone = audio.createOscillator();
      tone.frequency.value = hz;
      tone.connect(audio.destination);
      tone.start(audio.currentTime + i * 0.25);
      tone.stop(audio.currentTime + i * 0.25 + 0.2);
    }
  } catch {
    // no audio device (headless): the highlight still shows
  }
}

/**
 * amazon-connect-streams beside the console's pages (vendored from node_modules:
 * test/web/shared/vendor.test.ts); only the console loads it, so it is not in web/shared.
 */
const STREAMS_URL = "vendor/amazon-connect-streams.min.js";

// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
async function startPhone() {
  const config = { ...conn.phoneConfig(tenant()), headers: () => conn.headers() };
  if (config.kind === "streams" && !globalThis.connect) {
    await new Promise((resolve, reject) => {
      const script = el("script", { src: STREAMS_URL });
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  panel = createPhonePanel({ ...config, container: $("phone-panel-host") });
  panel.on("incoming", (call) => {
    calls.set(call.contactId, { ...call, status: call.simulated ? "simulated" : "ringing" });
    ring();
    renderCalls();
  });
  panel.on("taken", ({ contactId, by }) => {
    const call = calls.get(contactId);
    if (call) calls.set(contactId, { ...call, status: "taken", by });
    renderCalls();
    setTimeout(() => {
      if (calls.get(contactId)?.status === "taken") calls.delete(contactId);
      renderCalls();
    }, 4000);
  });
  panel.on("connected", (call) => {
    calls.set(call.contactId, { ...calls.get(call.contactId), ...call, status: "connected" });
    renderCalls();
    if (call.incidentId) {
      say(
        call.direction === "callback"
          ? "Telepon balik tersambung."
          : `Panggilan tersambung: insiden #${call.shortCode ?? ""} dibuka.`,
      );
      select(call.incidentId);
    }
  });
  panel.on("ended", (call) => {
    calls.delete(call.contactId);
    renderCalls();
    if (call.direction === "callback" && call.incidentId) recordCallBack(call);
  });
  await panel.start();
}

/** Calls to show: every live one, and only the latest few that simulated call-takers took. */
function shownCalls() {
  const all = [...calls.values()];
  const passing = all.filter((c) => c.status === "simulated" || c.status === "taken");
  return all.filter((c) => !passing.includes(c) || passing.indexOf(c) >= passing.length - 3);
}

function renderCalls() {
  const items = shownCalls().map((call) => {
    const li = el("li", { class: `call ${call.status}`, "data-testid": "call", "data-status": call.status });
    const code = call.shortCode ? `#${call.shortCode}` : "";
    const text = {
      ringing: `Berdering ${code}`,
      simulated: `Masuk ${code} (dijawab petugas simulasi)`,
      taken: `${code} diangkat ${call.by === "simulasi" ? "petugas simulasi" : `oleh ${call.by}`}`,
      connected: call.direction === "callback" ? "Telepon balik tersambung" : `Tersambung ${code}`,
      dialing: "Menelepon balik…",
    }[call.status];
    li.append(el("span", {}, text), ...flagBadges(call));
    if (call.callerNumber) li.append(el("span", { class: "muted" }, call.callerNumber));
    if (call.status === "ringing") {
      const answer = el("button", { type: "button", "data-testid": "answer" }, "Angkat (A)");
      answer.addEventListener("click", () => answerCall(call.contactId));
      li.append(answer);
    }
    if (call.status === "connected" || call.status === "dialing") {
      const hangUp = el(
        "button",
        { type: "button", class: "secondary", "data-testid": "hang-up" },
        "Tutup telepon (H)",
      );
      hangUp.addEventListener("click", () => hangUpCall(call.contactId));
      li.append(hangUp);
    }
    return li;
  });
  $("calls").replaceChildren(...items);
  $("phone-idle").hidden = items.length > 0;
  $("phone").classList.toggle(
    "ringing",
    [...calls.values()].some((c) => c.status === "ringing"),
  );
}

async function answerCall(contactId) {
  try {
    await panel.answer(contactId);
    showError();
  } catch {
    calls.delete(contactId);
    renderCalls();
    showError(new Error("Panggilan sudah diangkat di meja lain atau penelepon menutup telepon."));
  }
}

async function hangUpCall(contactId) {
  try {
    await panel.hangUp(contactId);
  } catch (error) {
    showError(error);
  }
}

// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
async function callBack(incident) {
  if (!incident?.callerNumber) return;
  try {
    const { contactId } = await panel.callBack({
      number: incident.callerNumber,
      incidentId: incident.incidentId,
    });
    if (contactId)
      calls.set(contactId, {
        contactId,
        incidentId: incident.incidentId,
        direction: "callback",
        status: "dialing",
      });
    renderCalls();
    say(`Menelepon balik ${incident.callerNumber}…`);
  } catch (error) {
    await recordCallBack({ incidentId: incident.incidentId, reason: "failed" });
    showError(new Error(`Telepon balik gagal: ${error.message}`));
  }
}

/** Records the call-back attempt the phone panel just ended, with its result. */
async function recordCallBack(call) {
  const result =
    call.talkSeconds !== undefined ? "reached" : call.reason === "failed" ? "failed" : "no-answer";
  await act(`/incidents/${call.incidentId}/callbacks`, {
    result,
    ...(call.talkSeconds !== undefined ? { talkSeconds: call.talkSeconds } : {}),
  });
  say(`Telepon balik dicatat: ${labels().callBackResults[result]}.`);
}
