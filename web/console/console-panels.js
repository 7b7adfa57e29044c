// The console's side panels: alerts waiting for konfirmasi per agency (with round, step and
// "terlambat"), and the call-back list.

// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function renderOpenAlerts(agencies) {
  const blocks = agencies.map((agency) => {
    const block = el("div", { class: "agency", "data-agency": agency.agencyId });
    block.append(el("h3", {}, agency.name));
    const list = el("ul", { class: "alerts" });
    for (const alert of agency.alerts) {
      const li = el("li", { "data-testid": "open-alert", "data-short-code": alert.shortCode ?? "" });
      const since = alert.firstAlertAt ? `sejak ${ageText(alert.firstAlertAt, nowMs)}` : "belum terkirim";
      li.append(
        el("strong", {}, `#${alert.shortCode ?? "?"}`),
        document.createTextNode(` putaran ${alert.round + 1}, tahap ${alert.step + 1} · ${since} `),
      );
      if (alert.overdue) li.append(el("span", { class: "badge red", "data-testid": "overdue" }, "terlambat"));
      li.addEventListener("click", () => select(alert.incidentId));
      list.append(li);
    }
    if (agency.more) list.append(el("li", { class: "muted" }, "dan lainnya…"));
    block.append(list);
    return block;
  });
  if (blocks.length === 0)
    blocks.push(el("p", { class: "muted" }, "Semua eskalasi sudah dikonfirmasi instansi."));
  $("open-alerts").replaceChildren(...blocks);
}

// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function renderCallBacks(list) {
  const items = list.map((incident) => {
    const li = el("li", { "data-testid": "callback-item", "data-short-code": incident.shortCode });
    const info = el("span", {});
    info.append(
      el("span", { class: "code" }, `#${incident.shortCode}`),
      document.createTextNode(
        ` ${incident.callerNumber} · ${labels().states[incident.state]} · ${ageText(incident.receivedAt, nowMs)}`,
      ),
    );
    const attempts = (incident.callbacks ?? []).length;
    if (attempts > 0) info.append(el("span", { class: "muted" }, ` · ${attempts}× dicoba`));
    const button = el(
      "button",
      { type: "button", class: "secondary", "data-testid": "callback-dial" },
      "Telepon balik",
    );
    button.disabled = !may("handle");
    button.addEventListener("click", async () => {
      await select(incident.incidentId);
      await callBack(incident);
    });
    li.append(info, button);
    return li;
  });
  if (items.length === 0) items.push(el("li", { class: "muted" }, "Tidak ada yang perlu ditelepon balik."));
  $("callbacks").replaceChildren(...items);
}
