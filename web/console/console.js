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

async function init() {
  conn = await connectConsole();
  if (!conn) return; // the hosted console asks which kab/kota first
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
  showCityLink();
  $("tenant").addEventListener("change", () => {
    showCityLink();
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
  $("location-request").addEventListener("click", requestLocation);
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
  $("signed-in").hidden = conn.local;
  if (!conn.local) {
    // Who the tenant's pool says is signed in; the role comes from the token's groups.
    const who = conn.who();
    $("who").textContent =
      `${who.username} (${who.groups.map((g) => labels().roles[g] ?? g).join(", ") || "tanpa peran"})`;
    $("tenant").disabled = true;
    $("sign-out").addEventListener("click", () => conn.signOut());
    return;
  }
  const roles = Object.keys(info.roleActs ?? {});
  $("who-role").replaceChildren(...roles.map((r) => el("option", { value: r }, labels().roles[r] ?? r)));
  $("who-user").value = conn.who().username;
  $("who-role").value = conn.who().groups[0];
  const save = () => {
    localStorage.setItem("siaga112.user", $("who-user").value.trim() || "petugas-lokal");
    localStorage.setItem("siaga112.role", $("who-role").value);
    fillFilters(labels(), may("every-desk"));
    $("filter-desk-label").hidden = !may("every-desk");
    showCityLink();
    reloadList();
  };
  $("who-user").addEventListener("change", save);
  $("who-role").addEventListener("change", save);
}

/**
 * The kab/kota's own month (the city page, web/dashboard/city.html) for supervisors and the
 * manager: under /dashboard/ both on the console site and in the local centre.
 */
function showCityLink() {
  $("city-link").hidden = !may("city-figures");
  $("city-link").href = `/dashboard/city.html?${new URLSearchParams({ tenant: tenant() })}`;
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
  // Incidents show even when the phone panel cannot start (the CCP unreachable, Streams refused).
  await startPhone().catch((error) =>
    showError(new Error(`Panel telepon tidak dapat dimulai: ${error.message}`)),
  );
  await reloadList();
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
  renderCallerLocation(incident);
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
        .map((m) =>
          el(
            "li",
            { "data-recipient": m.recipient },
            m.recipient === "caller"
              ? `${time(m.at)} SMS ke penelepon ${m.to} (minta lokasi)`
              : `${time(m.at)} SMS ke ${m.agencyName} (${m.contactName}) ${m.to}`,
          ),
        ),
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

init().catch((error) => showError(error));
