// Number formats of the national dashboard (Bahasa Indonesia: 1.234 and 12,5). Plain browser
// script: the page scripts take them from `siaga112Format`. A missing figure is "–", never 0.

(() => {
  const missing = (n) => n === null || n === undefined;
  const number = (n) => (missing(n) ? "–" : n.toLocaleString("id-ID"));
  const percent = (n) => (missing(n) ? "–" : `${n.toLocaleString("id-ID")}%`);
  const seconds = (n) => (missing(n) ? "–" : `${n.toLocaleString("id-ID")} dtk`);
  function duration(s) {
    if (missing(s)) return "–";
    if (s < 90) return `${Math.round(s)} dtk`;
    if (s < 90 * 60) return `${(s / 60).toLocaleString("id-ID", { maximumFractionDigits: 1 })} mnt`;
    return `${(s / 3600).toLocaleString("id-ID", { maximumFractionDigits: 1 })} jam`;
  }
  globalThis.siaga112Format = { number, percent, seconds, duration };
})();
