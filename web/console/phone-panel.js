// The console's phone: ONE small interface, two implementations. The rest of the console talks to
// a PhonePanel and cannot tell which one it has:
// - phone-local.js: the local centre's phone desk (calls placed with `siaga112 call` / `simulate`);
// - phone-streams.js: Amazon Connect's contact control panel through amazon-connect-streams.
//
// PhonePanel:
//   start(): Promise<void>                  connect (poll the local desk / embed the CCP)
//   on(event, handler)                      subscribe; events below
//   answer(contactId): Promise<void>        pick up a ringing call
//   hangUp(contactId): Promise<void>        end a connected call or a call-back
//   callBack({ number, incidentId }): Promise<{ contactId }>   dial a caller back
// Events (one object argument each):
//   "incoming"  { contactId, incidentId?, shortCode?, callerNumber?, repeatCaller, suspectedPrank, simulated }
//               a queued call rings here (simulated: a simulated call-taker answers it, nothing to do)
//   "connected" { contactId, incidentId?, shortCode?, direction: "inbound" | "callback" }
//               the call-taker is talking to the caller: the console opens `incidentId`
//   "ended"     { contactId, incidentId?, direction, reason, talkSeconds? }
//               reason: "call-taker-hung-up" | "caller-hung-up" | "abandoned" | "missed" | "no-answer" | "failed"
//   "taken"     { contactId, by }   answered at another console (or by a simulated call-taker)

/** A tiny event emitter shared by both implementations. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function phoneEvents() {
  const handlers = new Map();
  return {
    on(event, handler) {
      if (!handlers.has(event)) handlers.set(event, []);
      handlers.get(event).push(handler);
    },
    emit(event, detail) {
      for (const handler of handlers.get(event) ?? []) handler(detail);
    },
  };
}

/**
 * The phone panel the configuration asks for: `{ kind: "local", ... }` or
 * `{ kind: "streams", ccpUrl, region, container }` (cloud: the tenant's Connect instance).
 */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function createPhonePanel(config) {
  if (config.kind === "streams") return createStreamsPhonePanel(globalThis.connect, config);
  return createLocalPhonePanel(config);
}

/** Whether a phone panel event's attributes flag the caller ("true" strings from Connect, booleans locally). */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function isTrue(value) {
  return value === true || value === "true";
}
