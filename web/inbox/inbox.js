// The local agency inbox: polls the centre for SMS and e-mail sent to agencies (and location SMS to callers).

let last = 0;
let all = [];
let zones = {};

async function init() {
  const info = await (await fetch("/local/tenants")).json();
  zones = Object.fromEntries(info.tenants.map((t) => [t.code, t]));
  for (const t of info.tenants) $("tenant").append(el("option", { value: t.code }, `${t.code} ${t.name}`));
  const wanted = new URLSearchParams(location.search).get("tenant");
  if (wanted) $("tenant").value = wanted;
  $("tenant").addEventListener("change", render);
  $("channel").addEventListener("change", render);
  await poll();
  setInterval(poll, 2000);
}

async function poll() {
  const response = await fetch(`/local/inbox?after=${last}`, { cache: "no-store" });
  const { messages } = await response.json();
  if (messages.length === 0) return;
  last = messages[messages.length - 1].seq;
  all = all.concat(messages).slice(-2000);
  render();
}

/** The text with its links made clickable (built with DOM nodes, never innerHTML). */
function withLinks(text, testId) {
  const out = el("div", { class: "text" });
  let rest = text;
  const pattern = /https?:\/\/[^\s<>"')]+/;
  for (let m = pattern.exec(rest); m; m = pattern.exec(rest)) {
    out.append(document.createTextNode(rest.slice(0, m.index)));
    out.append(el("a", { href: m[0], class: "ack", "data-testid": testId }, m[0]));
    rest = rest.slice(m.index + m[0].length);
  }
  out.append(document.createTextNode(rest));
  return out;
}

function render() {
  const tenant = $("tenant").value;
  const channel = $("channel").value;
  const shown = all
    .filter((m) => (!tenant || m.tenant === tenant) && (!channel || m.channel === channel))
    .slice(-300)
    .reverse();
  $("count").textContent = `${shown.length} pesan`;
  $("messages").replaceChildren(
    ...shown.map((m) => {
      const item = el("li", {
        class: `message ${m.channel}`,
        "data-testid": "message",
        "data-agency": m.agencyId ?? "",
        "data-recipient": m.recipient,
        "data-to": m.to,
      });
      const caller = m.recipient === "caller";
      const head = el("div", { class: "head" });
      head.append(
        el("strong", {}, m.channel === "sms" ? `SMS ke ${m.to}` : `E-mail ke ${m.to}`),
        el("span", {}, caller ? "Penelepon (Minta lokasi)" : `${m.agencyName} — ${m.contactName}`),
        el("span", {}, `${m.tenantName}`),
        el(
          "span",
          {},
          `${new Date(m.at).toLocaleString("id-ID", { timeZone: zones[m.tenant]?.timeZone })} ${zones[m.tenant]?.zone ?? ""}`,
        ),
      );
      item.append(head);
      // Every message carries the contact's duty board: all open alerts of the agency, each with its buttons.
      if (m.boardLink) {
        item.append(
          el("a", { href: m.boardLink, class: "board", "data-testid": "board-link" }, "Buka papan tugas"),
        );
      }
      if (m.subject) item.append(el("div", { class: "subject" }, m.subject));
      item.append(withLinks(m.text, caller ? "location-link" : "ack-link"));
      return item;
    }),
  );
}

init();
