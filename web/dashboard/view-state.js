// What the dashboard shows (filters, chart grain, the order of each table), kept in the page's URL
// so a link shows a colleague the same view. Plain browser script: `siaga112ViewState`.
//
// URL parameters: province, tenant, from, to (YYYY-MM-DD), grain (hour | quarter), and per table
// sort_<table>=<column>.<asc|desc>, e.g. ?province=71&sort_tenants=calls.desc

(() => {
  const TABLES = ["provinces", "tenants", "alerts", "alert-groups"];
  const DEFAULT_SORT = {
    provinces: { key: "calls", dir: "desc" },
    tenants: { key: "calls", dir: "desc" },
    alerts: { key: "sent", dir: "asc" },
    "alert-groups": { key: "overdue", dir: "desc" },
  };

  function parseSort(text, fallback) {
    const match = /^([a-zA-Z]+)\.(asc|desc)$/.exec(text || "");
    return match ? { key: match[1], dir: match[2] } : fallback;
  }

  /** The view named by a query string. */
  function read(search) {
    const q = new URLSearchParams(search);
    const sort = {};
    for (const t of TABLES) sort[t] = parseSort(q.get(`sort_${t}`), DEFAULT_SORT[t]);
    return {
      province: q.get("province") || "",
      tenant: q.get("tenant") || "",
      from: q.get("from") || "",
      to: q.get("to") || "",
      grain: q.get("grain") === "quarter" ? "quarter" : "hour",
      sort,
    };
  }

  /** The query string of a view (defaults left out, so links stay short). */
  function write(view) {
    const q = new URLSearchParams();
    for (const name of ["province", "tenant", "from", "to"]) if (view[name]) q.set(name, view[name]);
    if (view.grain !== "hour") q.set("grain", view.grain);
    for (const t of TABLES) {
      const s = view.sort[t];
      const d = DEFAULT_SORT[t];
      if (s && (s.key !== d.key || s.dir !== d.dir)) q.set(`sort_${t}`, `${s.key}.${s.dir}`);
    }
    const text = q.toString();
    return text ? `?${text}` : "";
  }

  /** The API's parameters of a view: the filter and the grain. */
  function apiQuery(view) {
    const q = new URLSearchParams();
    for (const name of ["province", "tenant", "from", "to"]) if (view[name]) q.set(name, view[name]);
    q.set("grain", view.grain);
    return q.toString();
  }

  /** Why a date range cannot be shown, in plain words, or "" when it can. */
  function rangeProblem(from, to) {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if ((from && !day.test(from)) || (to && !day.test(to)))
      return "Tanggal tidak lengkap atau tidak valid: isi tanggal dengan lengkap (hari, bulan, tahun).";
    if (from && to && from > to)
      return `Rentang tanggal tidak valid: "Dari tanggal" (${from}) jatuh sesudah "Sampai tanggal" (${to}).`;
    if (from && to && (Date.parse(to) - Date.parse(from)) / 86_400_000 >= 366)
      return "Rentang tanggal terlalu panjang: pilih paling lama 366 hari.";
    return "";
  }

  globalThis.siaga112ViewState = { TABLES, read, write, apiQuery, rangeProblem };
})();
