import { AgencyInbox } from "../../local/agency-inbox";
import { requireRegistry } from "../../registry/load-registry";

const { tenants } = requireRegistry({ dir: "tenants" });
const manado = tenants.find((t) => t.code === "71.71")!;

describe("AgencyInbox", () => {
  it("keeps one SMS per number and one e-mail per address of the contacts alerted, with their links", async () => {
    const inbox = new AgencyInbox({ now: () => Date.parse("2026-11-27T01:00:00Z") });
    await inbox.publisherFor(manado).publish({
      agencyId: "damkar",
      contacts: ["piket"],
      sms: "112 Kota Manado: KEBAKARAN. Konfirmasi: http://127.0.0.1:8112/t/71.71/ack/a/tok1",
      email: {
        subject: "Kebakaran",
        body: "Buka http://127.0.0.1:8112/t/71.71/ack/a/tok1 untuk konfirmasi.",
      },
      dedupKey: "i1#damkar#0#0",
    });
    const messages = inbox.list({ tenant: "71.71" });
    expect(messages.map((m) => [m.channel, m.to])).toEqual([
      ["sms", "+6281200000111"],
      ["email", "piket@damkar.manado.example"],
    ]);
    expect(messages[0]).toMatchObject({
      agencyName: "Dinas Pemadam Kebakaran Kota Manado",
      contactName: "CONTOH Piket Damkar",
      links: ["http://127.0.0.1:8112/t/71.71/ack/a/tok1"],
      at: "2026-11-27T01:00:00.000Z",
    });
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
        contacts: [],
        sms: "",
        email: { subject: "", body: "" },
        dedupKey: "x",
      }),
    ).rejects.toThrow('agency "pemadam"');
  });
});
