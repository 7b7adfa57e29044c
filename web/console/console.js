// The local call-taker console: incidents of the day, classification, outcome, close.
// Talks to the tenant's call-taker API (/t/<code>/api) with the local key.

let info;
let selected;
let incidents = [];

const tenant = () => $("tenant").value;
/** Times in the tenant's own zone (WIB, WITA or WIT), whatever the browser's zone. */
const zone = () => info.tenants.find((t) => t.code === tenant());
const time = (iso) =>
  `${new Date(iso).toLocaleTimeString("id-ID", { timeZone: zone().timeZone })} ${zone().zone}`;
const dateTime = (iso) =>
  `${new Date(iso).toLocaleString("id-ID", { timeZone: zone().timeZone })} ${zone().zone}`;

async function api(method, path, body) {
  const response = await fetch(`/t/${tenant()}/api${path}`, {
    method,
    headers: { "content-type": "application/json", "x-siaga112-key": info.apiKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const value = await response.json();
  if (!response.ok) throw new Error(value.message || value.error || `HTTP ${response.status}`);
  return value;
}

function showError(error) {
  $("error").hidden = !error;
  $("error").textContent = error ? `Gagal: ${error.message}` : "";
}

async function init() {
  info = await (await fetch("/local/tenants")).json();
  // The key comes only to the centre's own pages: a same-origin fetch with this header.
  const key = await (
    await fetch("/local/console-key", { headers: { "x-siaga112-client": "console" } })
  ).json();
  info.apiKey = key.apiKey;
  for (const t of info.tenants) $("tenant").append(el("option", { value: t.code }, `${t.code} ${t.name}`));
  const wanted = new URLSearchParams(location.search).get("tenant");
  if (wanted) $("tenant").value = wanted;
  for (const [value, label] of Object.entries(info.labels.categories))
    $("category").append(el("option", { value }, label));
  for (const [value, label] of Object.entries(info.labels.severities))
    $("severity").append(el("option", { value }, label));
  $("severity").value = "high";
  $("tenant").addEventListener("change", () => {
    selected = undefined;
    refresh();
  });
  $("classify-form").addEventListener("submit", classify);
  for (const button of document.querySelectorAll("[data-outcome]"))
    button.addEventListener("click", () =>
      act(`/incidents/${selected}/outcome`, { outcome: button.dataset.outcome }),
    );
  $("close").addEventListener("click", () => act(`/incidents/${selected}/close`, {}));
  $("advance").addEventListener("click", advance);
  await refresh();
  setInterval(refresh, 2000);
}

async function refresh() {
  try {
    const [list, clock] = await Promise.all([
      api("GET", "/incidents?limit=100"),
      (await fetch("/local/clock")).json(),
    ]);
    incidents = list.incidents;
    $("clock").textContent = `Waktu lokal ${dateTime(clock.now)}`;
    renderList();
    if (selected) await renderDetail();
    showError();
  } catch (error) {
    showError(error);
  }
}

function renderList() {
  const items = incidents.map((incident) => {
    const li = el("li");
    const button = el("button", {
      type: "button",
      "data-testid": "incident",
      "data-short-code": incident.shortCode,
      class: incident.incidentId === selected ? "selected" : "",
    });
    const left = el("span");
    left.append(
      el("span", { class: "code" }, `#${incident.shortCode}`),
      document.createTextNode(` ${time(incident.receivedAt)}`),
    );
    const right = el("span");
    if (incident.suspectedPrank)
      right.append(el("span", { class: "badge warn" }, "dugaan iseng"), document.createTextNode(" "));
    if (incident.repeatCaller)
      right.append(el("span", { class: "badge" }, "berulang"), document.createTextNode(" "));
    const stateClass = incident.state === "received" ? "red" : incident.state === "closed" ? "" : "ok";
    right.append(
      el(
        "span",
        { class: `badge ${stateClass}`, "data-testid": "state" },
        info.labels.states[incident.state] || incident.state,
      ),
    );
    button.append(left, right);
    button.addEventListener("click", () => {
      selected = incident.incidentId;
      renderList();
      renderDetail();
    });
    li.append(button);
    return li;
  });
  if (items.length === 0)
    items.push(
      el(
        "li",
        { class: "muted" },
        `Belum ada panggilan hari ini. Telepon dengan: npm run siaga112 -- call ${tenant()}`,
      ),
    );
  $("incidents").replaceChildren(...items);
}

async function renderDetail() {
  const incident = await api("GET", `/incidents/${selected}`);
  $("detail").hidden = false;
  $("detail-title").textContent = `Insiden #${incident.shortCode}`;
  const agencies = (info.tenants.find((t) => t.code === tenant())?.agencies ?? []).filter((a) =>
    (incident.agencies || []).includes(a.id),
  );
  const facts = [
    ["Status", info.labels.states[incident.state] || incident.state],
    ["Diterima", dateTime(incident.receivedAt)],
    ["Penelepon", incident.callerNumber || "tanpa nomor (tanpa kartu SIM)"],
    [
      "Tanda",
      [incident.repeatCaller && "penelepon berulang", incident.suspectedPrank && "dugaan iseng"]
        .filter(Boolean)
        .join(", ") || "-",
    ],
    ["Kategori", incident.category ? info.labels.categories[incident.category] : "-"],
    ["Lokasi", incident.location?.text || "-"],
    ["Hasil", incident.outcome ? info.labels.outcomes[incident.outcome] : "-"],
    ["Instansi", agencies.map((a) => a.name).join(", ") || "-"],
  ];
  $("facts").replaceChildren(
    ...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", { "data-fact": k }, v)]),
  );
  const progress = (incident.agencyProgress || []).map((p) => {
    const agency = agencies.find((a) => a.id === p.agencyId);
    const status = info.labels.agencyStatuses[p.status] || p.status;
    const step = p.round > 0 || p.step > 0 ? ` (tahap ${p.step + 1}, putaran ${p.round + 1})` : "";
    return [agency ? agency.name : p.agencyId, `${status}${step}`];
  });
  $("progress").replaceChildren(
    ...progress.map(([name, status]) => {
      const li = el("li", { "data-testid": "agency-progress" });
      li.append(el("strong", {}, name), document.createTextNode(`: ${status}`));
      return li;
    }),
  );
  $("progress-title").hidden = progress.length === 0;
  const open = incident.state === "received";
  $("classify-form").hidden = !open;
  for (const button of document.querySelectorAll("[data-outcome]")) button.disabled = !open;
  $("close").disabled = incident.state === "closed";
  const { messages } = await (
    await fetch(`/local/inbox?tenant=${tenant()}&text=${encodeURIComponent(`#${incident.shortCode}`)}`)
  ).json();
  $("alerts").replaceChildren(
    ...messages
      .filter((m) => m.channel === "sms")
      .map((m) => el("li", {}, `${time(m.at)} SMS ke ${m.agencyName} (${m.contactName}) ${m.to}`)),
  );
}

async function classify(event) {
  event.preventDefault();
  const notes = $("notes").value.trim();
  await act(`/incidents/${selected}/classification`, {
    category: $("category").value,
    severity: $("severity").value,
    location: { text: $("location").value.trim() },
    ...(notes ? { notes } : {}),
  });
  $("location").value = "";
  $("notes").value = "";
}

async function act(path, body) {
  try {
    await api("POST", path, body);
    $("status").textContent = "Tersimpan.";
    showError();
    await refresh();
  } catch (error) {
    showError(error);
  }
}

async function advance() {
  await fetch("/local/clock/advance", { method: "POST", body: JSON.stringify({ minutes: 5 }) });
  $("status").textContent = "Jam lokal maju 5 menit.";
  await refresh();
}

init();
