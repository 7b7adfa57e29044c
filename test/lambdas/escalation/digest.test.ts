/**
 * Reminder digests: never about a closed or acknowledged incident, and each held reminder sent
 * once, whatever runs between the writes of a hold (flushes, sweeps, relays).
 */
import { classifyIncident, closeIncident, readIncident } from "../../../lambdas/calltaker-api/operations";
import { flushDigest } from "../../../lambdas/escalation/digest";
import { relayChanges } from "../../../lambdas/escalation-relay/relay";
import { runScheduledTask, sweepOutbox } from "../../../lambdas/reescalate/run-scheduled-task";
import type { AgencyAlert, DocumentStore } from "../../../lambdas/shared/ports";
import { centrePerTest } from "../support/centre";

const t = centrePerTest();

const crime = { category: "crime", severity: "high", location: { text: "Jl. Sam Ratulangi 12" } } as const;

/** (incident, agency, round, step, contact) keys carried by more than one message. */
function duplicates(sent: readonly AgencyAlert[]): string[] {
  const counts = new Map<string, number>();
  for (const alert of sent) {
    for (const s of alert.about) {
      const key = `${s.incidentId}:${alert.agencyId}:${s.round}:${s.step}:${alert.contactId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n > 1).map(([key]) => key);
}

async function minutes(n: number) {
  for (let m = 0; m < n; m++) {
    t.centre.advance(60_000);
    await sweepOutbox(t.centre.sender);
    await t.centre.fireDue();
  }
}

describe("reminder digests", () => {
  it("never name an incident closed before they go out", async () => {
    // Reproduced first: eight Manado fires, four closed: the digest "7 insiden baru" listed them.
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = await t.centre.call(`+6281200002${String(i).padStart(3, "0")}`);
      ids.push(id);
      await classifyIncident(t.centre.api, id, crime);
      await t.centre.drain();
    }
    t.centre.advance(5 * 60_000);
    await t.centre.fireDue(); // reminders of all eight: most held
    const closed: string[] = [];
    for (const id of ids.slice(0, 4)) {
      await closeIncident(t.centre.api, id);
      closed.push((await readIncident(t.centre.api, id)).shortCode);
    }
    await t.centre.drain();
    const before = t.centre.sent.length;
    await minutes(20);
    const later = t.centre.sent.slice(before);
    expect(later.some((a) => a.about.length > 1)).toBe(true); // digests did go out
    for (const alert of later) {
      for (const code of closed) expect(alert.sms).not.toContain(code);
      for (const id of ids.slice(0, 4)) expect(alert.about.map((s) => s.incidentId)).not.toContain(id);
    }
  });

  /** The writes of one hold, in order: held-alert item, digest due, entry held. */
  const HOLD_STEPS = [
    [
      "the held-alert item",
      (c: { constructor: { name: string }; input: Record<string, unknown> }) =>
        c.constructor.name === "PutCommand" &&
        String((c.input.Item as { sk?: string })?.sk).startsWith("HELD#"),
    ],
    [
      "the digest's due time",
      (c: { constructor: { name: string }; input: Record<string, unknown> }) =>
        c.constructor.name === "UpdateCommand" && String(c.input.UpdateExpression).includes("ADD holds"),
    ],
    [
      "the entry's hold",
      (c: { constructor: { name: string }; input: Record<string, unknown> }) =>
        c.constructor.name === "UpdateCommand" &&
        String(c.input.UpdateExpression).startsWith("SET #status = :held"),
    ],
  ] as const;

  it.each(HOLD_STEPS)("send each held reminder once when flushes run right after %s", async (_, isStep) => {
    // Reproduced first (with the old two-update hold): a flush between the updates made the hold
    // fail, the entry was retried, and piket got y's step-2 reminder twice.
    const x = await t.centre.call("+6281200003001");
    const y = await t.centre.call("+6281200003002");
    await classifyIncident(t.centre.api, x, crime);
    await classifyIncident(t.centre.api, y, crime);
    await t.centre.drain();
    t.centre.advance(5 * 60_000);
    let hooked = false;
    const real = t.centre.sender.db;
    const hookedDb: DocumentStore = {
      send: async (command) => {
        const result = await real.send(command);
        if (!hooked && isStep(command)) {
          hooked = true;
          t.centre.advance(61_000); // a slow relay: the contacts' limits allow a digest meanwhile
          await Promise.all([
            flushDigest(t.centre.sender, "polresta", "piket"),
            flushDigest(t.centre.sender, "polresta", "kasat"),
            flushDigest(t.centre.sender, "polresta", "kasat"),
            sweepOutbox(t.centre.sender),
          ]);
        }
        return result;
      },
    };
    for (const [name, schedule] of [...t.centre.schedules]) {
      if (schedule.at > t.centre.now()) continue;
      t.centre.schedules.delete(name);
      await runScheduledTask({ ...t.centre.sender, db: hookedDb }, schedule.task);
    }
    expect(hooked).toBe(true);
    await minutes(30);
    expect(duplicates(t.centre.sent)).toEqual([]);
    // And nothing was lost: both contacts got step 2 of both incidents.
    for (const id of [x, y]) {
      for (const contact of ["piket", "kasat"]) {
        expect(
          t.centre.sent.some(
            (a) => a.contactId === contact && a.about.some((s) => s.incidentId === id && s.step === 1),
          ),
        ).toBe(true);
      }
    }
  });

  it("send each held reminder once when many flushes, sweeps and relays run at once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await t.centre.call(`+6281200008${String(i).padStart(3, "0")}`);
      ids.push(id);
      await classifyIncident(t.centre.api, id, crime);
    }
    await relayChanges(t.centre.sender, t.centre.pending.splice(0));
    t.centre.advance(5 * 60_000);
    const due = [...t.centre.schedules.values()].filter((s) => s.at <= t.centre.now());
    t.centre.schedules.clear();
    await Promise.all(due.map((s) => runScheduledTask(t.centre.sender, s.task)));
    for (let round = 0; round < 20; round++) {
      t.centre.advance(60_000);
      await Promise.all([
        flushDigest(t.centre.sender, "polresta", "kasat"),
        flushDigest(t.centre.sender, "polresta", "kasat"),
        flushDigest(t.centre.sender, "polresta", "piket"),
        sweepOutbox(t.centre.sender),
        sweepOutbox(t.centre.sender),
        relayChanges(t.centre.sender, t.centre.pending.splice(0)),
      ]);
    }
    expect(duplicates(t.centre.sent)).toEqual([]);
    for (const id of ids) {
      expect(
        t.centre.sent.some((a) => a.contactId === "kasat" && a.about.some((s) => s.incidentId === id)),
      ).toBe(true);
    }
  });
});
