// The console's incident list: counts per state, filters, a page of incidents with its flags,
// how the call went and open alerts, and "Muat lebih banyak" to follow the API's cursor.

/** "3 mnt", "2 jam 5 mnt": how long ago, from two instants. */
function ageText(fromIso, nowMs) {
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(fromIso)) / 60_000));
  if (minutes < 1) return "baru saja";
  if (minutes < 60) return `${minutes} mnt`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} jam ${minutes % 60} mnt` : `${Math.floor(hours / 24)} hari`;
}

/** The caller flags of an incident as badges (glossary words). */
function flagBadges(incident) {
  const badges = [];
  if (incident.repeatCaller)
    badges.push(el("span", { class: "badge", "data-flag": "repeat" }, "penelepon berulang"));
  if (incident.suspectedPrank)
    badges.push(el("span", { class: "badge warn", "data-flag": "prank" }, "dugaan iseng"));
  if (incident.noNumber) badges.push(el("span", { class: "badge", "data-flag": "no-number" }, "tanpa nomor"));
  return badges;
}

/** How the call went, in the glossary's words. */
function callResultText(incident, labels) {
  if (incident.answeredAt) return labels.callResults.answered;
  if (incident.abandonedAt) return labels.callResults.abandoned;
  if (incident.overflowedAt) return labels.callResults.overflowed;
  return "dalam antrean";
}

/** Fills the filter selects once (every option's value is what the API accepts). */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function fillFilters(labels, everyDesk) {
  const options = (select, entries) =>
    select.replaceChildren(
      el("option", { value: "" }, "semua"),
      ...entries.map(([v, l]) => el("option", { value: v }, l)),
    );
  options($("filter-state"), Object.entries(labels.states));
  options($("filter-category"), Object.entries(labels.categories));
  options($("filter-flag"), [
    ["repeat", "penelepon berulang"],
    ["prank", "dugaan iseng"],
    ["no-number", "tanpa nomor"],
  ]);
  options($("filter-call"), [...Object.entries(labels.callResults), ["pending", "dalam antrean"]]);
  $("filter-desk").replaceChildren(
    el("option", { value: "mine" }, "meja saya dan yang belum diambil"),
    ...(everyDesk ? [el("option", { value: "all" }, "semua meja")] : []),
  );
  $("filter-desk").value = everyDesk ? "all" : "mine";
}

/** The query string of the filters chosen. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function filterQuery() {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData($("filters"))) if (value) query.set(name, value);
  return query;
}

/** Counts per state; a click filters on that state. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function renderCounts(counts, labels, onPick) {
  const items = Object.entries(counts.byState)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => {
      const button = el("button", { type: "button", class: "secondary count", "data-state": state });
      button.append(
        el("strong", {}, String(n)),
        document.createTextNode(` ${labels.states[state] ?? state}`),
      );
      button.addEventListener("click", () => onPick(state));
      return el("li", {}, undefined).appendChild(button).parentNode;
    });
  $("counts").replaceChildren(
    el("li", { class: "muted", "data-testid": "count-total" }, `${counts.total} hari ini`),
    ...items,
  );
}

/**
 * The incident list. `openAlerts` maps an incident id to its count of alerts waiting for
 * konfirmasi; `fresh` holds ids to highlight (new since the last look).
 */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function renderIncidentList(incidents, view) {
  const { labels, selected, openAlerts, fresh, nowMs, time, onSelect } = view;
  const items = incidents.map((incident) => {
    const button = el("button", {
      type: "button",
      "data-testid": "incident",
      "data-short-code": incident.shortCode,
      "data-incident-id": incident.incidentId,
      class: [
        incident.incidentId === selected ? "selected" : "",
        fresh.has(incident.incidentId) ? "fresh" : "",
      ]
        .join(" ")
        .trim(),
    });
    const head = el("span", { class: "head" });
    head.append(
      el("span", { class: "code" }, `#${incident.shortCode}`),
      el("span", { class: "muted", title: time(incident.receivedAt) }, ageText(incident.receivedAt, nowMs)),
    );
    const stateClass = ["received", "abandoned"].includes(incident.state)
      ? "red"
      : incident.state === "closed"
        ? ""
        : "ok";
    const tags = el("span", { class: "tags" });
    tags.append(
      el(
        "span",
        { class: `badge ${stateClass}`, "data-testid": "state" },
        labels.states[incident.state] || incident.state,
      ),
      ...(incident.category ? [el("span", { class: "badge" }, labels.categories[incident.category])] : []),
      el("span", { class: "badge plain", "data-testid": "call-result" }, callResultText(incident, labels)),
      ...flagBadges(incident),
    );
    const alerts = openAlerts.get(incident.incidentId) ?? 0;
    if (alerts > 0)
      tags.append(
        el(
          "span",
          { class: "badge warn", "data-testid": "open-alerts-count" },
          `${alerts} menunggu konfirmasi`,
        ),
      );
    if (incident.assignee) tags.append(el("span", { class: "badge plain" }, `meja ${incident.assignee}`));
    button.append(head, tags);
    button.addEventListener("click", () => onSelect(incident.incidentId));
    return el("li", {}, undefined).appendChild(button).parentNode;
  });
  if (items.length === 0)
    items.push(
      el(
        "li",
        { class: "muted" },
        "Belum ada insiden yang cocok. Telepon dengan: npm run siaga112 -- call <kode>",
      ),
    );
  $("incidents").replaceChildren(...items);
}
