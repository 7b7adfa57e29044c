// The cards and charts of the national dashboard, drawn from one `api/dashboard` answer. Plain
// browser script: `siaga112Panels` (dashboard.js calls it on every refresh).

(() => {
  const OUTCOME_LABELS = {
    genuine: "Darurat nyata",
    prank: "Iseng",
    ghost: "Diam (ghost)",
    information: "Permintaan informasi",
    "wrong-number": "Salah sambung",
  };
  const { number, percent, seconds, duration } = siaga112Format;
  const { drawBars, drawAgencies, drawColumns, breakdownTitle } = siaga112Charts;
  const C = siaga112Columns;

  function renderCards(body) {
    const n = body.national;
    const alerts = body.alerts.alerts;
    const overdue = alerts.filter((a) => a.overdue).length;
    const escalations = n.agencies.reduce((s, a) => s + a.escalations, 0);
    const noAnswer =
      n.calls > 0 && n.answered + n.abandoned === 0 ? "belum ada data waktu jawab dari pusat kontak" : "";
    const cards = [
      ["calls", "Panggilan", number(n.calls), "semua panggilan masuk", C.HELP.calls],
      ["genuine", "Darurat nyata", number(n.outcomes.genuine), "", C.HELP.genuine],
      [
        "abandon",
        "Ditinggalkan penelepon",
        number(n.abandoned),
        n.calls ? `${percent(n.cocom.abandonPercent)} dari panggilan; menutup sebelum dijawab` : "",
        C.HELP.abandoned,
      ],
      body.measures.overflow
        ? [
            "overflow",
            "Dialihkan ke pusat cadangan",
            number(n.overflowed),
            "antrean penuh, tutup atau terganggu",
            C.HELP.overflowed,
          ]
        : [
            "overflow",
            "Dialihkan ke pusat cadangan",
            "–",
            "belum terukur di cloud",
            C.HELP.overflowUnmeasured,
          ],
      [
        "false",
        "Panggilan palsu",
        percent(n.cocom.falseCallPercent),
        "iseng + diam + salah sambung",
        C.HELP.falseCalls,
      ],
      ["answer", "Rata-rata waktu jawab", seconds(n.cocom.averageAnswerSeconds), noAnswer, C.HELP.answer],
      [
        "within10",
        "Dijawab ≤ 10 detik",
        percent(n.cocom.answeredWithin10sPercent),
        noAnswer || "target NFPA 1225: 90%",
        C.HELP.within10,
        target(n.cocom.answeredWithin10sPercent, 90),
      ],
      [
        "slowest",
        "Rata-rata 10% terlama",
        seconds(n.cocom.slowest10PercentAverageSeconds),
        noAnswer || "tunggu 10% penelepon yang paling lama",
        C.HELP.slowest,
      ],
      ["escalations", "Eskalasi ke instansi", number(escalations), "", C.HELP.escalations],
      ["acks", "Dikonfirmasi instansi", number(n.acknowledgement.count), "", C.HELP.acks],
      [
        "open",
        "Belum dikonfirmasi",
        number(alerts.length),
        overdue ? `${number(overdue)} terlambat` : "saat ini",
        C.HELP.open,
        overdue ? "target-missed" : "",
      ],
      [
        "ack-time",
        "Rata-rata waktu konfirmasi",
        duration(n.acknowledgement.averageSeconds),
        "",
        C.HELP.ackTime,
      ],
    ];
    drawCards($("cards"), cards);
  }

  /** Cards of figures: [key, name, value, hint, help, class] each (the city page draws its own). */
  function drawCards(container, cards) {
    container.replaceChildren(
      ...cards.map(([key, name, value, hint, help, cls]) => {
        const card = el("div", { class: `card ${cls || ""}`, "data-testid": `card-${key}`, title: help });
        card.append(el("div", { class: "name" }, name), el("div", { class: "value" }, value));
        if (hint) card.append(el("div", { class: "hint" }, hint));
        return card;
      }),
    );
  }

  function target(value, goal) {
    if (value === null) return "";
    return value >= goal ? "target-met" : "target-missed";
  }

  function renderCharts(body, view) {
    const series = body.series;
    const quarter = series.grain === "quarter";
    const hourOf = (slot) => (slot.length > 13 ? slot.slice(11, 16) : `${slot.slice(11, 13)}:00`);
    $("series-title").textContent = quarter ? "Panggilan per 15 menit, hari ini" : "Panggilan per jam";
    const cut = !quarter && series.from > body.filter.from ? " (7 hari terakhir dari rentang)" : "";
    $("series-caption").textContent = quarter
      ? `${series.from}, jam setempat`
      : `${series.from} s.d. ${series.to}, jam setempat${cut}`;
    for (const b of document.querySelectorAll("[data-grain]"))
      b.setAttribute("aria-pressed", String(b.dataset.grain === view.grain));
    // Ticks on whole hours of the day (every 1, 2, 3, 6, 12 or 24 hours), few enough to read.
    const perHour = quarter ? 4 : 1;
    const most = window.innerWidth < 600 ? 6 : 12;
    const stride =
      [1, 2, 3, 6, 12, 24].map((h) => h * perHour).find((s) => series.points.length / s <= most) ??
      24 * perHour;
    const multiDay = !quarter && series.from !== series.to;
    drawColumns($("chart-series"), series.points, {
      key: "slot",
      unit: quarter ? "15 menit" : "jam",
      // Over several days a midnight tick names the day, other ticks the hour.
      label: (p, i) =>
        i % stride !== 0
          ? undefined
          : multiDay && hourOf(p.slot) === "00:00"
            ? `${p.slot.slice(8, 10)}/${p.slot.slice(5, 7)}`
            : hourOf(p.slot),
      title: (p) => breakdownTitle(`${p.slot.slice(0, 10)} ${hourOf(p.slot)}`, p),
    });
    const days = body.days;
    drawColumns($("chart-days"), days, {
      key: "day",
      unit: "hari",
      label: (d, i) =>
        days.length <= 31 || i % Math.ceil(days.length / 15) === 0 ? d.day.slice(5) : undefined,
      title: (d) => breakdownTitle(d.day, d),
    });
    const n = body.national;
    drawBars($("chart-outcomes"), [
      ...Object.keys(OUTCOME_LABELS).map((o) => ({
        label: OUTCOME_LABELS[o],
        value: n.outcomes[o],
        color: o === "genuine" ? "var(--genuine)" : "var(--false)",
      })),
      {
        label: "Ditinggalkan penelepon",
        value: n.abandoned,
        color: "var(--abandoned)",
        title: C.HELP.abandoned,
      },
      ...(body.measures.overflow
        ? [
            {
              label: "Dialihkan ke pusat cadangan",
              value: n.overflowed,
              color: "var(--overflowed)",
              title: C.HELP.overflowed,
            },
          ]
        : []),
    ]);
    drawBars(
      $("chart-categories"),
      Object.entries(n.categories)
        .filter(([, v]) => v > 0)
        .map(([c, v]) => ({ label: body.labels.categories[c] || c, value: v, color: "var(--genuine)" })),
    );
    drawAgencies($("chart-agencies"), n.agencies, body.labels.agencyKinds);
    drawBars(
      $("chart-ack"),
      n.acknowledgement.buckets.map((b) => ({ label: b.label, value: b.count, color: "var(--ack)" })),
    );
  }

  globalThis.siaga112Panels = { renderCards, renderCharts, drawCards, target };
})();
