/**
 * The escalation's guarantees under random interleavings, against dynalite: batches of classify,
 * relay, flush, sweep, fired schedules, acknowledge and close run concurrently (Promise.all, random
 * order, random yields inside every table call), with the clock moving between batches. Checked:
 * - no (incident, agency, round, step, contact, channel) is messaged twice;
 * - nothing is sent about an incident in a batch after the one that closed it;
 * - every first alert went out at once (never held);
 * - every contact the policy reached has a duty board link from a message it received, and its
 *   board lists every open alert of its agency (waiting ones among "waiting").
 * Concurrent operations of one batch may race a close (a message composed just before it), which
 * is why "after" means a later batch.
 */
import fc from "fast-check";
import { handleAckRequest } from "../../../lambdas/ack/ack-routes";
import { classifyIncident, closeIncident } from "../../../lambdas/calltaker-api/operations";
import { flushDigest } from "../../../lambdas/escalation/digest";
import { dutyBoard } from "../../../lambdas/escalation/duty-board";
import { relayChanges } from "../../../lambdas/escalation-relay/relay";
import { AgencyAlerts } from "../../../lambdas/items/agency-alerts";
import { IncidentItems } from "../../../lambdas/items/incidents";
import { OutboxEntries } from "../../../lambdas/items/outbox-entries";
import { runScheduledTask, sweepOutbox } from "../../../lambdas/reescalate/run-scheduled-task";
import type { AgencyAlert, DocumentStore, SenderDeps } from "../../../lambdas/shared/ports";
import { requireRegistry } from "../../../registry/load-registry";
import { ACK_BASE, startCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";

const manado = requireRegistry({ dir: "tenants" }).tenants.find((t) => t.code === "71.71")!;
const channelsOf = (agencyId: string, contactId: string): string[] => {
  const contact = manado.agencies.find((a) => a.id === agencyId)?.contacts.find((c) => c.id === contactId);
  return [...(contact?.sms ?? []).map((n) => `sms:${n}`), ...(contact?.email ?? []).map((e) => `email:${e}`)];
};
/** Categories whose agencies have more than one step or contact (where reminders and digests happen). */
const CATEGORIES = ["crime", "fire", "traffic-accident", "medical", "public-order"] as const;

type Op =
  | { readonly kind: "classify"; readonly category: (typeof CATEGORIES)[number] }
  | { readonly kind: "relay"; readonly take: number }
  | { readonly kind: "sweep" }
  | { readonly kind: "flush"; readonly pick: number }
  | { readonly kind: "fire" }
  | { readonly kind: "ack"; readonly pick: number; readonly status: "acknowledged" | "resolved" }
  | { readonly kind: "close"; readonly pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("classify" as const),
      category: fc.constantFrom(...CATEGORIES),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("relay" as const), take: fc.integer({ min: 1, max: 12 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "sweep" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("flush" as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.constant({ kind: "fire" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("ack" as const),
      pick: fc.nat(),
      status: fc.constantFrom("acknowledged" as const, "resolved" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("close" as const), pick: fc.nat() }) },
);
const batch = fc.record({
  ops: fc.array(op, { minLength: 1, maxLength: 4 }),
  advanceSeconds: fc.constantFrom(0, 20, 61, 120),
});
const batches = fc.array(batch, { minLength: 1, maxLength: 4 });
/**
 * A burst of classifications (so contacts go over their limits), then three phases of random
 * batches: around the first alerts, once the next steps are due (reminders held), and once the
 * contacts' limits allow their digests. The stream catches up between phases.
 */
const scenario = fc.record({
  burst: fc.array(fc.constantFrom(...CATEGORIES), { minLength: 3, maxLength: 5 }),
  phases: fc.tuple(batches, batches, batches),
  seed: fc.integer(),
});

/** A table client that yields to the event loop a random number of times before each call. */
function shuffling(db: DocumentStore, seed: number): DocumentStore {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % 3;
  };
  return {
    send: async (command) => {
      for (let i = next(); i > 0; i--) await new Promise((resolve) => setImmediate(resolve));
      return db.send(command);
    },
  };
}

let db: TestTable;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

describe("escalation under random interleavings", () => {
  it("never messages twice, never after a close, never holds a first alert, and leaves no open alert unreachable", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ burst, phases, seed }) => {
        const catchUp = { kind: "relay", take: Number.MAX_SAFE_INTEGER } as const;
        const batches = [
          { ops: burst.map((category) => ({ kind: "classify", category }) as const), advanceSeconds: 0 },
          ...phases[0],
          { ops: [catchUp], advanceSeconds: 300 },
          { ops: [{ kind: "fire" } as const], advanceSeconds: 0 },
          ...phases[1],
          { ops: [catchUp], advanceSeconds: 61 },
          ...phases[2],
        ];
        const centre = await startCentre(db);
        const sender: SenderDeps = { ...centre.sender, db: shuffling(centre.sender.db, seed) };
        const ackDeps = { ...centre.ack, db: shuffling(centre.ack.db, seed + 1) };
        const api = { ...centre.api, db: shuffling(centre.api.db, seed + 2) };
        const incidents: string[] = [];
        const closedIn = new Map<string, number>();
        const sentIn: { alert: AgencyAlert; batch: number }[] = [];
        let batch = 0;
        const published = centre.sent.length;
        const ignoreConflicts = (error: unknown) => {
          const name = (error as { name?: string }).name;
          if (name !== "ConcurrentChangeError" && name !== "IllegalTransitionError" && name !== "RangeError")
            throw error;
        };
        const boardLinks = () => [
          ...new Set(centre.sent.flatMap((a) => a.sms.match(/https:\/\/\S+\/p\/\S+/g) ?? [])),
        ];

        const run = async (o: Op): Promise<void> => {
          switch (o.kind) {
            case "classify": {
              const id = await centre.call(`+62812${String(70_000_000 + incidents.length)}`);
              incidents.push(id);
              await classifyIncident(api, id, {
                category: o.category,
                severity: "high",
                location: { text: "Jl. Sam Ratulangi" },
              }).catch(ignoreConflicts);
              return;
            }
            case "relay": {
              const changes = centre.pending.splice(0, o.take);
              const { failed } = await relayChanges(sender, changes);
              if (failed.length > 0) throw new Error(`relay failed: ${centre.logs.at(-1)?.fields?.error}`);
              return;
            }
            case "sweep":
              await sweepOutbox(sender);
              return;
            case "flush": {
              // A digest's schedule delivered early or twice (Scheduler delivers at least once).
              const digests = [...centre.schedules.values()].flatMap((s) =>
                s.task.kind === "digest" ? [s.task] : [],
              );
              const task = digests[o.pick % Math.max(1, digests.length)];
              if (task) await flushDigest(sender, task.agencyId, task.contactId);
              return;
            }
            case "fire": {
              const due = [...centre.schedules].filter(([, s]) => s.at <= centre.now());
              for (const [name] of due) centre.schedules.delete(name);
              await Promise.all(due.map(([, s]) => runScheduledTask(sender, s.task)));
              return;
            }
            case "ack": {
              const links = boardLinks();
              if (links.length === 0 || incidents.length === 0) return;
              const link = links[o.pick % links.length]!;
              const incident = incidents[o.pick % incidents.length]!;
              const answer = await handleAckRequest(ackDeps, {
                method: "POST",
                path: link.slice(ACK_BASE.length),
                headers: {},
                query: {},
                body: `incident=${incident}&status=${o.status}`,
                authorized: false,
              });
              expect([200, 400, 409]).toContain(answer.statusCode);
              return;
            }
            case "close": {
              if (incidents.length === 0) return;
              const id = incidents[o.pick % incidents.length]!;
              const closed = await closeIncident(api, id).catch((error) => {
                ignoreConflicts(error);
                return undefined;
              });
              if (closed?.state === "closed" && !closedIn.has(id)) closedIn.set(id, batch);
              return;
            }
          }
        };

        for (const { ops, advanceSeconds } of batches) {
          const before = centre.sent.length;
          await Promise.all(ops.map(run));
          for (const alert of centre.sent.slice(before)) sentIn.push({ alert, batch });
          batch++;
          centre.advance(advanceSeconds * 1000); // time moves between batches, never inside one
        }
        // The stream catches up: every change is relayed, every due entry swept.
        const before = centre.sent.length;
        while (centre.pending.length > 0) await relayChanges(sender, centre.pending.splice(0));
        await sweepOutbox(sender);
        while (centre.pending.length > 0) await relayChanges(sender, centre.pending.splice(0));
        for (const alert of centre.sent.slice(before)) sentIn.push({ alert, batch });

        // 1. At most one message per (incident, agency, round, step, contact, channel).
        const counts = new Map<string, number>();
        for (const alert of centre.sent.slice(published)) {
          for (const s of alert.about) {
            for (const channel of channelsOf(alert.agencyId, alert.contactId)) {
              const key = `${s.incidentId}:${alert.agencyId}:${s.round}:${s.step}:${alert.contactId}:${channel}`;
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
          }
        }
        expect([...counts].filter(([, n]) => n > 1)).toEqual([]);

        // 2. Nothing about an incident in a batch after the one that closed it.
        const late = sentIn.filter(({ alert, batch: at }) =>
          alert.about.some((s) => closedIn.has(s.incidentId) && closedIn.get(s.incidentId)! < at),
        );
        expect(late.map(({ alert }) => alert.dedupKey)).toEqual([]);

        // 3 and 4. First alerts never held; every contact reached can act on every open alert.
        const outbox = new OutboxEntries(centre.sender);
        const links = new Map<string, string>();
        for (const alert of centre.sent) {
          const link = alert.sms.match(/https:\/\/\S+\/p\/\S+/)?.[0];
          if (link) links.set(`${alert.agencyId}/${alert.contactId}`, link);
        }
        const boards = new Map<string, Awaited<ReturnType<typeof dutyBoard>>>();
        for (const id of incidents) {
          const entries = await outbox.ofIncident(id);
          for (const entry of entries) {
            if (entry.round === 0 && entry.step === 0) expect(entry.status).not.toBe("held");
          }
          for (const entry of entries.filter(
            (e) => e.status === "sent" || e.status === "held" || e.status === "bundling",
          )) {
            const key = `${entry.agencyId}/${entry.contactId}`;
            expect({ key, link: links.has(key) }).toEqual({ key, link: true });
            if (!boards.has(entry.agencyId))
              boards.set(entry.agencyId, await dutyBoard(centre.ack, entry.agencyId));
            const board = boards.get(entry.agencyId)!;
            const listed = [...board.waiting, ...board.inProgress].some((a) => a.incident.incidentId === id);
            const [incident, progress] = await Promise.all([
              new IncidentItems(centre.sender).get(id),
              new AgencyAlerts(centre.sender).get(id, entry.agencyId),
            ]);
            const open = incident?.state !== "closed" && progress?.status !== "resolved";
            expect({ key, id, listed }).toEqual({ key, id, listed: open });
            if (open && progress?.status === "alerted") {
              expect(board.waiting.some((a) => a.incident.incidentId === id)).toBe(true);
            }
          }
        }
      }),
      // A failing run is reported as found (shrinking it can take minutes on a shared machine).
      { numRuns: 10, endOnFailure: true },
    );
  }, 180_000);
});
