// National monitoring dashboard. Plain browser JavaScript, no build step and no CDN: the same
// files are served by the local centre and by the national stack. Reads the relative `api/`.

const REFRESH_MS = 5000;
const OUTCOME_LABELS = {
  genuine: "Darurat nyata",
  prank: "Iseng",
  ghost: "Diam (ghost)",
  information: "Permintaan informasi",
  "wrong-number": "Salah sambung",
};
const OUTCOME_COLORS = {
  genuine: "var(--genuine)",
  prank: "#78909c",
  ghost: "#b0bec5",
  information: "var(--other)",
  "wrong-number": "#cfd8dc",
};

const { number, duration, drawBars, drawAgencies, drawDays } = siaga112Charts;
const pct = (n) => (n === null ? "–" : `${n.toLocaleString("id-ID")}%`);
const secs = (n) => (n === null ? "–" : `${n.toLocaleString("id-ID")} dtk`);
let timer = null;
let areasLoaded = false;

function query() {
  const params = new URLSearchParams();
  for (const id of ["province", "from", "to"]) if ($(id).value) params.set(id, $(id).value);
  return params.toString();
}

async function load() {
  try {
    const response = await siaga112SignIn.authorizedFetch(`api/statistics?${query()}`, { cache: "no-store" });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    $("error").hidden = true;
    render(body);
    $("updated").textContent = `Diperbarui ${new Date().toLocaleTimeString("id-ID")}`;
  } catch (error) {
    $("error").hidden = false;
    $("error").textContent = `Gagal memuat data: ${error.message}`;
  }
}

function render(stats) {
  if (!areasLoaded) fillFilters(stats);
  const n = stats.national;
  const agencies = n.agencies;
  const escalations = agencies.reduce((s, a) => s + a.escalations, 0);
  const cards = [
    ["calls", "Panggilan", number(n.calls), "semua panggilan masuk"],
    ["genuine", "Darurat nyata", number(n.outcomes.genuine), ""],
    ["false", "Panggilan palsu", pct(n.cocom.falseCallPercent), "iseng + diam + salah sambung"],
    ["answer", "Rata-rata waktu jawab", secs(n.cocom.averageAnswerSeconds), noAnswerData(n)],
    [
      "within10",
      "Dijawab ≤ 10 detik",
      pct(n.cocom.answeredWithin10sPercent),
      noAnswerData(n) || "target NFPA 1225: 90%",
      target(n.cocom.answeredWithin10sPercent, 90),
    ],
    ["slowest", "Rata-rata 10% terlambat", secs(n.cocom.slowest10PercentAverageSeconds), noAnswerData(n)],
    [
      "abandon",
      "Panggilan terputus",
      n.answered + n.abandoned > 0 ? pct(n.cocom.abandonPercent) : "–",
      noAnswerData(n) || "penelepon menutup sebelum dijawab",
    ],
    ["escalations", "Eskalasi ke instansi", number(escalations), ""],
    ["acks", "Dikonfirmasi instansi", number(n.acknowledgement.count), ""],
    ["ack-time", "Rata-rata waktu pengakuan", duration(n.acknowledgement.averageSeconds), ""],
  ];
  const box = $("cards");
  box.replaceChildren(
    ...cards.map(([key, name, value, hint, cls]) => {
      const card = el("div", { class: `card ${cls || ""}`, "data-testid": `card-${key}` });
      card.append(el("div", { class: "name" }, name), el("div", { class: "value" }, value));
      if (hint) card.append(el("div", { class: "hint" }, hint));
      return card;
    }),
  );
  drawDays($("chart-days"), stats.days);
  drawBars(
    $("chart-outcomes"),
    Object.keys(OUTCOME_LABELS).map((o) => ({
      label: OUTCOME_LABELS[o],
      value: n.outcomes[o],
      color: OUTCOME_COLORS[o],
    })),
  );
  drawBars(
    $("chart-categories"),
    Object.entries(n.categories)
      .filter(([, v]) => v > 0)
      .map(([c, v]) => ({ label: stats.labels.categories[c] || c, value: v, color: "var(--genuine)" })),
  );
  drawAgencies($("chart-agencies"), agencies, stats.labels.agencyKinds);
  drawBars(
    $("chart-ack"),
    n.acknowledgement.buckets.map((b) => ({ label: b.label, value: b.count, color: "var(--ack)" })),
  );
  table($("provinces"), "Provinsi", stats.provinces);
  table($("tenants"), "Kabupaten/kota", stats.tenants);
}

/** Answer times come from the contact centre; say so when none arrived rather than show zeros. */
function noAnswerData(n) {
  return n.calls > 0 && n.answered + n.abandoned === 0 ? "belum ada data waktu jawab dari pusat kontak" : "";
}

function target(value, goal) {
  if (value === null) return "";
  return value >= goal ? "target-met" : "target-missed";
}

function fillFilters(stats) {
  areasLoaded = true;
  const select = $("province");
  const provinces = Object.entries(stats.areas)
    .filter(([code]) => /^\d{2}$/.test(code))
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [code, name] of provinces) select.append(el("option", { value: code }, `${code} ${name}`));
  if (!$("from").value) $("from").value = stats.filter.from;
  if (!$("to").value) $("to").value = stats.filter.to;
}

function table(node, first, areas) {
  const head = [
    first,
    "Panggilan",
    "Darurat nyata",
    "Iseng",
    "Diam",
    "Informasi",
    "% palsu",
    "Rata-rata jawab",
    "≤ 10 dtk",
    "% terputus",
    "Eskalasi",
    "Dikonfirmasi",
    "Waktu pengakuan",
  ];
  const thead = el("thead");
  const tr = el("tr");
  for (const h of head) tr.append(el("th", {}, h));
  thead.append(tr);
  const tbody = el("tbody");
  for (const a of areas) {
    const f = a.figures;
    const row = el("tr", { "data-code": a.code });
    const cells = [
      `${a.code} ${a.name === a.code ? "" : a.name}`,
      number(f.calls),
      number(f.outcomes.genuine),
      number(f.outcomes.prank),
      number(f.outcomes.ghost),
      number(f.outcomes.information),
      pct(f.cocom.falseCallPercent),
      secs(f.cocom.averageAnswerSeconds),
      pct(f.cocom.answeredWithin10sPercent),
      f.answered + f.abandoned > 0 ? pct(f.cocom.abandonPercent) : "–",
      number(f.agencies.reduce((s, x) => s + x.escalations, 0)),
      number(f.acknowledgement.count),
      duration(f.acknowledgement.averageSeconds),
    ];
    for (const c of cells) row.append(el("td", {}, c));
    tbody.append(row);
  }
  if (areas.length === 0) {
    const row = el("tr");
    row.append(el("td", { colspan: String(head.length) }, "Belum ada data."));
    tbody.append(row);
  }
  node.replaceChildren(thead, tbody);
}

function schedule() {
  clearInterval(timer);
  if ($("live").checked) timer = setInterval(load, REFRESH_MS);
}

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  load();
});
$("province").addEventListener("change", load);
$("live").addEventListener("change", schedule);

/** In the cloud the officer signs in first (hosted sign-in); the local centre has no sign-in. */
async function start() {
  try {
    const { mode } = await siaga112SignIn.configure({ settingsUrl: "config.json" });
    if (mode === "cloud") {
      const officer = await siaga112SignIn.signIn();
      $("who").textContent = officer.username;
      $("who").hidden = false;
      $("sign-out").hidden = false;
      $("sign-out").addEventListener("click", () => siaga112SignIn.signOut());
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
