// Tables of the national dashboard: any column sorts (click its heading), and any table exports
// as CSV exactly as shown (same rows, same order, same columns) with the data attribution the
// licence of the area names requires. Plain browser script: `siaga112Tables`.
//
// A column: { key, label, unit?, help?, value(row) -> number | string | null, text?(value, row),
// sortValue?(row) }. `text` formats what the page shows; the CSV holds `value` (numbers with a dot,
// no units: the unit is in the heading); `sortValue` orders by something else than `value`.

(() => {
  /** ODbL 1.0 asks to keep the attribution with any produced work built on the data. */
  const ATTRIBUTION = [
    "Sumber: Pusat Data Monitoring 112 Nasional (siaga112).",
    "Nama provinsi dan kabupaten/kota: idn-area-data oleh Fityan Nugroho (https://github.com/fityannugroho/idn-area-data), " +
      "data di bawah Open Database License (ODbL) 1.0 (https://opendatacommons.org/licenses/odbl/).",
  ];

  const heading = (c) => (c.unit ? `${c.label} (${c.unit})` : c.label);

  /** Rows in the order of `sort` ({ key, dir: "asc" | "desc" }); missing values last, ties by first column. */
  function sortRows(rows, columns, sort) {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column) return [...rows];
    const sign = sort.dir === "desc" ? -1 : 1;
    const first = columns[0];
    const get = column.sortValue || column.value;
    return [...rows].sort((a, b) => {
      const x = get(a);
      const y = get(b);
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      const order =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "id");
      return sign * order || String(first.value(a)).localeCompare(String(first.value(b)), "id");
    });
  }

  /**
   * Draws a table into `node` (a <table>), sorted by `sort`; a click on a heading calls
   * `onSort({ key, dir })`. Returns the rows in the order shown.
   */
  function renderTable(node, { columns, rows, sort, onSort, empty = "Belum ada data.", rowAttrs }) {
    const shown = sortRows(rows, columns, sort);
    const tr = el("tr");
    for (const c of columns) {
      const active = sort?.key === c.key;
      const th = el("th", {
        scope: "col",
        class: c.firstDir === "asc" ? "text" : "",
        "aria-sort": active ? (sort.dir === "asc" ? "ascending" : "descending") : "none",
      });
      const button = el("button", {
        type: "button",
        class: "sort",
        "data-key": c.key,
        title: c.help || heading(c),
      });
      button.append(document.createTextNode(c.label));
      if (c.unit) button.append(el("span", { class: "unit" }, ` ${c.unit}`));
      button.append(
        el(
          "span",
          { class: "arrow", "aria-hidden": "true" },
          active ? (sort.dir === "asc" ? " ▲" : " ▼") : "",
        ),
      );
      button.addEventListener("click", () =>
        onSort({
          key: c.key,
          dir: active && sort.dir === "desc" ? "asc" : active ? "desc" : c.firstDir || "desc",
        }),
      );
      th.append(button);
      tr.append(th);
    }
    const thead = el("thead");
    thead.append(tr);
    const tbody = el("tbody");
    for (const row of shown) {
      const line = el("tr", rowAttrs ? rowAttrs(row) : {});
      for (const c of columns) {
        const value = c.value(row);
        const cell = el(
          "td",
          { "data-key": c.key, class: c.firstDir === "asc" ? "text" : "" },
          c.text ? c.text(value, row) : value === null ? "–" : String(value),
        );
        if (typeof value === "number") cell.setAttribute("data-value", String(value));
        line.append(cell);
      }
      tbody.append(line);
    }
    if (shown.length === 0) {
      const line = el("tr");
      line.append(el("td", { colspan: String(columns.length), class: "empty" }, empty));
      tbody.append(line);
    }
    node.replaceChildren(thead, tbody);
    return shown;
  }

  function csvCell(value) {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  /** CSV text (UTF-8 with BOM for spreadsheets): `#` lines naming the view and the attribution, then the table. */
  function toCsv({ title, columns, rows }) {
    const lines = [
      // Comment lines stay unquoted so readers that skip "#" lines (pandas, R) skip them whole.
      ...[title, ...ATTRIBUTION].map((line) => `# ${line.replace(/[\r\n]+/g, " ")}`),
      columns.map((c) => csvCell(heading(c))).join(","),
      ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(",")),
    ];
    return `\ufeff${lines.join("\r\n")}\r\n`;
  }

  /** Lets the browser save `text` as `filename`. */
  function download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const link = el("a", { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  globalThis.siaga112Tables = { ATTRIBUTION, sortRows, renderTable, toCsv, download };
})();
