import { AgencyInbox } from "../../local/agency-inbox";
import { requireRegistry } from "../../registry/load-registry";

const { tenants } = requireRegistry({ dir: "tenants" });
const manado = tenants.find((t) => t.code === "71.71")!;

describe("AgencyInbox", () => {
  it("keeps one SMS per number and one e-mail per address of the contact alerted, with their links", async () => {
    const inbox = new AgencyInbox({ now: () => Date.parse("2026-11-27T01:00:00Z") });
    const receipt = await inbox.publisherFor(manado).publish({
      agencyId: "damkar",
      contactId: "piket",
      sms: "112 Kota Manado: KEBAKARAN. Konfirmasi: http://127.0.0.1:8112/t/71.71/ack/p/damkar.piket.x.y",
      email: {
        subject: "Kebakaran",
        body: "Buka http://127.0.0.1:8112/t/71.71/ack/a/tok1 atau http://127.0.0.1:8112/t/71.71/ack/p/damkar.piket.x.y",
      },
      about: [{ incidentId: "i1", round: 0, step: 0 }],
      dedupKey: "i1:damkar:0:0:piket",
    });
    expect(receipt.messageId).toBe("local-2");
    const messages = inbox.list({ tenant: "71.71" });
    expect(messages.map((m) => [m.channel, m.to])).toEqual([
      ["sms", "+6281200000111"],
      ["email", "piket@damkar.manado.example"],
    ]);
    expect(messages[0]).toMatchObject({
      agencyName: "Dinas Pemadam Kebakaran Kota Manado",
      contactName: "CONTOH Piket Damkar",
      links: ["http://127.0.0.1:8112/t/71.71/ack/p/damkar.piket.x.y"],
      boardLink: "http://127.0.0.1:8112/t/71.71/ack/p/damkar.piket.x.y",
      incidents: ["i1"],
      at: "2026-11-27T01:00:00.000Z",
    });
    expect(messages[1]!.links).toHaveLength(2);
    expect(messages[1]!.boardLink).toBe("http://127.0.0.1:8112/t/71.71/ack/p/damkar.piket.x.y");
    expect(inbox.list({ after: 1 }).map((m) => m.seq)).toEqual([2]);
    expect(inbox.list({ text: "#NOTHERE" })).toEqual([]);
    expect(inbox.list({ text: "KEBAKARAN" }).map((m) => m.channel)).toEqual(["sms"]);
  });

  it("keeps an SMS to a caller addressed to the caller's number, with its location link", async () => {
    const inbox = new AgencyInbox({ now: () => Date.parse("2026-11-27T01:00:00Z") });
    const link = "http://127.0.0.1:8112/t/71.71/loc/l/K7Q2XM.t3k9zz.AbCdEfGhIjKl";
    await inbox.callerSmsFor(manado).send({
      incidentId: "c0ffee",
      to: "+6281234567890",
      text: `112 Kota Manado: petugas meminta lokasi Anda untuk insiden #K7Q2XM. Buka (berlaku 60 menit): ${link}`,
    });
    expect(inbox.list({ to: "+6281234567890" })).toEqual([
      expect.objectContaining({
        recipient: "caller",
        incidentId: "c0ffee",
        channel: "sms",
        tenant: "71.71",
        links: [link],
      }),
    ]);
    expect(inbox.list({ to: "+6281200000111" })).toEqual([]);
    expect(inbox.list({ agencyId: "damkar" })).toEqual([]);
  });

  it("refuses an alert for an agency the tenant does not have", async () => {
    const inbox = new AgencyInbox({ now: () => 0 });
    await expect(
      inbox.publisherFor(manado).publish({
        agencyId: "pemadam",
        contactId: "piket",
        sms: "",
        email: { subject: "", body: "" },
        about: [],
        dedupKey: "x",
      }),
    ).rejects.toThrow('agency "pemadam"');
  });
});
