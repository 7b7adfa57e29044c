/**
 * The lifecycle's functions running on the local adapters: a classified incident alerts the
 * agencies in the inbox, the link's POST acknowledges, the statistics count it, and an agency
 * that does not acknowledge is alerted again when the local clock reaches the next step.
 */

import { callTakerPaths } from "../../local/calltaker-paths";
import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";

let centre: LocalCentre;
let client: CentreClient;
beforeAll(async () => {
  centre = await startLocalCentre({ port: 0 });
  client = new CentreClient(centre.url);
});
afterAll(() => centre.stop());

async function fireAt(tenant: string) {
  const report = await client.call({ tenant, callerNumber: "+6281234567890" });
  const { incidentId, shortCode } = report.incident!;
  await client.callTaker(tenant, "POST", callTakerPaths(incidentId).classification, {
    category: "fire",
    severity: "high",
    location: { text: "Jl. Sam Ratulangi 12" },
  });
  await centre.tenants.get(tenant)!.functions.idle();
  return { incidentId, shortCode };
}

describe("tenant functions on local adapters", () => {
  it("alerts the routed agencies by SMS and e-mail with the duty board link, whose POST acknowledges", async () => {
    const { incidentId, shortCode } = await fireAt("71.71");
    const messages = await client.inbox({ tenant: "71.71", text: `#${shortCode}` });
    expect(new Set(messages.map((m) => m.agencyId))).toEqual(new Set(["damkar", "polresta"]));
    expect(await client.inbox({ tenant: "71.71", text: "#NOTHERE" })).toEqual([]);
    const sms = messages.find((m) => m.agencyId === "damkar" && m.channel === "sms")!;
    expect(sms.links).toEqual([sms.boardLink]);
    expect(sms.boardLink).toMatch(new RegExp(`^${centre.url}/t/71.71/ack/p/damkar\\.piket\\.`));
    expect(sms.incidents).toEqual([incidentId]);

    const page = await fetch(sms.boardLink!);
    expect(page.status).toBe(200);
    const board = await page.text();
    expect(board).toContain("Konfirmasi terima");
    expect(board).toContain(`#${shortCode}`);
    const acknowledged = await client.postForm(sms.boardLink!, {
      incident: incidentId,
      status: "acknowledged",
    });
    expect(acknowledged.status).toBe(200);
    await centre.settled();

    const stats = await client.json<{ national: { agencies: { kind: string; acknowledgements: number }[] } }>(
      "GET",
      "/dashboard/api/statistics",
    );
    expect(stats.national.agencies.find((a) => a.kind === "fire")).toMatchObject({
      escalations: 1,
      acknowledgements: 1,
    });
  });

  it("alerts the next step of an agency that has not acknowledged when the local clock gets there", async () => {
    const { shortCode } = await fireAt("35.78");
    const before = await client.inbox({ tenant: "35.78", text: `#${shortCode}` });
    expect(before.some((m) => m.text.includes("ULANG"))).toBe(false);
    // Surabaya's fire brigade: step 2 (Kabid Operasi) 3 minutes after the first alert.
    await client.json("POST", "/local/clock/advance", { minutes: 4 });
    await centre.tenants.get("35.78")!.functions.idle();
    const after = await client.inbox({ tenant: "35.78", text: `#${shortCode}` });
    const reminder = after.filter((m) => m.text.includes("ULANG") && m.agencyId === "damkar");
    expect(reminder.map((m) => m.contactName)).toContain("CONTOH Kabid Operasi");
  });

  it("refuses the call-taker API without the console key", async () => {
    const response = await fetch(`${centre.url}/t/71.71/api/incidents`);
    expect(response.status).toBe(401);
  });
});
