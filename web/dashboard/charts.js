// Charts of the national dashboard: inline SVG, no library, no CDN. Plain browser script:
// dashboard.js takes them from `siaga112Charts`; numbers come from format.js.

(() => {
  const svgNs = "http://www.w3.org/2000/svg";
  const { number, duration } = siaga112Format;

  function svg(tag, attrs = {}, text) {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function empty(container) {
    container.replaceChildren(el("div", { class: "empty" }, "Belum ada data untuk filter ini."));
  }

  /** The parts of a call breakdown, bottom to top, with their colour and name. */
  const PARTS = [
    ["genuine", "var(--genuine)", "darurat nyata"],
    ["falseCalls", "var(--false)", "palsu"],
    ["information", "var(--info)", "informasi"],
    ["abandoned", "var(--abandoned)", "ditinggalkan penelepon"],
    ["overflowed", "var(--overflowed)", "dialihkan ke pusat cadangan"],
    ["other", "var(--other)", "belum ada hasil"],
  ];

  /** Horizontal bars with their value, one row per item. */
  function drawBars(container, items) {
    if (items.every((i) => !i.value)) return empty(container);
    const row = 22;
    const labelW = 170;
    const width = 380;
    const max = Math.max(...items.map((i) => i.value), 1);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${items.length * row + 4}`, role: "img" });
    items.forEach((item, i) => {
      const y = i * row + 2;
      const w = ((width - labelW - 60) * item.value) / max;
      chart.append(svg("text", { x: 0, y: y + 15 }, item.label));
      const bar = svg("rect", {
        x: labelW,
        y: y + 3,
        width: Math.max(w, item.value ? 2 : 0),
        height: row - 8,
        rx: 3,
        fill: item.color,
      });
      if (item.title) bar.append(svg("title", {}, item.title));
      chart.append(bar);
      chart.append(svg("text", { x: labelW + w + 6, y: y + 15, class: "value" }, number(item.value)));
    });
    container.replaceChildren(chart);
  }

  /** Grouped bars: escalations sent and acknowledged per agency kind, with the average time. */
  function drawAgencies(container, agencies, labels) {
    if (agencies.length === 0) return empty(container);
    const row = 34;
    const labelW = 170;
    const width = 380;
    const max = Math.max(...agencies.map((a) => Math.max(a.escalations, a.acknowledgements)), 1);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${agencies.length * row + 4}`, role: "img" });
    const scale = (v) => ((width - labelW - 40) * v) / max;
    agencies.forEach((a, i) => {
      const y = i * row + 2;
      chart.append(svg("text", { x: 0, y: y + 13 }, labels[a.kind] || a.kind));
      chart.append(svg("text", { x: 0, y: y + 26 }, `rata-rata ${duration(a.averageSecondsToAcknowledge)}`));
      for (const [value, dy, fill] of [
        [a.escalations, 3, "var(--sent)"],
        [a.acknowledgements, 17, "var(--ack)"],
      ]) {
        chart.append(
          svg("rect", {
            x: labelW,
            y: y + dy,
            width: Math.max(scale(value), value ? 2 : 0),
            height: 12,
            rx: 2,
            fill,
          }),
        );
        chart.append(
          svg("text", { x: labelW + scale(value) + 6, y: y + dy + 10, class: "value" }, number(value)),
        );
      }
    });
    container.replaceChildren(chart);
  }

  /**
   * Stacked columns of the call breakdown, one per point (a day, an hour or a quarter-hour).
   * `label(point, i)` names a column's tick (or undefined for none), `title(point)` its tooltip.
   */
  function drawColumns(container, points, { key, label, title, unit }) {
    if (points.every((p) => !p.calls)) return empty(container);
    const width = 1000;
    const height = 190;
    const bottom = 34;
    const max = Math.max(...points.map((p) => p.calls), 1);
    const step = width / points.length;
    const barW = Math.max(Math.min(step * 0.75, 40), 1);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height + bottom}`, role: "img", class: "columns" });
    const scale = (v) => ((height - 32) * v) / max;
    points.forEach((p, i) => {
      const x = i * step + (step - barW) / 2;
      const column = svg("g", { "data-slot": p[key], "data-calls": p.calls, class: "column" });
      let y = height;
      for (const [part, color] of PARTS) {
        const h = scale(p[part] || 0);
        y -= h;
        if (h > 0) column.append(svg("rect", { x, y, width: barW, height: h, fill: color }));
      }
      const hit = svg("rect", { x: i * step, y: 0, width: step, height, fill: "transparent" });
      hit.append(svg("title", {}, title(p)));
      column.append(hit);
      chart.append(column);
      const tick = label(p, i);
      const anchor = i === 0 ? "start" : "middle";
      if (tick)
        chart.append(
          svg("text", { x: i === 0 ? x : x + barW / 2, y: height + 26, "text-anchor": anchor }, tick),
        );
    });
    chart.append(svg("text", { x: 2, y: 22 }, `maks ${number(max)} panggilan/${unit}`));
    container.replaceChildren(chart);
  }

  /** The tooltip of a column: its calls and where they went. */
  function breakdownTitle(name, p) {
    const parts = PARTS.filter(([part]) => p[part] > 0).map(
      ([part, , label]) => `${number(p[part])} ${label}`,
    );
    return `${name}: ${number(p.calls)} panggilan${parts.length ? ` (${parts.join(", ")})` : ""}`;
  }

  globalThis.siaga112Charts = { PARTS, drawBars, drawAgencies, drawColumns, breakdownTitle };
})();
