// What the national dashboard's words mean, and the columns of its tables. Plain browser script:
// `siaga112Columns`. Words follow docs/glossary.md; every figure carries its explanation (HELP),
// shown in place as a hint, a tooltip and in the legend "Arti istilah".

(() => {
  const { number, percent, seconds, duration } = siaga112Format;

  const HELP = {
    calls: "Semua panggilan yang masuk ke 112, termasuk yang ditinggalkan penelepon dan yang dialihkan.",
    genuine: "Panggilan yang diklasifikasi petugas sebagai kejadian darurat nyata.",
    abandoned:
      "Ditinggalkan penelepon: penelepon menutup telepon saat menunggu di antrean, sebelum dijawab petugas.",
    overflowed:
      "Dialihkan ke pusat cadangan: antrean penuh, di luar jam layanan atau terganggu, sehingga alur panggilan menyambungkan penelepon ke nomor pusat cadangan.",
    overflowUnmeasured:
      "Belum terukur di cloud: belum ada fungsi yang melihat pengalihan ke pusat cadangan, jadi angkanya tidak ditampilkan (bukan berarti 0).",
    falseCalls:
      "Panggilan palsu: iseng + diam + salah sambung, dibagi semua panggilan yang sudah diberi hasil oleh petugas (indikator EU COCOM).",
    answer: "Rata-rata detik sejak panggilan masuk sampai dijawab petugas, dari panggilan yang dijawab.",
    within10: "Bagian panggilan yang dijawab dalam 10 detik atau kurang. Target NFPA 1225: 90%.",
    slowest:
      "Rata-rata 10% terlama: rata-rata waktu tunggu 10% penelepon yang paling lama menunggu sebelum dijawab. Rata-rata biasa menyembunyikan penelepon yang menunggu sangat lama; angka ini menunjukkannya.",
    abandonPercent: "Bagian panggilan yang ditinggalkan penelepon sebelum dijawab, dari semua panggilan.",
    escalations: "Eskalasi: pesan SMS dan e-mail ke instansi, satu per tahap kebijakan eskalasi.",
    acks: 'Dikonfirmasi: instansi menekan "Konfirmasi terima" pada tautan eskalasi.',
    ackTime: "Rata-rata waktu sejak eskalasi pertama ke instansi sampai instansi mengonfirmasi.",
    open: "Belum dikonfirmasi: eskalasi sudah terkirim, instansi belum mengonfirmasi dan insidennya belum ditutup.",
    overdue:
      "Terlambat: waktu tahap pertama sudah lewat tanpa konfirmasi, sehingga eskalasi dikirim ulang (tahap berikutnya atau putaran baru).",
    round:
      "Putaran: kebijakan eskalasi instansi dijalankan ulang dari awal; putaran 1 adalah pengiriman pertama.",
    step: "Tahap: urutan kontak dalam kebijakan eskalasi; tahap 1 adalah kontak pertama.",
    localTime: "Jam setempat: waktu di zona kabupaten/kota itu sendiri (WIB, WITA atau WIT).",
    inactive: "Belum aktif: belum ada kabupaten/kota di provinsi ini yang mengirim data ke pusat monitoring.",
  };

  const escalations = (f) => f.agencies.reduce((n, a) => n + a.escalations, 0);

  /** Columns of figures shared by the province, kab/kota and daily tables. */
  function figureColumns(measures) {
    const f = (row) => row.figures;
    return [
      { key: "calls", label: "Panggilan", help: HELP.calls, value: (r) => f(r).calls, text: number },
      {
        key: "genuine",
        label: "Darurat nyata",
        help: HELP.genuine,
        value: (r) => f(r).outcomes.genuine,
        text: number,
      },
      { key: "prank", label: "Iseng", value: (r) => f(r).outcomes.prank, text: number },
      { key: "ghost", label: "Diam", value: (r) => f(r).outcomes.ghost, text: number },
      { key: "wrong", label: "Salah sambung", value: (r) => f(r).outcomes["wrong-number"], text: number },
      { key: "information", label: "Informasi", value: (r) => f(r).outcomes.information, text: number },
      {
        key: "abandoned",
        label: "Ditinggalkan",
        help: HELP.abandoned,
        value: (r) => f(r).abandoned,
        text: number,
      },
      {
        key: "overflowed",
        label: "Dialihkan",
        help: measures.overflow ? HELP.overflowed : `${HELP.overflowed} ${HELP.overflowUnmeasured}`,
        value: (r) => (measures.overflow ? f(r).overflowed : null),
        text: number,
      },
      {
        key: "falsePercent",
        label: "Palsu",
        unit: "%",
        help: HELP.falseCalls,
        value: (r) => f(r).cocom.falseCallPercent,
        text: percent,
      },
      {
        key: "answer",
        label: "Rata-rata jawab",
        unit: "dtk",
        help: HELP.answer,
        value: (r) => f(r).cocom.averageAnswerSeconds,
        text: seconds,
      },
      {
        key: "within10",
        label: "≤ 10 dtk",
        unit: "%",
        help: HELP.within10,
        value: (r) => f(r).cocom.answeredWithin10sPercent,
        text: percent,
      },
      {
        key: "slowest",
        label: "10% terlama",
        unit: "dtk",
        help: HELP.slowest,
        value: (r) => f(r).cocom.slowest10PercentAverageSeconds,
        text: seconds,
      },
      {
        key: "abandonPercent",
        label: "Ditinggalkan",
        unit: "%",
        help: HELP.abandonPercent,
        value: (r) => f(r).cocom.abandonPercent,
        text: percent,
      },
      {
        key: "escalations",
        label: "Eskalasi",
        help: HELP.escalations,
        value: (r) => escalations(f(r)),
        text: number,
      },
      {
        key: "acks",
        label: "Dikonfirmasi",
        help: HELP.acks,
        value: (r) => f(r).acknowledgement.count,
        text: number,
      },
      {
        key: "ackTime",
        label: "Waktu konfirmasi",
        unit: "dtk",
        help: HELP.ackTime,
        value: (r) => f(r).acknowledgement.averageSeconds,
        text: duration,
      },
    ];
  }

  const text = (key, label, value, extra = {}) => ({ key, label, value, firstDir: "asc", ...extra });

  /** The province table: code, name, figures. */
  const provinceColumns = (measures) => [
    text("code", "Kode", (r) => r.code),
    text("name", "Provinsi", (r) => r.name),
    ...figureColumns(measures),
  ];

  /** The kab/kota table: code, name, province, figures. */
  const tenantColumns = (measures, provinceNames) => [
    text("code", "Kode", (r) => r.code),
    text("name", "Kabupaten/kota", (r) => r.name),
    text("province", "Provinsi", (r) => provinceNames[r.province] || r.province),
    ...figureColumns(measures),
  ];

  /** The daily report: one kab/kota on one local day per row. */
  const dailyColumns = (measures) => [
    text("day", "Tanggal", (r) => r.day),
    text("code", "Kode", (r) => r.code),
    text("name", "Kabupaten/kota", (r) => r.name),
    text("province", "Provinsi", (r) => r.provinceName),
    ...figureColumns(measures),
  ];

  /** Open alerts, one per incident and agency. */
  const alertColumns = (kindLabels) => [
    text("tenant", "Kabupaten/kota", (r) => r.tenantName),
    text("kind", "Jenis instansi", (r) => kindLabels[r.agencyKind] || r.agencyKind),
    text("agency", "Instansi", (r) => r.agency),
    text("incident", "Insiden", (r) => r.incidentId.slice(0, 8), {
      help: "Awal nomor insiden (ContactId) di kab/kota itu.",
    }),
    text("sent", "Eskalasi pertama", (r) => r.firstSentLocal, {
      help: HELP.localTime,
      sortValue: (r) => r.firstSentAt,
    }),
    {
      key: "waiting",
      label: "Menunggu",
      unit: "dtk",
      help: "Lama sejak eskalasi pertama.",
      value: (r) => r.waitingSeconds,
      text: duration,
    },
    { key: "step", label: "Tahap", help: HELP.step, value: (r) => r.step + 1, text: number },
    { key: "round", label: "Putaran", help: HELP.round, value: (r) => r.round + 1, text: number },
    text("status", "Status", (r) => (r.overdue ? "Terlambat" : "Menunggu konfirmasi"), {
      help: HELP.overdue,
    }),
  ];

  /** Open alerts per kab/kota and agency kind. */
  const alertGroupColumns = (kindLabels) => [
    text("tenant", "Kabupaten/kota", (r) => r.tenantName),
    text("kind", "Jenis instansi", (r) => kindLabels[r.agencyKind] || r.agencyKind),
    { key: "open", label: "Belum dikonfirmasi", help: HELP.open, value: (r) => r.open, text: number },
    { key: "overdue", label: "Terlambat", help: HELP.overdue, value: (r) => r.overdue, text: number },
    {
      key: "round",
      label: "Putaran tertinggi",
      help: HELP.round,
      value: (r) => r.highestRound + 1,
      text: number,
    },
    text("oldest", "Tertua sejak", (r) => r.oldestSentLocal, {
      help: HELP.localTime,
      sortValue: (r) => r.oldestSentAt,
    }),
  ];

  globalThis.siaga112Columns = {
    HELP,
    provinceColumns,
    tenantColumns,
    dailyColumns,
    alertColumns,
    alertGroupColumns,
  };
})();
