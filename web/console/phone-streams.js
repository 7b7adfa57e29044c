// The cloud phone panel: Amazon Connect's contact control panel (CCP) embedded with
// amazon-connect-streams (the npm package AWS publishes; the page loads its release file before
// this one). Implements the PhonePanel of phone-panel.js over the Streams API:
// - connect.core.initCCP(container, { ccpUrl, region, softphone }) embeds the CCP;
// - connect.agent(cb) gives the agent, whose agent.connect(connect.Endpoint.byPhoneNumber(n)) dials out;
// - connect.contact(cb) gives each new contact; for an inbound softphone call the Streams
//   documentation describes onConnecting ("when a call or chat comes in, before accepting"),
//   then onAccepted, onConnected, and onEnded (or onMissed when nobody accepted):
//   https://github.com/amazon-connect/amazon-connect-streams/blob/master/Documentation.md and the
//   TSDoc of the installed package (node_modules/amazon-connect-streams/src/index.d.ts, v2.28.2);
// - contact.getAttributes() carries what the 112 flow set (flows/tenant-flows.ts CONTACT_ATTRIBUTES):
//   incidentId, shortCode, repeatCaller, suspectedPrank; contact.accept() answers;
//   contact.getAgentConnection().destroy() hangs up.

/**
 * @param connect the Streams global (`window.connect`)
 * @param config { ccpUrl, region, container }
 */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function createStreamsPhonePanel(connect, config) {
  const events = phoneEvents();
  const contacts = new Map(); // contactId -> { contact, direction, incidentId, connectedAt }
  const pendingCallBacks = []; // incident ids of call-backs dialled, in order, awaiting their contact
  let agent;

  const attribute = (attributes, name) => attributes?.[name]?.value;

  function follow(contact) {
    const contactId = contact.getContactId();
    const inbound = contact.isInbound();
    const state = { contact, direction: inbound ? "inbound" : "callback" };
    if (!inbound) state.incidentId = pendingCallBacks.shift();
    contacts.set(contactId, state);
    const details = () => {
      const attributes = contact.getAttributes();
      return {
        contactId,
        incidentId: state.incidentId ?? attribute(attributes, "incidentId"),
        shortCode: attribute(attributes, "shortCode"),
        repeatCaller: isTrue(attribute(attributes, "repeatCaller")),
        suspectedPrank: isTrue(attribute(attributes, "suspectedPrank")),
      };
    };
    contact.onConnecting(() => {
      if (!inbound) return;
      const endpoint = contact.getInitialConnection()?.getEndpoint();
      events.emit("incoming", { ...details(), callerNumber: endpoint?.phoneNumber, simulated: false });
    });
    contact.onConnected(() => {
      state.connectedAt = Date.now();
      const { contactId: id, incidentId, shortCode } = details();
      events.emit("connected", { contactId: id, incidentId, shortCode, direction: state.direction });
    });
    contact.onMissed(() => {
      state.missed = true;
    });
    contact.onEnded(() => {
      if (state.ended) return; // onEnded fires for ended and destroyed alike
      state.ended = true;
      const talkSeconds = state.connectedAt ? Math.round((Date.now() - state.connectedAt) / 1000) : undefined;
      const reason = state.connectedAt
        ? "call-taker-hung-up"
        : state.direction === "callback"
          ? "no-answer"
          : state.missed
            ? "missed"
            : "caller-hung-up";
      events.emit("ended", {
        contactId,
        incidentId: details().incidentId,
        direction: state.direction,
        reason,
        ...(talkSeconds !== undefined ? { talkSeconds } : {}),
      });
      contacts.delete(contactId);
    });
  }

  function settle(action) {
    return new Promise((resolve, reject) =>
      action({
        success: () => resolve(),
        failure: (error) => reject(new Error(String(error ?? "Streams failure"))),
      }),
    );
  }

  return {
    kind: "streams",
    on: events.on,
    async start() {
      if (!connect?.core) throw new Error("amazon-connect-streams is not loaded");
      connect.core.initCCP(config.container, {
        ccpUrl: config.ccpUrl,
        region: config.region,
        softphone: { allowFramedSoftphone: true },
        loginPopup: true,
        loginPopupAutoClose: true,
      });
      connect.agent((a) => {
        agent = a;
      });
      connect.contact(follow);
    },
    stop() {},
    async answer(contactId) {
      const state = contacts.get(contactId);
      if (!state) throw new Error(`contact ${contactId}: not ringing here`);
      await settle((callbacks) => state.contact.accept(callbacks));
    },
    async hangUp(contactId) {
      const state = contacts.get(contactId);
      if (!state) throw new Error(`contact ${contactId}: no call`);
      await settle((callbacks) => state.contact.getAgentConnection().destroy(callbacks));
    },
    async callBack({ number, incidentId }) {
      if (!agent) throw new Error("the contact control panel is not signed in yet");
      pendingCallBacks.push(incidentId);
      try {
        await settle((callbacks) => agent.connect(connect.Endpoint.byPhoneNumber(number), callbacks));
      } catch (error) {
        pendingCallBacks.splice(pendingCallBacks.indexOf(incidentId), 1);
        throw error;
      }
      return { contactId: undefined };
    },
  };
}
