/**
 * The duty board: every contact of every alerted agency can act on every open alert from any SMS
 * it received, and a board lists only open alerts.
 */
import { handleAckRequest } from "../../../lambdas/ack/ack-routes";
import { classifyIncident, closeIncident, readIncident } from "../../../lambdas/calltaker-api/operations";
import { dutyBoard } from "../../../lambdas/escalation/duty-board";
import { OutboxEntries } from "../../../lambdas/items/outbox-entries";
import type { HttpRequest } from "../../../lambdas/shared/ports";
import { ACK_BASE, centrePerTest } from "../support/centre";

const t = centrePerTest();

const request = (method: string, url: string, body?: string): HttpRequest => ({
  method,
  path: url.slice(ACK_BASE.length),
  headers: {},
  query: {},
  body,
  authorized: false,
});
const boardLinkIn = (sms: string) => sms.match(/https:\/\/\S+\/p\/\S+/)?.[0];

describe("the duty board", () => {
  it("lets every contact of a 40-incident burst act on every open alert of its agency from its SMS", async () => {
    // Reproduced first: with one link and "+N lain" per digest, 112 (incident, agency, contact)
    // pairs had no link that led to their incident.
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = await t.centre.call(`+628120000${4000 + i}`);
      ids.push(id);
      await classifyIncident(t.centre.api, id, {
        category: i % 2 ? "fire" : "crime",
        severity: "high",
        location: { text: `Jl. Piere Tendean ${i}` },
      });
    }
    await t.centre.drain();
    // Six minutes: every step 2 is due and most reminders are held for the contacts' digests.
    for (let minute = 0; minute < 6; minute++) {
      t.centre.advance(60_000);
      await t.centre.fireDue();
    }
    const outbox = new OutboxEntries(t.centre.sender);
    let pairs = 0;
    const unreachable: string[] = [];
    const boards = new Map<string, string>();
    for (const id of ids) {
      const incident = await readIncident(t.centre.api, id);
      for (const entry of await outbox.ofIncident(id)) {
        const key = `${entry.agencyId}/${entry.contactId}`;
        if (!boards.has(key)) {
          // The latest SMS the contact got; only its text, as an SMS-only contact has nothing else.
          const sms = t.centre.sent
            .filter((a) => a.agencyId === entry.agencyId && a.contactId === entry.contactId)
            .at(-1);
          const link = sms && boardLinkIn(sms.sms);
          boards.set(key, link ? (await handleAckRequest(t.centre.ack, request("GET", link))).body : "");
        }
        pairs++;
        if (!boards.get(key)!.includes(`data-incident="${incident.incidentId}"`))
          unreachable.push(`${key} #${incident.shortCode}`);
      }
    }
    expect(pairs).toBeGreaterThan(80);
    expect(unreachable).toEqual([]);
  }, 180_000);

  it("lists waiting alerts first, confirmed ones apart, and never a closed or resolved one", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await t.centre.call(`+62812000090${i}0`);
      ids.push(id);
      await classifyIncident(t.centre.api, id, {
        category: "crime",
        severity: "high",
        location: { text: `Lokasi ${i}` },
      });
    }
    await t.centre.drain();
    const board = boardLinkIn(t.centre.sent[0]!.sms)!;
    const act = (id: string, status: string) =>
      handleAckRequest(t.centre.ack, request("POST", board, `incident=${id}&status=${status}`));
    expect((await act(ids[1]!, "acknowledged")).statusCode).toBe(200);
    expect((await act(ids[2]!, "resolved")).statusCode).toBe(200);
    await closeIncident(t.centre.api, ids[3]!);
    await t.centre.drain();
    const { waiting, inProgress } = await dutyBoard(t.centre.ack, "polresta");
    expect(waiting.map((a) => a.incident.incidentId)).toEqual([ids[0]]);
    expect(inProgress.map((a) => a.incident.incidentId)).toEqual([ids[1]]);
    const page = (await handleAckRequest(t.centre.ack, request("GET", board))).body;
    expect(page).toContain("Menunggu konfirmasi (1)");
    expect(page).toContain("Sedang ditangani (1)");
    for (const gone of [ids[2]!, ids[3]!]) expect(page).not.toContain(gone);
    // An alert of another agency, or no alert at all, cannot be reported on from this board.
    const damkarOnly = await t.centre.call("+6281200009999");
    await classifyIncident(t.centre.api, damkarOnly, {
      category: "electricity",
      severity: "low",
      location: { text: "Tiang" },
    });
    expect((await act(damkarOnly, "acknowledged")).statusCode).toBe(400);
    expect((await act("not-an-id!", "acknowledged")).statusCode).toBe(400);
  });

  it("changes nothing on GET, answers an unknown contact like a bad signature, and masks the caller once closed", async () => {
    const id = await t.centre.call("+6281234567890");
    await classifyIncident(t.centre.api, id, {
      category: "crime",
      severity: "high",
      location: { text: "Pasar" },
    });
    await t.centre.drain();
    const board = boardLinkIn(t.centre.sent[0]!.sms)!;
    for (let i = 0; i < 3; i++) await handleAckRequest(t.centre.ack, request("GET", board));
    expect((await readIncident(t.centre.api, id)).state).toBe("escalated");
    const page = (await handleAckRequest(t.centre.ack, request("GET", board))).body;
    expect(page).toContain("081234567890");

    const tampered = await handleAckRequest(
      t.centre.ack,
      request(
        "GET",
        board.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
      ),
    );
    const unknownContact = await handleAckRequest(
      t.centre.ack,
      request("GET", board.replace(".piket.", ".nobody.")),
    );
    expect(tampered.statusCode).toBe(403);
    expect({ status: unknownContact.statusCode, body: unknownContact.body }).toEqual({
      status: tampered.statusCode,
      body: tampered.body,
    });

    const incidentLink = t.centre.sent[0]!.email.body.match(/https:\/\/\S+\/a\/\S+/)![0];
    await closeIncident(t.centre.api, id);
    await t.centre.drain();
    const closedPage = (await handleAckRequest(t.centre.ack, request("GET", incidentLink))).body;
    expect(closedPage).not.toContain("081234567890");
    expect(closedPage).toContain("+62*********90");
  });
});
