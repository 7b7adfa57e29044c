/**
 * The Streams phone panel (web/console/phone-streams.js) against a stub of the `connect` global
 * that plays the event sequence the Streams documentation describes for an inbound softphone call:
 * connect.contact(cb) hands over the new contact, then contact.onConnecting ("when a call or chat
 * comes in, before accepting"), onAccepted once accepted, onConnected, and onEnded (which also
 * fires when the contact is destroyed); a call nobody accepts gets onMissed before onEnded.
 * https://github.com/amazon-connect/amazon-connect-streams/blob/master/Documentation.md and the
 * package's own TSDoc (node_modules/amazon-connect-streams/src/index.d.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";

const WEB = join(__dirname, "..", "..", "..", "web", "console");

type Handler = () => void;

class StubContact {
  readonly handlers = new Map<string, Handler[]>();
  accepted = 0;
  destroyed = 0;
  constructor(
    private readonly id: string,
    private readonly inbound: boolean,
    private readonly attributes: Record<string, string>,
    private readonly number: string,
  ) {}
  private add(name: string, cb: Handler) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), cb]);
  }
  fire(name: string) {
    for (const cb of this.handlers.get(name) ?? []) cb();
  }
  onConnecting = (cb: Handler) => this.add("connecting", cb);
  onAccepted = (cb: Handler) => this.add("accepted", cb);
  onConnected = (cb: Handler) => this.add("connected", cb);
  onMissed = (cb: Handler) => this.add("missed", cb);
  onEnded = (cb: Handler) => this.add("ended", cb);
  onDestroy = (cb: Handler) => this.add("destroy", cb);
  getContactId = () => this.id;
  isInbound = () => this.inbound;
  getAttributes = () =>
    Object.fromEntries(Object.entries(this.attributes).map(([name, value]) => [name, { name, value }]));
  getInitialConnection = () => ({
    getEndpoint: () => ({ phoneNumber: this.number, type: "telephone_number" }),
  });
  accept = (callbacks: { success: () => void }) => {
    this.accepted++;
    callbacks.success();
  };
  getAgentConnection = () => ({
    destroy: (callbacks: { success: () => void }) => {
      this.destroyed++;
      callbacks.success();
    },
  });
}

function stubConnect() {
  const onContact: ((contact: StubContact) => void)[] = [];
  const dialled: unknown[] = [];
  const connect = {
    core: { initCCP: jest.fn() },
    agent: (cb: (agent: unknown) => void) =>
      cb({
        connect: (endpoint: unknown, callbacks: { success: () => void }) => {
          dialled.push(endpoint);
          callbacks.success();
        },
      }),
    contact: (cb: (contact: StubContact) => void) => onContact.push(cb),
    Endpoint: { byPhoneNumber: (phoneNumber: string) => ({ phoneNumber, type: "phone_number" }) },
    newContact: (contact: StubContact) => {
      for (const cb of onContact) cb(contact);
    },
  };
  return { connect, dialled };
}

function loadPanel(connect: unknown) {
  const context = createContext({ connect, Date, Promise, Error, String, Math, Map });
  for (const file of ["phone-panel.js", "phone-streams.js"])
    runInContext(readFileSync(join(WEB, file), "utf8"), context, { filename: file });
  const panel = runInContext(
    "createPhonePanel",
    context,
  )({
    kind: "streams",
    ccpUrl: "https://siaga112-hub-sulawesi.my.connect.aws/ccp-v2",
    region: "ap-southeast-1",
    container: {},
  });
  const seen: [string, Record<string, unknown>][] = [];
  for (const event of ["incoming", "connected", "ended", "taken"])
    panel.on(event, (detail: Record<string, unknown>) => seen.push([event, detail]));
  return { panel, seen };
}

const ATTRIBUTES = {
  intakeStatus: "ok",
  incidentId: "8d2a6f0e-1b2c-4d3e-9f00-0123456789ab",
  shortCode: "K7Q2XM",
  repeatCaller: "true",
  suspectedPrank: "false",
};

describe("the Streams phone panel", () => {
  it("rings, answers, opens the incident from the contact attributes and hangs up, for an inbound call", async () => {
    const { connect } = stubConnect();
    const { panel, seen } = loadPanel(connect);
    await panel.start();
    expect(connect.core.initCCP).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        ccpUrl: "https://siaga112-hub-sulawesi.my.connect.aws/ccp-v2",
        region: "ap-southeast-1",
      }),
    );
    const call = new StubContact("contact-1", true, ATTRIBUTES, "+6281234567890");
    connect.newContact(call);
    call.fire("connecting");
    expect(seen).toEqual([
      [
        "incoming",
        {
          contactId: "contact-1",
          incidentId: ATTRIBUTES.incidentId,
          shortCode: "K7Q2XM",
          repeatCaller: true,
          suspectedPrank: false,
          callerNumber: "+6281234567890",
          simulated: false,
        },
      ],
    ]);
    await panel.answer("contact-1");
    expect(call.accepted).toBe(1);
    call.fire("accepted");
    call.fire("connected");
    expect(seen[1]).toEqual([
      "connected",
      {
        contactId: "contact-1",
        incidentId: ATTRIBUTES.incidentId,
        shortCode: "K7Q2XM",
        direction: "inbound",
      },
    ]);
    await panel.hangUp("contact-1");
    expect(call.destroyed).toBe(1);
    call.fire("ended");
    call.fire("destroy");
    call.fire("ended"); // onEnded also fires when the contact is destroyed: reported once
    expect(seen.slice(2)).toEqual([
      [
        "ended",
        expect.objectContaining({
          contactId: "contact-1",
          direction: "inbound",
          reason: "call-taker-hung-up",
          talkSeconds: 0,
        }),
      ],
    ]);
  });

  it("reports a call the caller gave up on before anyone accepted it as missed", async () => {
    const { connect } = stubConnect();
    const { panel, seen } = loadPanel(connect);
    await panel.start();
    const call = new StubContact("contact-2", true, ATTRIBUTES, "+6281234567890");
    connect.newContact(call);
    call.fire("connecting");
    call.fire("missed");
    call.fire("ended");
    expect(seen.map(([event, detail]) => [event, detail.reason])).toEqual([
      ["incoming", undefined],
      ["ended", "missed"],
    ]);
  });

  it("calls a caller back through agent.connect and ties the outbound contact to the incident", async () => {
    const { connect, dialled } = stubConnect();
    const { panel, seen } = loadPanel(connect);
    await panel.start();
    await panel.callBack({ number: "+6281234567890", incidentId: "inc-9" });
    expect(dialled).toEqual([{ phoneNumber: "+6281234567890", type: "phone_number" }]);
    const outbound = new StubContact("contact-3", false, {}, "+6281234567890");
    connect.newContact(outbound);
    outbound.fire("connecting");
    outbound.fire("connected");
    outbound.fire("ended");
    expect(
      seen.map(([event, detail]) => [event, detail.incidentId, detail.direction, detail.reason]),
    ).toEqual([
      ["connected", "inc-9", "callback", undefined],
      ["ended", "inc-9", "callback", "call-taker-hung-up"],
    ]);
  });
});
