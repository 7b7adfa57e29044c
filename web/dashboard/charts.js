// Charts and number formats of the national dashboard: inline SVG, no library, no CDN.
// Plain browser script: dashboard.js takes them from `siaga112Charts`.

(() => {
  const svgNs = "http://www.w3.org/2000/svg";

  function svg(tag, attrs = {}, text) {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  const number = (n) => (n === null || n === undefined ? "–" : n.toLocaleString("id-ID"));
  function duration(seconds) {
    if (seconds === null) return "–";
    if (seconds < 90) return `${Math.round(seconds)} dtk`;
    return `${(seconds / 60).toLocaleString("id-ID", { maximumFractionDigits: 1 })} mnt`;
  }

  function empty(container) {
    container.replaceChildren(el("div", { class: "empty" }, "Belum ada data untuk filter ini."));
  }

  /** Horizontal bars with their value, one row per item. */
  function drawBars(container, items) {
    if (items.every((i) => !i.value)) return empty(container);
    const row = 22;
    const labelW = 160;
    const width = 380;
    const max = Math.max(...items.map((i) => i.value), 1);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${items.length * row + 4}`, role: "img" });
    items.forEach((item, i) => {
      const y = i * row + 2;
      const w = ((width - labelW - 60) * item.value) / max;
      chart.append(svg("text", { x: 0, y: y + 15 }, item.label));
      chart.append(
        svg("rect", {
          x: labelW,
          y: y + 3,
          width: Math.max(w, item.value ? 2 : 0),
          height: row - 8,
          rx: 3,
          fill: item.color,
        }),
      );
      chart.append(svg("text", { x: labelW + w + 6, y: y + 15, class: "value" }, number(item.value)));
    });
    container.replaceChildren(chart);
  }

  /** Grouped bars: escalations sent and acknowledged per agency kind, with the average time. */
  function drawAgencies(container, agencies, labels) {
    if (agencies.length === 0) return empty(container);
    const row = 34;
    const labelW = 160;
    const width = 380;
    const max = Math.max(...agencies.map((a) => Math.max(a.escalations, a.acknowledgements)), 1);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${agencies.length * row + 4}`, role: "img" });
    agencies.forEach((a, i) => {
      const y = i * row + 2;
      const scale = (v) => ((width - labelW - 40) * v) / max;
      chart.append(svg("text", { x: 0, y: y + 13 }, labels[a.kind] || a.kind));
      chart.append(svg("text", { x: 0, y: y + 26 }, `rata-rata ${duration(a.averageSecondsToAcknowledge)}`));
      chart.append(
        svg("rect", {
          x: labelW,
          y: y + 3,
          width: Math.max(scale(a.escalations), 2),
          height: 12,
          rx: 2,
          fill: "var(--sent)",
        }),
      );
      chart.append(
        svg(
          "text",
          { x: labelW + scale(a.escalations) + 6, y: y + 13, class: "value" },
          number(a.escalations),
        ),
      );
      chart.append(
        svg("rect", {
          x: labelW,
          y: y + 17,
          width: Math.max(scale(a.acknowledgements), a.acknowledgements ? 2 : 0),
          height: 12,
          rx: 2,
          fill: "var(--ack)",
        }),
      );
      chart.append(
        svg(
          "text",
          { x: labelW + scale(a.acknowledgements) + 6, y: y + 27, class: "value" },
          number(a.acknowledgements),
        ),
      );
    });
    container.replaceChildren(chart);
  }

  /** Stacked columns per day: genuine, false and other calls. */
  function drawDays(container, days) {
    if (days.length === 0) return empty(container);
    const width = 1000;
    const height = 180;
    const bottom = 20;
    const max = Math.max(...days.map((d) => d.calls), 1);
    const step = width / days.length;
    const barW = Math.max(Math.min(step * 0.7, 40), 2);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height + bottom}`, role: "img" });
    const scale = (v) => ((height - 14) * v) / max;
    days.forEach((d, i) => {
      const x = i * step + (step - barW) / 2;
      const other = d.calls - d.genuine - d.falseCalls;
      let y = height;
      for (const [value, color] of [
        [d.genuine, "var(--genuine)"],
        [d.falseCalls, "var(--false)"],
        [Math.max(other, 0), "var(--other)"],
      ]) {
        const h = scale(value);
        y -= h;
        if (h > 0) chart.append(svg("rect", { x, y, width: barW, height: h, fill: color }));
      }
      const title = svg(
        "title",
        {},
        `${d.day}: ${d.calls} panggilan, ${d.genuine} darurat nyata, ${d.falseCalls} palsu`,
      );
      const hit = svg("rect", { x: i * step, y: 0, width: step, height, fill: "transparent" });
      hit.append(title);
      chart.append(hit);
      if (days.length <= 31 || i % Math.ceil(days.length / 15) === 0)
        chart.append(
          svg("text", { x: x + barW / 2, y: height + 14, "text-anchor": "middle" }, d.day.slice(5)),
        );
    });
    chart.append(svg("text", { x: 2, y: 10 }, `maks ${number(max)} panggilan/hari`));
    container.replaceChildren(chart);
  }

  globalThis.siaga112Charts = { number, duration, drawBars, drawAgencies, drawDays };
})();
