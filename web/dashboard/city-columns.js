// What the city page's words mean and the columns of its tables (the kab/kota's own month). Plain
// browser script: `siaga112CityColumns`. Words follow docs/glossary.md; the figures' meanings that
// the national dashboard already explains come from `siaga112Columns.HELP`.

(() => {
  const { number, percent, seconds, duration } = siaga112Format;
  const C = siaga112Columns;

  const HELP = {
    ...C.HELP,
    handle:
      "Lama bicara: rata-rata detik sejak petugas menjawab sampai panggilan selesai (tanpa pekerjaan sesudah panggilan).",
    needed:
      "Petugas yang dianjurkan: berapa petugas penerima panggilan perlu bertugas pada jam itu agar 90% panggilan dijawab dalam 10 detik (NFPA 1225) dan paling banyak 5% penelepon menutup sebelum dijawab, menurut model antrean Erlang C (atau Erlang A bila cukup data panggilan yang ditinggalkan). Angka terbesar dari tujuh hari dalam seminggu.",
    loggedIn:
      "Petugas yang masuk: berapa petugas yang benar-benar masuk ke konsol pada jam itu. Belum terukur: belum ada data dari pusat kontak.",
    repeat:
      "Penelepon berulang: panggilan dari nomor yang sudah menelepon sebelumnya. Hanya jumlah; nomornya tidak ditampilkan.",
    prank:
      "Dugaan iseng: panggilan dari nomor yang sebelumnya tercatat iseng. Hanya jumlah; nomornya tidak ditampilkan.",
    dispatch: "Rata-rata waktu sejak panggilan masuk sampai instansi melaporkan unit berangkat.",
    arrival: "Rata-rata waktu sejak panggilan masuk sampai instansi melaporkan tiba di lokasi.",
  };

  const text = (key, label, value, extra = {}) => ({ key, label, value, firstDir: "asc", ...extra });
  const hh = (hour) => `${String(hour).padStart(2, "0")}.00`;

  /** One row per hour of the day: how calls fared, and the call-takers it needs. */
  const hourColumns = () => [
    text("hour", "Jam", (r) => hh(r.hour), { help: HELP.localTime, sortValue: (r) => r.hour }),
    { key: "calls", label: "Panggilan", help: HELP.calls, value: (r) => r.calls, text: number },
    {
      key: "answer",
      label: "Waktu jawab",
      unit: "dtk",
      help: HELP.answer,
      value: (r) => r.averageAnswerSeconds,
      text: seconds,
    },
    {
      key: "within10",
      label: "≤ 10 dtk",
      unit: "%",
      help: HELP.within10,
      value: (r) => r.answeredWithin10sPercent,
      text: percent,
    },
    {
      key: "abandonPercent",
      label: "Ditinggalkan",
      unit: "%",
      help: HELP.abandonPercent,
      value: (r) => r.abandonPercent,
      text: percent,
    },
    {
      key: "handle",
      label: "Lama bicara",
      unit: "dtk",
      help: HELP.handle,
      value: (r) => r.averageHandleSeconds,
      text: seconds,
    },
    { key: "needed", label: "Petugas dianjurkan", help: HELP.needed, value: (r) => r.agents, text: number },
    {
      key: "loggedIn",
      label: "Petugas masuk",
      help: HELP.loggedIn,
      value: (r) => r.staffLoggedIn,
      text: (v) => (v === null ? "belum terukur" : number(v)),
    },
  ];

  /** One row per agency kind: konfirmasi, unit berangkat, tiba di lokasi. */
  const agencyColumns = (labels) => [
    text("kind", "Jenis instansi", (r) => labels[r.kind] || r.kind),
    {
      key: "escalations",
      label: "Eskalasi",
      help: HELP.escalations,
      value: (r) => r.escalations,
      text: number,
    },
    { key: "acks", label: "Dikonfirmasi", help: HELP.acks, value: (r) => r.acknowledgements, text: number },
    {
      key: "ackTime",
      label: "Waktu konfirmasi",
      unit: "dtk",
      help: HELP.ackTime,
      value: (r) => r.averageSecondsToAcknowledge,
      text: duration,
    },
    { key: "dispatched", label: "Unit berangkat", value: (r) => r.dispatched, text: number },
    {
      key: "dispatchTime",
      label: "Waktu berangkat",
      unit: "dtk",
      help: HELP.dispatch,
      value: (r) => r.averageSecondsToDispatch,
      text: duration,
    },
    { key: "onScene", label: "Tiba di lokasi", value: (r) => r.onScene, text: number },
    {
      key: "arrivalTime",
      label: "Waktu tiba",
      unit: "dtk",
      help: HELP.arrival,
      value: (r) => r.averageSecondsToArrival,
      text: duration,
    },
  ];

  /** The indicators compared month to month (keys of the API's `comparison`). */
  const COMPARED = {
    calls: ["Panggilan", number],
    genuine: ["Darurat nyata", number],
    falseCallPercent: ["Panggilan palsu (%)", percent],
    averageAnswerSeconds: ["Rata-rata waktu jawab (dtk)", seconds],
    answeredWithin10sPercent: ["Dijawab ≤ 10 detik (%)", percent],
    slowest10PercentAverageSeconds: ["Rata-rata 10% terlama (dtk)", seconds],
    abandonPercent: ["Ditinggalkan penelepon (%)", percent],
    averageHandleSeconds: ["Lama bicara (dtk)", seconds],
    repeatCallers: ["Penelepon berulang", number],
    suspectedPrank: ["Dugaan iseng", number],
    escalations: ["Eskalasi ke instansi", number],
    averageSecondsToAcknowledge: ["Waktu konfirmasi (dtk)", duration],
  };
  const signed = (v) => (v === null ? "–" : `${v > 0 ? "+" : ""}${v.toLocaleString("id-ID")}`);
  const comparisonColumns = (current, previous) => [
    text("indicator", "Indikator", (r) => (COMPARED[r.key] || [r.key])[0], { sortValue: () => 0 }),
    {
      key: "current",
      label: current,
      value: (r) => r.current,
      text: (v, r) => (COMPARED[r.key]?.[1] || number)(v),
    },
    {
      key: "previous",
      label: previous,
      value: (r) => r.previous,
      text: (v, r) => (COMPARED[r.key]?.[1] || number)(v),
    },
    { key: "change", label: "Selisih", value: (r) => r.change, text: signed },
  ];

  globalThis.siaga112CityColumns = { HELP, hh, hourColumns, agencyColumns, comparisonColumns };
})();
