// National monitoring dashboard. Plain browser JavaScript, no build step and no CDN: the same
// files are served by the local centre and by the national stack. One refresh is one request
// (`api/dashboard`: four Queries of the statistics table), made through `api()`, the one function
// that reaches the API, so the sign-in (the token's source) can change without touching the rest.

const REFRESH_MS = 5000;
const { number } = siaga112Format;
const { PARTS } = siaga112Charts;
const { renderCards, renderCharts } = siaga112Panels;
const { renderTable, toCsv, download } = siaga112Tables;
const C = siaga112Columns;
const S = siaga112ViewState;

let view = S.read(location.search);
const defaults = { from: "", to: "" }; // the API's default range, shown but not pinned in the URL
let last = null; // the last figures shown; a failed or invalid request keeps them
let lastAt = null;
let timer = null;
const shown = {}; // per table: what is on screen, for its CSV

/** The one way to the monitoring API (the sign-in module, when present, adds the token). */
async function api(path, query) {
  const url = `api/${path}?${query}`;
  const response = await siaga112SignIn.authorizedFetch(url, { cache: "no-store" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function showProblem(message) {
  const kept = last ? ` Angka di bawah masih dari pembaruan terakhir (${lastAt}).` : "";
  $("error").textContent = `${message}${kept}`;
  $("error").hidden = false;
}

async function load() {
  const problem = S.rangeProblem(view.from, view.to);
  if (problem) return showProblem(problem);
  try {
    const body = await api("dashboard", S.apiQuery(view));
    $("error").hidden = true;
    last = body;
    lastAt = new Date().toLocaleTimeString("id-ID");
    render(body);
    history.replaceState(null, "", `${location.pathname}${S.write(view)}`);
    $("updated").textContent = `Diperbarui ${lastAt}`;
  } catch (error) {
    showProblem(`Gagal memuat data: ${error.message}.`);
  }
}

function render(body) {
  fillFilters(body);
  renderCards(body);
  renderCharts(body, view);
  renderAlerts(body);
  renderTables(body);
}

function fillFilters(body) {
  const provinces = body.areas.provinces;
  const live = provinces.filter((p) => p.live);
  const province = $("province");
  const options = [el("option", { value: "" }, "Semua provinsi")];
  for (const p of live) options.push(el("option", { value: p.code }, `${p.code} ${p.name}`));
  const inactive = el("optgroup", { label: "Belum aktif (belum mengirim data)" });
  for (const p of provinces.filter((x) => !x.live))
    inactive.append(el("option", { value: p.code, disabled: "" }, `${p.code} ${p.name} — belum aktif`));
  province.replaceChildren(...options, inactive);
  province.value = view.province;
  const tenants = live.filter((p) => !view.province || p.code === view.province).flatMap((p) => p.tenants);
  $("tenant").replaceChildren(
    el("option", { value: "" }, "Semua kab/kota"),
    ...tenants.map((t) => el("option", { value: t.code }, `${t.code} ${t.name}`)),
  );
  $("tenant").value = view.tenant;
  if (!view.from) defaults.from = body.filter.from;
  if (!view.to) defaults.to = body.filter.to;
  $("from").value = body.filter.from;
  $("to").value = body.filter.to;
}

function renderAlerts(body) {
  const { alerts, groups } = body.alerts;
  const overdue = alerts.filter((a) => a.overdue).length;
  $("alerts-count").textContent = alerts.length
    ? `${number(alerts.length)}, ${number(overdue)} terlambat`
    : "0";
  $("alerts-count").className = `badge ${overdue ? "red" : alerts.length ? "warn" : "ok"}`;
  $("alerts-hint").textContent = `${C.HELP.open} ${C.HELP.overdue}`;
  const kinds = body.labels.agencyKinds;
  table(
    "alert-groups",
    "Eskalasi belum dikonfirmasi per kabupaten/kota dan jenis instansi",
    C.alertGroupColumns(kinds),
    groups,
    {
      empty: "Tidak ada eskalasi yang menunggu konfirmasi.",
    },
  );
  table("alerts", "Eskalasi belum dikonfirmasi", C.alertColumns(kinds), alerts, {
    empty: "Tidak ada eskalasi yang menunggu konfirmasi.",
    rowAttrs: (a) => ({
      "data-tenant": a.tenant,
      "data-incident": a.incidentId,
      "data-agency": a.agency,
      class: a.overdue ? "overdue" : "",
    }),
  });
}

function renderTables(body) {
  const provinceNames = Object.fromEntries(body.areas.provinces.map((p) => [p.code, p.name]));
  table("provinces", "Per provinsi", C.provinceColumns(body.measures), body.provinces, {
    rowAttrs: (p) => ({ "data-code": p.code }),
  });
  table("tenants", "Per kabupaten/kota", C.tenantColumns(body.measures, provinceNames), body.tenants, {
    rowAttrs: (t) => ({ "data-code": t.code }),
  });
  // Each kab/kota's own month (city.html: hours, staffing, monthly report) is one click away.
  for (const cell of document.querySelectorAll("#tenants tbody td[data-key=name]")) {
    const code = cell.parentElement.dataset.code;
    cell.replaceChildren(el("a", { href: `city.html?tenant=${encodeURIComponent(code)}` }, cell.textContent));
  }
}

/** Draws one sortable table and remembers what it shows for its CSV. */
function table(id, title, columns, rows, options = {}) {
  const order = renderTable($(id), {
    columns,
    rows,
    sort: view.sort[id],
    onSort: (sort) => {
      view.sort[id] = sort;
      if (last) render(last);
      history.replaceState(null, "", `${location.pathname}${S.write(view)}`);
    },
    ...options,
  });
  shown[id] = { title, columns, rows: order };
}

/** The view's filter in words, for the first line of a CSV. */
function filterWords() {
  const province = view.province ? $("province").selectedOptions[0]?.textContent : "semua provinsi";
  const tenant = view.tenant ? $("tenant").selectedOptions[0]?.textContent : "semua kab/kota";
  const range = `${last?.filter.from ?? view.from} s.d. ${last?.filter.to ?? view.to}`;
  return `${province}; ${tenant}; ${range} (tanggal setempat); diunduh ${new Date().toLocaleString("id-ID")}`;
}

function csvName(id) {
  const where = [view.province, view.tenant]
    .filter(Boolean)
    .map((c) => `-${c}`)
    .join("");
  return `siaga112-${id}-${last?.filter.from ?? ""}-${last?.filter.to ?? ""}${where}.csv`;
}

for (const button of document.querySelectorAll("button.csv")) {
  button.addEventListener("click", () => {
    const t = shown[button.dataset.table];
    if (t)
      download(
        csvName(button.dataset.table),
        toCsv({ title: `${t.title}: ${filterWords()}`, columns: t.columns, rows: t.rows }),
      );
  });
}

$("daily-csv").addEventListener("click", async () => {
  try {
    const report = await api("daily", S.apiQuery(view));
    const columns = C.dailyColumns(last?.measures ?? { overflow: false });
    download(
      csvName("harian"),
      toCsv({ title: `Laporan harian per kabupaten/kota: ${filterWords()}`, columns, rows: report.rows }),
    );
  } catch (error) {
    showProblem(`Gagal mengunduh laporan harian: ${error.message}.`);
  }
});

function applyFilters() {
  // A date left at the default (the last 30 days) stays out of the link, so the link keeps rolling.
  const chosen = (id) => ($(id).value === defaults[id] && !view[id] ? "" : $(id).value);
  view = {
    ...view,
    province: $("province").value,
    tenant: $("tenant").value,
    from: chosen("from"),
    to: chosen("to"),
  };
  if (view.tenant && view.province && !view.tenant.startsWith(view.province)) view.tenant = "";
  load();
}

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  applyFilters();
});
$("province").addEventListener("change", () => {
  $("tenant").value = "";
  applyFilters();
});
$("tenant").addEventListener("change", applyFilters);
for (const b of document.querySelectorAll("[data-grain]"))
  b.addEventListener("click", () => {
    view.grain = b.dataset.grain;
    load();
  });
$("copy-link").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    $("copy-link").textContent = "Tautan disalin";
  } catch {
    $("copy-link").textContent = location.href;
  }
});
$("live").addEventListener("change", schedule);

function schedule() {
  clearInterval(timer);
  if ($("live").checked) timer = setInterval(load, REFRESH_MS);
}

// The legend of the call breakdown and the meaning of each word, once.
for (const legend of document.querySelectorAll(".legend.parts"))
  for (const [part, , label] of PARTS) {
    const item = el("span", { class: "item" });
    item.append(el("span", { class: `sw ${part}` }), label);
    legend.append(item, " ");
  }
const TERMS = [
  ["Ditinggalkan penelepon", C.HELP.abandoned],
  ["Dialihkan ke pusat cadangan", C.HELP.overflowed],
  ["Panggilan palsu", C.HELP.falseCalls],
  ["Rata-rata waktu jawab", C.HELP.answer],
  ["Dijawab ≤ 10 detik", C.HELP.within10],
  ["Rata-rata 10% terlama", C.HELP.slowest],
  ["Eskalasi", C.HELP.escalations],
  ["Dikonfirmasi", C.HELP.acks],
  ["Belum dikonfirmasi", C.HELP.open],
  ["Terlambat", C.HELP.overdue],
  ["Tahap, putaran", `${C.HELP.step} ${C.HELP.round}`],
  ["Jam setempat", C.HELP.localTime],
  ["Belum aktif", C.HELP.inactive],
];
$("terms").replaceChildren(
  ...TERMS.flatMap(([term, meaning]) => [el("dt", {}, term), el("dd", {}, meaning)]),
);

/** In the cloud the officer signs in first (hosted sign-in); the local centre has no sign-in. */
async function start() {
  try {
    const { mode } = await siaga112SignIn.configure({ settingsUrl: "config.json" });
    // Back from the hosted sign-in, the module has restored the address the page had: its filters.
    view = S.read(location.search);
    if (mode === "cloud") {
      const officer = await siaga112SignIn.signIn();
      showSignedIn(officer.username, () => siaga112SignIn.signOut());
    }
  } catch (error) {
    $("error").hidden = false;
    $("error").textContent = `Gagal masuk: ${error.message}`;
    return;
  }
  load();
  schedule();
}
start();
