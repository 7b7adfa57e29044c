// The local phone panel: the local centre's phone desk (local/phone-desk.ts), polled about once a
// second over /local/phone/* with the local key. Implements the PhonePanel of phone-panel.js.

/**
 * @param config { tenant, apiKey, headers(): extra headers (who uses the console), pollMs? }
 */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function createLocalPhonePanel(config) {
  const events = phoneEvents();
  const calls = new Map(); // contactId -> what we know of the call
  const mine = new Set(); // calls answered or dialled here
  let after = 0;
  let timer;
  let started = false;

  async function post(path, body) {
    const response = await fetch(`/local/phone/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-siaga112-key": config.apiKey, ...config.headers() },
      body: JSON.stringify({ tenant: config.tenant, ...body }),
    });
    const value = await response.json();
    if (!response.ok)
      throw Object.assign(new Error(value.error || `HTTP ${response.status}`), { status: response.status });
    return value;
  }

  function handle(event, replay) {
    const known = calls.get(event.contactId) ?? {};
    switch (event.type) {
      case "ringing": {
        const call = {
          contactId: event.contactId,
          incidentId: event.incidentId,
          shortCode: event.shortCode,
          callerNumber: event.callerNumber,
          repeatCaller: isTrue(event.repeatCaller),
          suspectedPrank: isTrue(event.suspectedPrank),
          simulated: event.simulated,
          direction: "inbound",
        };
        calls.set(event.contactId, call);
        if (!replay) events.emit("incoming", call);
        return;
      }
      case "answered":
        if (mine.has(event.contactId)) return; // we emitted "connected" when our answer went through
        calls.set(event.contactId, { ...known, takenBy: event.by });
        if (!replay) events.emit("taken", { contactId: event.contactId, by: event.by });
        return;
      case "dialing":
        calls.set(event.contactId, {
          contactId: event.contactId,
          incidentId: event.incidentId,
          direction: "callback",
        });
        return;
      case "connected":
        calls.set(event.contactId, { ...known, connectedAt: Date.parse(event.at) });
        if (!replay && mine.has(event.contactId))
          events.emit("connected", {
            contactId: event.contactId,
            incidentId: event.incidentId,
            direction: "callback",
          });
        return;
      case "ended": {
        calls.delete(event.contactId);
        if (replay) return;
        const talkSeconds = known.connectedAt
          ? Math.round((Date.parse(event.at) - known.connectedAt) / 1000)
          : undefined;
        const reason = known.direction === "callback" && !known.connectedAt ? "no-answer" : event.reason;
        events.emit("ended", {
          contactId: event.contactId,
          incidentId: known.incidentId,
          direction: known.direction ?? "inbound",
          reason,
          ...(talkSeconds !== undefined ? { talkSeconds } : {}),
        });
        mine.delete(event.contactId);
        return;
      }
    }
  }

  async function poll() {
    try {
      const response = await fetch(
        `/local/phone/events?tenant=${encodeURIComponent(config.tenant)}&after=${after}`,
        {
          headers: { "x-siaga112-key": config.apiKey, ...config.headers() },
        },
      );
      if (response.ok) {
        const { events: list, last } = await response.json();
        // The first poll replays what happened before the console opened: only calls still ringing count.
        for (const event of list) handle(event, !started);
        if (!started) {
          started = true;
          for (const call of calls.values())
            if (call.direction === "inbound" && !call.takenBy && !call.simulated)
              events.emit("incoming", call);
        }
        after = Math.max(after, last);
      }
    } finally {
      timer = setTimeout(poll, config.pollMs ?? 800);
    }
  }

  return {
    kind: "local",
    on: events.on,
    async start() {
      await poll();
    },
    stop() {
      clearTimeout(timer);
    },
    async answer(contactId) {
      mine.add(contactId);
      try {
        await post("answer", { contactId });
      } catch (error) {
        mine.delete(contactId);
        throw error;
      }
      const call = calls.get(contactId) ?? { contactId };
      events.emit("connected", {
        contactId,
        incidentId: call.incidentId,
        shortCode: call.shortCode,
        direction: "inbound",
      });
    },
    async hangUp(contactId) {
      await post("hangup", { contactId });
    },
    async callBack({ number, incidentId }) {
      const { contactId } = await post("callback", { number, incidentId });
      mine.add(contactId);
      calls.set(contactId, { contactId, incidentId, direction: "callback" });
      return { contactId };
    },
  };
}
