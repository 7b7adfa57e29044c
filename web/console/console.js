// The call-taker console: the phone panel (local or Amazon Connect, behind phone-panel.js), the
// day's incidents with counts, filters and pages, the incident (classify, outcome, close, call
// back, reassign, reopen), the alerts waiting for konfirmasi and the call-back list.

let conn;
let info;
let panel;
let selected;
let incidents = [];
let nextCursor;
let nowMs = Date.now();
const seen = new Set();
const fresh = new Set();
let firstLoad = true;
const openAlertCounts = new Map();
const calls = new Map(); // contactId -> call shown in the phone panel
let current; // the incident shown

const tenant = () => $("tenant").value;
const labels = () => info.labels;
const zone = () => info.tenants.find((t) => t.code === tenant());
const time = (iso) =>
  `${new Date(iso).toLocaleTimeString("id-ID", { timeZone: zone().timeZone })} ${zone().zone}`;
const dateTime = (iso) =>
  `${new Date(iso).toLocaleString("id-ID", { timeZone: zone().timeZone })} ${zone().zone}`;
const may = (act) => conn.who().groups.some((g) => (info.roleActs?.[g] ?? []).includes(act));
const api = (method, path, body) => callApi(conn, tenant(), method, path, body);

function showError(error) {
  $("error").hidden = !error;
  $("error").textContent = error ? `Gagal: ${error.message}` : "";
  if (error?.detail) $("error").title = error.detail;
}

function say(text) {
  $("status").textContent = text;
}

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

async function init() {
  conn = await connectConsole();
  info = conn.info;
  for (const t of info.tenants) $("tenant").append(el("option", { value: t.code }, `${t.code} ${t.name}`));
  const wanted = new URLSearchParams(location.search).get("tenant");
  if (wanted) $("tenant").value = wanted;
  setUpWho();
  // Nothing preselected: the call-taker chooses category and severity for each call.
  const choose = (select, entries) =>
    select.replaceChildren(
      el("option", { value: "" }, "— pilih —"),
      ...entries.map(([v, l]) => el("option", { value: v }, l)),
    );
  choose($("category"), Object.entries(labels().categories));
  choose($("severity"), Object.entries(labels().severities));
  fillFilters(labels(), may("every-desk"));
  $("filter-desk-label").hidden = !may("every-desk");
  $("tenant").addEventListener("change", () => {
    counts = undefined;
    restart();
  });
  $("filters").addEventListener("change", () => reloadList());
  $("more").addEventListener("click", () => loadMore());
  $("classify-form").addEventListener("submit", classify);
  for (const button of document.querySelectorAll("[data-outcome]"))
    button.addEventListener("click", () =>
      act(`/incidents/${selected}/outcome`, { outcome: button.dataset.outcome }),
    );
  $("close").addEventListener("click", () => act(`/incidents/${selected}/close`, {}));
  $("reopen").addEventListener("click", () => act(`/incidents/${selected}/reopen`, {}));
  $("reassign").addEventListener("click", () =>
    act(`/incidents/${selected}/assignment`, { assignee: $("reassign-to").value.trim() }),
  );
  $("callback").addEventListener("click", () => callBack(current));
  $("advance").hidden = !conn.local;
  $("advance").addEventListener("click", advance);
  $("help-open").addEventListener("click", () => $("help").showModal());
  setUpShortcuts();
  await restart();
  setInterval(refresh, 2500);
}

function setUpWho() {
  $("who-user-label").hidden = !conn.local;
  $("who-role-label").hidden = !conn.local;
  if (!conn.local) return;
  const roles = Object.keys(info.roleActs ?? {});
  $("who-role").replaceChildren(...roles.map((r) => el("option", { value: r }, labels().roles[r] ?? r)));
  $("who-user").value = conn.who().username;
  $("who-role").value = conn.who().groups[0];
  const save = () => {
    localStorage.setItem("siaga112.user", $("who-user").value.trim() || "petugas-lokal");
    localStorage.setItem("siaga112.role", $("who-role").value);
    fillFilters(labels(), may("every-desk"));
    $("filter-desk-label").hidden = !may("every-desk");
    reloadList();
  };
  $("who-user").addEventListener("change", save);
  $("who-role").addEventListener("change", save);
}

async function restart() {
  selected = undefined;
  current = undefined;
  $("detail").hidden = true;
  seen.clear();
  firstLoad = true;
  panel?.stop();
  calls.clear();
  renderCalls();
  await startPhone();
  await reloadList();
}

// ---- phone panel -------------------------------------------------------------------------

async function startPhone() {
  const config = { ...conn.phoneConfig(tenant()), headers: () => conn.headers() };
  if (config.kind === "streams" && !globalThis.connect) {
    await new Promise((resolve, reject) => {
      const script = el("script", { src: config.streamsUrl ?? "/vendor/amazon-connect-streams.js" });
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

// ---- lists -------------------------------------------------------------------------------

async function reloadList() {
  nextCursor = undefined;
  incidents = [];
  await refresh();
}

async function loadMore() {
  if (!nextCursor) return;
  try {
    const query = filterQuery();
    query.set("cursor", nextCursor);
    const page = await api("GET", `/incidents?${query}`);
    incidents = [
      ...incidents,
      ...page.incidents.filter((i) => !incidents.some((j) => j.incidentId === i.incidentId)),
    ];
    nextCursor = page.nextCursor;
    draw();
  } catch (error) {
    showError(error);
  }
}

/** Counts read the whole day (docs: lambdas/README.md): every 6th refresh (15 s), or after an act. */
let refreshes = 0;
let counts;

async function refresh(recount = false) {
  try {
    const wantCounts = recount || !counts || refreshes++ % 6 === 0;
    const [page, newCounts, alerts, callbacks] = await Promise.all([
      api("GET", `/incidents?${filterQuery()}`),
      wantCounts ? api("GET", "/incidents/counts") : counts,
      api("GET", "/alerts?open=true"),
      api("GET", "/callbacks"),
    ]);
    nowMs = conn.local ? Date.parse((await (await fetch("/local/clock")).json()).now) : Date.now();
    $("clock").textContent = `Waktu ${dateTime(new Date(nowMs).toISOString())}`;
    // The first page is fresh; pages loaded with "Muat lebih banyak" stay below it.
    const rest = incidents.filter((i) => !page.incidents.some((j) => j.incidentId === i.incidentId));
    incidents = [
      ...page.incidents,
      ...rest.slice(Math.max(0, rest.length - (incidents.length - page.incidents.length))),
    ];
    if (incidents.length <= page.incidents.length) nextCursor = page.nextCursor;
    const arrived = page.incidents.filter((i) => !seen.has(i.incidentId));
    for (const i of arrived) {
      seen.add(i.incidentId);
      if (!firstLoad) fresh.add(i.incidentId);
    }
    if (!firstLoad && arrived.length > 0 && ![...calls.values()].some((c) => c.status === "ringing")) ring();
    firstLoad = false;
    counts = newCounts;
    renderCounts(counts, labels(), (state) => {
      $("filter-state").value = state;
      reloadList();
    });
    openAlertCounts.clear();
    for (const agency of alerts.agencies)
      for (const alert of agency.alerts)
        openAlertCounts.set(alert.incidentId, (openAlertCounts.get(alert.incidentId) ?? 0) + 1);
    renderOpenAlerts(alerts.agencies);
    renderCallBacks(callbacks.incidents);
    draw();
    if (selected) await renderDetail();
    showError();
  } catch (error) {
    showError(error);
  }
}

function draw() {
  renderIncidentList(incidents, {
    labels: labels(),
    selected,
    openAlerts: openAlertCounts,
    fresh,
    nowMs,
    time,
    onSelect: select,
  });
  $("more").hidden = !nextCursor;
  setTimeout(() => fresh.clear(), 6000);
}

function renderOpenAlerts(agencies) {
  const blocks = agencies.map((agency) => {
    const block = el("div", { class: "agency", "data-agency": agency.agencyId });
    block.append(el("h3", {}, agency.name));
    const list = el("ul", { class: "alerts" });
    for (const alert of agency.alerts) {
      const li = el("li", { "data-testid": "open-alert", "data-short-code": alert.shortCode ?? "" });
      const since = alert.firstAlertAt ? `sejak ${ageText(alert.firstAlertAt, nowMs)}` : "belum terkirim";
      li.append(
        el("strong", {}, `#${alert.shortCode ?? "?"}`),
        document.createTextNode(` putaran ${alert.round + 1}, tahap ${alert.step + 1} · ${since} `),
      );
      if (alert.overdue) li.append(el("span", { class: "badge red", "data-testid": "overdue" }, "terlambat"));
      li.addEventListener("click", () => select(alert.incidentId));
      list.append(li);
    }
    if (agency.more) list.append(el("li", { class: "muted" }, "dan lainnya…"));
    block.append(list);
    return block;
  });
  if (blocks.length === 0)
    blocks.push(el("p", { class: "muted" }, "Semua eskalasi sudah dikonfirmasi instansi."));
  $("open-alerts").replaceChildren(...blocks);
}

function renderCallBacks(list) {
  const items = list.map((incident) => {
    const li = el("li", { "data-testid": "callback-item", "data-short-code": incident.shortCode });
    const info = el("span", {});
    info.append(
      el("span", { class: "code" }, `#${incident.shortCode}`),
      document.createTextNode(
        ` ${incident.callerNumber} · ${labels().states[incident.state]} · ${ageText(incident.receivedAt, nowMs)}`,
      ),
    );
    const attempts = (incident.callbacks ?? []).length;
    if (attempts > 0) info.append(el("span", { class: "muted" }, ` · ${attempts}× dicoba`));
    const button = el(
      "button",
      { type: "button", class: "secondary", "data-testid": "callback-dial" },
      "Telepon balik",
    );
    button.disabled = !may("handle");
    button.addEventListener("click", async () => {
      await select(incident.incidentId);
      await callBack(incident);
    });
    li.append(info, button);
    return li;
  });
  if (items.length === 0) items.push(el("li", { class: "muted" }, "Tidak ada yang perlu ditelepon balik."));
  $("callbacks").replaceChildren(...items);
}

// ---- the incident ------------------------------------------------------------------------

async function select(incidentId) {
  selected = incidentId;
  fresh.delete(incidentId);
  draw();
  await renderDetail();
  $("detail").scrollIntoView?.({ block: "nearest" });
}

async function renderDetail() {
  let incident;
  try {
    incident = await api("GET", `/incidents/${selected}`);
  } catch (error) {
    showError(error);
    return;
  }
  current = incident;
  $("detail").hidden = false;
  $("detail-title").textContent = `Insiden #${incident.shortCode}`;
  const agencies = (zone()?.agencies ?? []).filter((a) => (incident.agencies || []).includes(a.id));
  const flags = flagBadges(incident);
  const facts = [
    ["Status", labels().states[incident.state] || incident.state],
    ["Diterima", dateTime(incident.receivedAt)],
    ["Penelepon", incident.callerNumber || "tanpa nomor (tanpa kartu SIM)"],
    ["Tanda", flags.length ? flags : "-"],
    ["Panggilan", callResultText(incident, labels())],
    ["Meja", incident.assignee || "belum diambil"],
    ["Kategori", incident.category ? labels().categories[incident.category] : "-"],
    ["Lokasi", incident.location?.text || "-"],
    ["Catatan", incident.notes || "-"],
    ["Hasil", incident.outcome ? labels().outcomes[incident.outcome] : "-"],
    ["Instansi", agencies.map((a) => a.name).join(", ") || "-"],
  ];
  $("facts").replaceChildren(
    ...facts.flatMap(([k, v]) => {
      const dd = el("dd", { "data-fact": k });
      if (Array.isArray(v)) dd.append(...v);
      else dd.textContent = v;
      return [el("dt", {}, k), dd];
    }),
  );
  const progress = (incident.agencyProgress || []).map((p) => {
    const agency = agencies.find((a) => a.id === p.agencyId);
    const li = el("li", { "data-testid": "agency-progress" });
    const status = labels().agencyStatuses[p.status] || p.status;
    const step = p.round > 0 || p.step > 0 ? ` (tahap ${p.step + 1}, putaran ${p.round + 1})` : "";
    li.append(
      el("strong", {}, agency ? agency.name : p.agencyId),
      document.createTextNode(`: ${status}${step}`),
    );
    return li;
  });
  $("progress").replaceChildren(...progress);
  $("progress-title").hidden = progress.length === 0;
  const open = ["received", "abandoned", "overflowed"].includes(incident.state);
  $("classify-form").hidden = !(open && may("handle"));
  $("outcomes").hidden = !(open && may("handle"));
  $("close").hidden = !may("handle");
  $("close").disabled = incident.state === "closed";
  $("reopen").hidden = !(incident.state === "closed" && may("reopen"));
  $("reassign-box").hidden = !may("reassign");
  $("callback").hidden = !(incident.callbackDue && may("handle"));
  const attempts = (incident.callbacks ?? []).map((a) =>
    el(
      "li",
      {},
      `${time(a.at)} ${a.by}: ${labels().callBackResults[a.result] ?? a.result}${a.talkSeconds ? ` (${a.talkSeconds} dtk)` : ""}`,
    ),
  );
  $("callback-attempts").replaceChildren(...attempts);
  $("callbacks-title").hidden = attempts.length === 0;
  if (conn.local) {
    const { messages } = await (
      await fetch(`/local/inbox?tenant=${tenant()}&text=${encodeURIComponent(`#${incident.shortCode}`)}`)
    ).json();
    $("alerts").replaceChildren(
      ...messages
        .filter((m) => m.channel === "sms")
        .map((m) => el("li", {}, `${time(m.at)} SMS ke ${m.agencyName} (${m.contactName}) ${m.to}`)),
    );
  }
  $("messages-title").hidden = !conn.local;
}

async function classify(event) {
  event.preventDefault();
  if (!$("classify-form").reportValidity()) return;
  const notes = $("notes").value.trim();
  const done = await act(`/incidents/${selected}/classification`, {
    category: $("category").value,
    severity: $("severity").value,
    location: { text: $("location").value.trim() },
    ...(notes ? { notes } : {}),
  });
  if (done) $("classify-form").reset();
}

async function act(path, body) {
  try {
    await api("POST", path, body);
    say("Tersimpan.");
    showError();
    await refresh(true);
    return true;
  } catch (error) {
    showError(error);
    if (error.code === "conflict") await refresh();
    return false;
  }
}

async function advance() {
  await fetch("/local/clock/advance", { method: "POST", body: JSON.stringify({ minutes: 5 }) });
  say("Jam lokal maju 5 menit.");
  await refresh();
}

// ---- keyboard ----------------------------------------------------------------------------

const SHORTCUTS = [
  [
    "A",
    "angkat panggilan yang berdering",
    () => {
      const ringing = [...calls.values()].find((c) => c.status === "ringing");
      if (ringing) answerCall(ringing.contactId);
    },
  ],
  [
    "H",
    "tutup telepon",
    () => {
      const live = [...calls.values()].find((c) => c.status === "connected" || c.status === "dialing");
      if (live) hangUpCall(live.contactId);
    },
  ],
  ["J / ↓", "insiden berikutnya", () => step(1)],
  ["K / ↑", "insiden sebelumnya", () => step(-1)],
  ["B", "telepon balik insiden ini", () => current?.callbackDue && callBack(current)],
  ["/", "saring menurut status", () => $("filter-state").focus()],
  ["Alt+K", "klasifikasi: pilih kategori", () => $("category").focus()],
  ["Alt+I", "hasil: iseng", () => outcome("prank")],
  ["Alt+G", "hasil: diam (ghost)", () => outcome("ghost")],
  ["Alt+N", "hasil: permintaan informasi", () => outcome("information")],
  ["Alt+S", "hasil: salah sambung", () => outcome("wrong-number")],
  ["Alt+T", "tutup insiden", () => selected && !$("close").hidden && act(`/incidents/${selected}/close`, {})],
  ["?", "daftar pintasan ini", () => $("help").showModal()],
];

function outcome(value) {
  if (selected && !$("outcomes").hidden) act(`/incidents/${selected}/outcome`, { outcome: value });
}

function step(delta) {
  const index = incidents.findIndex((i) => i.incidentId === selected);
  const next = incidents[Math.min(incidents.length - 1, Math.max(0, index + delta))];
  if (next) select(next.incidentId);
}

function setUpShortcuts() {
  $("help-keys").replaceChildren(
    ...SHORTCUTS.flatMap(([key, what]) => [el("dt", {}, key), el("dd", {}, what)]),
  );
  const byKey = new Map();
  for (const [keys, , run] of SHORTCUTS)
    for (const key of keys.split(" / "))
      byKey.set(key.toLowerCase().replace("↓", "arrowdown").replace("↑", "arrowup"), run);
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName);
    const key = event.altKey ? `alt+${event.code.replace("Key", "").toLowerCase()}` : event.key.toLowerCase();
    if ((typing && !event.altKey) || event.ctrlKey || event.metaKey) return;
    const run = byKey.get(key);
    if (!run) return;
    event.preventDefault();
    run();
  });
}

init().catch((error) => showError(error));
