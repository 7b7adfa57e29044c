// A kab/kota's own month (issue 16): when calls come, how they fare, the agencies' response, the
// month against the month before, how many call-takers each hour needs, and the monthly report
// (print the page, or its CSV). One request (two Queries of the kab/kota's own statistics), to the
// API city-source.js names: the monitoring API (`api/city`; lambdas/monitoring-api/city-access.ts:
// a city's supervisor or manager gets its own kab/kota, the national centre names one with
// `?tenant=`), or on the console site the city's own call-taker API (`/city`, its own kab/kota).
// Whose figures is the API's decision, from the token. Plain browser script on the dashboard's
// modules.

const { number, percent, seconds } = siaga112Format;
const { drawBars, drawColumns } = siaga112Charts;
const { renderTable, toCsv, download } = siaga112Tables;
const { drawCards, target } = siaga112Panels;
const CC = siaga112CityColumns;
const DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

const query = () => new URLSearchParams(location.search);
let last = null;
const shown = {}; // per table: the rows on screen and their columns, for its CSV
const sorts = {};

/** Where the figures come from (city-source.js: the monitoring API, or the city's own API). */
let source;

async function fetchCity() {
  const response = await siaga112SignIn.authorizedFetch(
    source.url(query().get("tenant"), query().get("month")),
    {
      cache: "no-store",
    },
  );
  const body = await response.json().catch(() => ({}));
  if (response.status === 403) throw new Error("peran Anda tidak diizinkan melihat angka kab/kota ini");
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

async function load() {
  try {
    const body = await fetchCity();
    $("error").hidden = true;
    last = body;
    render(body);
  } catch (error) {
    $("error").textContent = `Gagal memuat data: ${error.message}.`;
    $("error").hidden = false;
  }
}

const monthName = (month) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("id-ID", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

function render(body) {
  const t = body.tenant;
  document.title = `Angka 112 ${t.name} — ${monthName(body.month.month)}`;
  $("title").textContent = `Angka 112 ${t.name}`;
  $("title").dataset.tenant = t.code;
  $("period").textContent =
    `${t.provinceName} · ${monthName(body.month.month)} (${body.month.from} s.d. ${body.observedTo}, jam setempat ${t.zone})`;
  $("month").value = body.month.month;
  renderCards(body);
  renderCharts(body);
  renderWeek(
    $("week"),
    body.weekHours,
    (w) => w.averageCalls,
    (v) => (v === null ? "–" : v.toLocaleString("id-ID")),
  );
  renderStaffing(body);
  table("agencies", CC.agencyColumns(body.labels.agencyKinds), body.figures.agencies);
  table(
    "comparison",
    CC.comparisonColumns(monthName(body.month.month), monthName(body.previousMonth.month)),
    body.comparison,
  );
  const reportRows = body.days.map((d) => ({
    ...d,
    code: t.code,
    name: t.name,
    provinceName: t.provinceName,
  }));
  table("report", siaga112Columns.dailyColumns(body.measures), [
    ...reportRows,
    {
      day: "Jumlah",
      code: t.code,
      name: t.name,
      provinceName: t.provinceName,
      figures: body.figures,
      total: true,
    },
  ]);
  $("report-hint").textContent =
    "Baris terakhir adalah jumlah bulan ini: sama dengan angka di atas dan di Pusat Data Monitoring 112 Nasional untuk kabupaten/kota dan rentang yang sama.";
}

function renderCards(body) {
  const f = body.figures;
  const change = (key) => body.comparison.find((c) => c.key === key);
  const versus = (key, format) => {
    const c = change(key);
    return c && c.previous !== null ? `bulan lalu ${format(c.previous)}` : "";
  };
  drawCards($("cards"), [
    ["calls", "Panggilan", number(f.calls), versus("calls", number), CC.HELP.calls],
    ["genuine", "Darurat nyata", number(f.outcomes.genuine), versus("genuine", number), CC.HELP.genuine],
    [
      "answer",
      "Rata-rata waktu jawab",
      seconds(f.cocom.averageAnswerSeconds),
      versus("averageAnswerSeconds", seconds),
      CC.HELP.answer,
    ],
    [
      "within10",
      "Dijawab ≤ 10 detik",
      percent(f.cocom.answeredWithin10sPercent),
      "target NFPA 1225: 90%",
      CC.HELP.within10,
      target(f.cocom.answeredWithin10sPercent, 90),
    ],
    [
      "abandon",
      "Ditinggalkan penelepon",
      percent(f.cocom.abandonPercent),
      versus("abandonPercent", percent),
      CC.HELP.abandonPercent,
    ],
    [
      "handle",
      "Lama bicara",
      seconds(f.averageHandleSeconds),
      versus("averageHandleSeconds", seconds),
      CC.HELP.handle,
    ],
    ["repeat", "Penelepon berulang", number(f.repeatCallers), "jumlah, tanpa nomor", CC.HELP.repeat],
    ["prank", "Dugaan iseng", number(f.suspectedPrank), "jumlah, tanpa nomor", CC.HELP.prank],
  ]);
}

function renderCharts(body) {
  const points = body.hoursOfDay.map((h) => ({ ...h, abandoned: h.abandoned, other: h.calls - h.abandoned }));
  const stride = window.innerWidth < 600 ? 6 : 3;
  drawColumns($("chart-hours"), points, {
    key: "hour",
    unit: "jam",
    label: (p, i) => (i % stride === 0 ? CC.hh(p.hour) : undefined),
    title: (p) =>
      `${CC.hh(p.hour)}: ${number(p.calls)} panggilan, ${number(p.abandoned)} ditinggalkan penelepon, waktu jawab ${seconds(p.averageAnswerSeconds)}`,
  });
  $("hours-caption").textContent = `(jumlah sebulan, jam setempat ${body.tenant.zone})`;
  const f = body.figures;
  drawBars(
    $("chart-categories"),
    Object.entries(f.categories)
      .filter(([, v]) => v > 0)
      .map(([c, v]) => ({ label: body.labels.categories[c] || c, value: v, color: "var(--genuine)" })),
  );
  drawBars($("chart-callers"), [
    { label: "Penelepon berulang", value: f.repeatCallers, color: "var(--info)", title: CC.HELP.repeat },
    { label: "Dugaan iseng", value: f.suspectedPrank, color: "var(--false)", title: CC.HELP.prank },
  ]);
}

/** A week as 24 rows (hours) by 7 columns (days): fits a phone; darker is more. */
function renderWeek(node, cells, value, text) {
  // Shaded from the quietest to the busiest hour of the week (all alike: all pale).
  const values = cells.map((c) => value(c) || 0);
  const min = Math.min(...values);
  const spread = Math.max(...values) - min;
  const head = el("tr");
  head.append(
    el("th", { scope: "col" }, "Jam"),
    ...DAYS.map((d) => el("th", { scope: "col" }, d.slice(0, 3))),
  );
  const rows = [];
  for (let hour = 0; hour < 24; hour++) {
    const tr = el("tr");
    tr.append(el("th", { scope: "row" }, CC.hh(hour)));
    for (let day = 1; day <= 7; day++) {
      const cell = cells.find((c) => c.isoDayOfWeek === day && c.hour === hour);
      const v = cell ? value(cell) : null;
      const td = el("td", { "data-day": String(day), "data-hour": String(hour) }, text(v));
      td.style.setProperty("--heat", String(spread > 0 ? 0.1 + (0.9 * ((v || 0) - min)) / spread : 0.1));
      tr.append(td);
    }
    rows.push(tr);
  }
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  tbody.append(...rows);
  node.replaceChildren(thead, tbody);
}

function renderStaffing(body) {
  const s = body.staffing;
  const model = s.model === "erlang-a" ? "Erlang A (dengan kesabaran penelepon)" : "Erlang C";
  const handling =
    s.handling.source === "measured"
      ? `lama bicara terukur bulan ini ${seconds(s.handling.seconds)}`
      : `lama bicara belum terukur, dipakai anggapan ${seconds(s.handling.seconds)}`;
  $("staffing-hint").textContent =
    `Target: ${Math.round(s.target.serviceLevel * 100)}% panggilan dijawab dalam ${s.target.answerWithinSeconds} detik (NFPA 1225) dan paling banyak ${Math.round(s.target.maxAbandonedShare * 100)}% penelepon menutup sebelum dijawab. Model ${model}, ${handling}, dari ${number(s.hoursObserved)} jam bulan ini. Petugas yang masuk: belum terukur.`;
  const byHour = body.hoursOfDay.map((h) => ({
    ...h,
    agents: s.byHourOfDay[h.hour].agents,
    staffLoggedIn: null,
  }));
  table("hours", CC.hourColumns(), byHour);
  renderWeek(
    $("week-staff"),
    s.weekly,
    (w) => w.agents,
    (v) => (v === null ? "–" : String(v)),
  );
}

/** Draws a table (sortable) and remembers what it shows for its CSV. */
function table(id, columns, rows) {
  const draw = () => {
    const onSort = (sort) => {
      sorts[id] = sort;
      draw();
    };
    shown[id] = { columns, rows: renderTable($(id), { columns, rows, sort: sorts[id], onSort }) };
  };
  draw();
}

/** The CSV title line: the kab/kota, the table and the period (the attribution lines follow). */
function csvTitle(what) {
  const t = last.tenant;
  return `${what}: ${t.name} (${t.code}), ${t.provinceName}; ${last.month.from} s.d. ${last.observedTo}, jam setempat ${t.zone}`;
}
const csvName = (what) => `siaga112-${last.tenant.code}-${last.month.month}-${what}.csv`;

const CSV_TABLES = {
  hours: "Per jam dalam sehari dan petugas yang dianjurkan",
  agencies: "Instansi: konfirmasi, unit berangkat, tiba di lokasi",
  comparison: "Bulan ini dibanding bulan sebelumnya",
};
for (const button of document.querySelectorAll("button.csv"))
  button.addEventListener("click", () => {
    const id = button.dataset.table;
    if (!last || !shown[id]) return;
    download(csvName(id), toCsv({ title: csvTitle(CSV_TABLES[id]), ...shown[id] }));
  });
$("report-csv").addEventListener("click", () => {
  if (!last) return;
  download(csvName("laporan-bulanan"), toCsv({ title: csvTitle("Laporan bulanan 112"), ...shown.report }));
});
$("print").addEventListener("click", () => window.print());
$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = query();
  if ($("month").value) q.set("month", $("month").value);
  else q.delete("month");
  history.replaceState(null, "", `${location.pathname}?${q}`);
  load();
});

$("terms").replaceChildren(
  ...[
    ["Petugas dianjurkan", CC.HELP.needed],
    ["Petugas masuk", CC.HELP.loggedIn],
    ["Lama bicara", CC.HELP.handle],
    ["Ditinggalkan penelepon", CC.HELP.abandoned],
    ["Dijawab ≤ 10 detik", CC.HELP.within10],
    ["Rata-rata 10% terlama", CC.HELP.slowest],
    ["Penelepon berulang", CC.HELP.repeat],
    ["Dugaan iseng", CC.HELP.prank],
    ["Waktu konfirmasi", CC.HELP.ackTime],
    ["Waktu berangkat", CC.HELP.dispatch],
    ["Waktu tiba", CC.HELP.arrival],
    ["Jam setempat", CC.HELP.localTime],
  ].flatMap(([term, meaning]) => [el("dt", {}, term), el("dd", {}, meaning)]),
);

/**
 * In the cloud the user signs in first; locally the centre vouches for a manager of the kab/kota in
 * the address (`?tenant=`), as the tenant's pool would in its token.
 */
async function start() {
  try {
    const tenant = query().get("tenant") || "";
    source = await siaga112CitySource.connect({
      local: async () => ({
        username: "pengelola-lokal",
        groups: ["manager"],
        tenant,
        headers: {
          "x-siaga112-user": "pengelola-lokal",
          "x-siaga112-role": "manager",
          ...(tenant ? { "x-siaga112-tenant": tenant } : {}),
        },
      }),
    });
    if (source.mode === "cloud") {
      const user = await siaga112SignIn.signIn();
      showSignedIn(user.username, () => siaga112SignIn.signOut());
    }
  } catch (error) {
    $("error").hidden = false;
    $("error").textContent = `Gagal masuk: ${error.message}`;
    return;
  }
  load();
}
start();
