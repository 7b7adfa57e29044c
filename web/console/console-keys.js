// Keyboard shortcuts of the console ("?" lists them). Plain keys act outside form fields; Alt+key
// everywhere. Uses the console's globals (calls, current, selected, act, select).

const SHORTCUTS = [
  [
    "A",
    "angkat panggilan yang berdering",
    () => {
      const ringing = [...calls.values()].find((c) => c.status === "ringing");
      if (ringing) answerCall(ringing.contactId);
    },
  ],
  [
    "H",
    "tutup telepon",
    () => {
      const live = [...calls.values()].find((c) => c.status === "connected" || c.status === "dialing");
      if (live) hangUpCall(live.contactId);
    },
  ],
  ["J / ↓", "insiden berikutnya", () => step(1)],
  ["K / ↑", "insiden sebelumnya", () => step(-1)],
  ["B", "telepon balik insiden ini", () => current?.callbackDue && callBack(current)],
  ["/", "saring menurut status", () => $("filter-state").focus()],
  ["Alt+K", "klasifikasi: pilih kategori", () => $("category").focus()],
  ["Alt+I", "hasil: iseng", () => outcome("prank")],
  ["Alt+G", "hasil: diam (ghost)", () => outcome("ghost")],
  ["Alt+N", "hasil: permintaan informasi", () => outcome("information")],
  ["Alt+S", "hasil: salah sambung", () => outcome("wrong-number")],
  ["Alt+L", "minta lokasi penelepon (SMS)", () => requestLocation()],
  ["Alt+T", "tutup insiden", () => selected && !$("close").hidden && act(`/incidents/${selected}/close`, {})],
  ["?", "daftar pintasan ini", () => $("help").showModal()],
];

function outcome(value) {
  if (selected && !$("outcomes").hidden) act(`/incidents/${selected}/outcome`, { outcome: value });
}

function step(delta) {
  const index = incidents.findIndex((i) => i.incidentId === selected);
  const next = incidents[Math.min(incidents.length - 1, Math.max(0, index + delta))];
  if (next) select(next.incidentId);
}

// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function setUpShortcuts() {
  $("help-keys").replaceChildren(
    ...SHORTCUTS.flatMap(([key, what]) => [el("dt", {}, key), el("dd", {}, what)]),
  );
  const byKey = new Map();
  for (const [keys, , run] of SHORTCUTS)
    for (const key of keys.split(" / "))
      byKey.set(key.toLowerCase().replace("↓", "arrowdown").replace("↑", "arrowup"), run);
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName);
    const key = event.altKey ? `alt+${event.code.replace("Key", "").toLowerCase()}` : event.key.toLowerCase();
    if ((typing && !event.altKey) || event.ctrlKey || event.metaKey) return;
    const run = byKey.get(key);
    if (!run) return;
    event.preventDefault();
    run();
  });
}
