import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { agencyAlertKey, outboxKey } from "../../../domain/incident-table";
import { classifyIncident } from "../../../lambdas/calltaker-api/operations";
import { CLAIM_MILLIS, MAX_ATTEMPTS } from "../../../lambdas/escalation/deliver-outbox";
import { relayChanges } from "../../../lambdas/escalation-relay/relay";
import { runScheduledTask, sweepOutbox } from "../../../lambdas/reescalate/run-scheduled-task";
import { readScheduledTask } from "../../../lambdas/reescalate/scheduled-task";
import type { TableChange } from "../../../lambdas/shared/ports";
import { startCentre, type TestCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";

let db: TestTable;
let centre: TestCentre;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());
beforeEach(async () => {
  centre = await startCentre(db);
});

const fire = {
  category: "fire",
  severity: "critical",
  location: { text: "Jl. Sam Ratulangi No. 12" },
} as const;

/** Every (incident, agency, round, step, contact) delivered exactly once, and exactly these. */
function expectExactlyOnce(expected: string[]) {
  const counts = new Map<string, number>();
  for (const alert of centre.sent) {
    for (const { incidentId, round, step } of alert.about) {
      const key = `${incidentId}:${alert.agencyId}:${round}:${step}:${alert.contactId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

async function sweepFor(minutes: number) {
  for (let i = 0; i < minutes; i++) {
    centre.advance(60_000);
    await Promise.all([sweepOutbox(centre.sender), sweepOutbox(centre.sender)]);
    centre.pending.length = 0; // only the sweeper works: the stream is gone
  }
}

describe("escalation under faults", () => {
  it("a crash between the write and the publish loses nothing: the sweeper delivers each once", async () => {
    const id = await centre.call();
    await classifyIncident(centre.api, id, fire);
    centre.pending.length = 0; // the relay never saw the new outbox entries
    expect(centre.sent).toEqual([]);
    await sweepFor(3);
    expectExactlyOnce([`${id}:damkar:0:0:piket`, `${id}:polresta:0:0:piket`]);
  });

  it("a call-taker API that died between the state write and the outbox loses nothing: the relay opens it", async () => {
    const id = await centre.call();
    const failing = {
      ...centre.api,
      db: {
        send: (command: { constructor: { name: string }; input: { Item?: { sk?: string } } }) =>
          command.constructor.name === "PutCommand" && command.input.Item?.sk?.startsWith("AGENCY#")
            ? Promise.reject(new Error("Lambda timed out"))
            : centre.api.db.send(command),
      },
    };
    await expect(classifyIncident(failing, id, fire)).rejects.toThrow("Lambda timed out");
    await centre.drain();
    expectExactlyOnce([`${id}:damkar:0:0:piket`, `${id}:polresta:0:0:piket`]);
  });

  it("two call-takers classifying at once: one wins, the other gets a conflict, only the winner's agencies hear", async () => {
    const id = await centre.call();
    const results = await Promise.allSettled([
      classifyIncident(centre.api, id, fire),
      classifyIncident(centre.api, id, { ...fire, category: "medical" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.name),
    ).toEqual([expect.stringMatching(/ConcurrentChangeError|IllegalTransitionError/)]);
    await centre.drain();
    const agencies = centre.sent.map((a) => a.agencyId).sort();
    expect([["damkar", "polresta"], ["psc119"]]).toContainEqual(agencies);
  });

  it("a relay that crashed after claiming is taken over once its claim lapses, not before", async () => {
    const id = await centre.call();
    await classifyIncident(centre.api, id, { ...fire, category: "medical" });
    centre.pending.length = 0;
    await db.doc.send(
      new UpdateCommand({
        TableName: centre.tableName,
        Key: outboxKey(id, { agencyId: "psc119", round: 0, step: 0, contactId: "piket" }),
        UpdateExpression: "SET #s = :sending, claimUntil = :until",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":sending": "sending", ":until": centre.now() + CLAIM_MILLIS },
      }),
    );
    expect(await sweepOutbox(centre.sender)).toEqual(["already-handled"]);
    expect(centre.sent).toEqual([]);
    centre.advance(CLAIM_MILLIS + 1000);
    await sweepOutbox(centre.sender);
    expectExactlyOnce([`${id}:psc119:0:0:piket`]);
  });

  it("throttled SNS with the stream and two sweepers racing still sends each step once", async () => {
    const ids = [await centre.call(), await centre.call("+6281200000999")];
    centre.failPublishes(3);
    for (const id of ids) await classifyIncident(centre.api, id, fire);
    await centre.drain();
    await sweepFor(10);
    await centre.fireDue();
    // Two fires at the same time: each first alert goes out, once, whatever the throttling.
    const firsts = ids.flatMap((id) => [`${id}:damkar:0:0:piket`, `${id}:polresta:0:0:piket`]);
    const later = centre.sent.flatMap((a) =>
      a.about
        .filter((s) => s.round > 0 || s.step > 0)
        .map((s) => `${s.incidentId}:${a.agencyId}:${s.round}:${s.step}:${a.contactId}`),
    );
    expectExactlyOnce([...firsts, ...later]);
  });

  it("a failing table makes the relay report the records for retry instead of throwing", async () => {
    const id = await centre.call();
    await classifyIncident(centre.api, id, { ...fire, category: "medical" });
    const changes = centre.pending.splice(0, centre.pending.length);
    const { failed } = await relayChanges({ ...centre.sender, tableName: "no-such-table" }, changes);
    expect(failed.length).toBeGreaterThan(0);
    expect(centre.sent).toEqual([]);
    // The retried batch, against a healthy table, delivers once.
    await relayChanges(centre.sender, changes);
    await relayChanges(centre.sender, changes);
    expectExactlyOnce([`${id}:psc119:0:0:piket`]);
  });

  it("dead-letters an entry SNS keeps refusing, after its attempts, and says so", async () => {
    const id = await centre.call();
    centre.failPublishes(1000, "AuthorizationErrorException");
    await classifyIncident(centre.api, id, { ...fire, category: "medical" });
    await centre.drain();
    await sweepFor(60);
    const { Item } = await db.doc.send(
      new GetCommand({
        TableName: centre.tableName,
        Key: outboxKey(id, { agencyId: "psc119", round: 0, step: 0, contactId: "piket" }),
      }),
    );
    expect(Item).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
    expect(Item!.lastError).toContain("AuthorizationErrorException");
    expect(centre.logs.some((l) => l.level === "ERROR" && l.message === "escalation dead-lettered")).toBe(
      true,
    );
  });

  it("sends every first alert of a flood at once, and bundles the reminders into one digest per contact", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await centre.call(`+62812000010${i}0`);
      ids.push(id);
      await classifyIncident(centre.api, id, { ...fire, category: "crime" });
      await centre.drain();
    }
    expect(centre.sent.map((a) => a.contactId)).toEqual(Array(6).fill("piket"));
    // Five minutes on, step 2 (piket and kasat) is due for all six: kasat gets the first reminder
    // at once; the rest wait for its limit; piket (six messages already) waits for its 15 minutes.
    centre.advance(5 * 60_000);
    await centre.fireDue();
    expect(centre.sent.slice(6).map((a) => a.contactId)).toEqual(["kasat"]);
    // Polresta acknowledged one of the held incidents meanwhile (e.g. after a phone call).
    await db.doc.send(
      new UpdateCommand({
        TableName: centre.tableName,
        Key: agencyAlertKey(ids[3]!, "polresta"),
        UpdateExpression: "SET #s = :ack",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":ack": "acknowledged" },
      }),
    );
    centre.advance(61_000);
    await centre.fireDue();
    const digest = centre.sent[7]!;
    expect(digest.contactId).toBe("kasat");
    expect(digest.sms).toContain("4 insiden menunggu konfirmasi");
    expect(digest.sms).toContain("/p/polresta.kasat.");
    expect(digest.email.body.split("\n").filter((l) => l.includes("/a/"))).toHaveLength(4);
    expect(digest.about.map((a) => a.incidentId)).not.toContain(ids[3]!);
    for (let minute = 0; minute < 15; minute++) {
      centre.advance(60_000);
      await centre.fireDue();
    }
    // Piket's first reminder names the five unacknowledged incidents (their step 2 and, ten minutes
    // on, the repeat of step 1: bundled together), never the acknowledged one.
    const toPiket = centre.sent.slice(8).find((a) => a.contactId === "piket")!;
    expect(new Set(toPiket.about.map((a) => a.incidentId))).toEqual(new Set(ids.filter((_, i) => i !== 3)));
  });
});

describe("relay and scheduled tasks on arbitrary input", () => {
  it("never throw, and report only ids they were given", async () => {
    const image = fc.dictionary(
      fc.constantFrom(
        "pk",
        "sk",
        "incidentId",
        "status",
        "state",
        "agencyId",
        "round",
        "step",
        "callerKey",
        "receivedAt",
      ),
      fc.oneof(
        fc.string(),
        fc.integer(),
        fc.constantFrom("INCIDENT", "OUTBOX#damkar#0#0", "AGENCY#damkar", "pending", "sent", "closed"),
      ),
    );
    const change = fc.record({
      id: fc.string(),
      eventName: fc.constantFrom("INSERT", "MODIFY", "REMOVE"),
      oldImage: fc.option(image, { nil: undefined }),
      newImage: fc.option(image, { nil: undefined }),
    }) as fc.Arbitrary<TableChange>;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 5 }), async (changes) => {
        const { failed } = await relayChanges(centre.sender, changes);
        for (const id of failed) expect(changes.map((c) => c.id)).toContain(id);
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            kind: fc.constantFrom("step", "digest", "sweep"),
            incidentId: fc.string(),
            agencyId: fc.constantFrom("damkar", "x"),
            contactId: fc.string(),
            round: fc.integer(),
            step: fc.integer(),
          }),
        ),
        async (input) => {
          const task = readScheduledTask(input);
          if (task) await expect(runScheduledTask(centre.sender, task)).resolves.toHaveProperty("kind");
        },
      ),
      {
        numRuns: 100,
        examples: [
          [{ kind: "digest", incidentId: "", agencyId: "damkar", contactId: "toString", round: 0, step: 0 }],
        ],
      },
    );
  });
});
