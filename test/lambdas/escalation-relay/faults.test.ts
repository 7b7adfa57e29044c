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

/** Every (incident, agency, round, step) delivered exactly once, and exactly these. */
function expectExactlyOnce(expected: string[]) {
  const counts = new Map<string, number>();
  for (const alert of centre.sent) counts.set(alert.dedupKey, (counts.get(alert.dedupKey) ?? 0) + 1);
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
    expectExactlyOnce([`${id}:damkar:0:0`, `${id}:polresta:0:0`]);
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
    expectExactlyOnce([`${id}:damkar:0:0`, `${id}:polresta:0:0`]);
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
        Key: outboxKey(id, "psc119", 0, 0),
        UpdateExpression: "SET #s = :sending, claimUntil = :until",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":sending": "sending", ":until": centre.now() + CLAIM_MILLIS },
      }),
    );
    expect(await sweepOutbox(centre.sender)).toEqual(["already-handled"]);
    expect(centre.sent).toEqual([]);
    centre.advance(CLAIM_MILLIS + 1000);
    await sweepOutbox(centre.sender);
    expectExactlyOnce([`${id}:psc119:0:0`]);
  });

  it("throttled SNS with the stream and two sweepers racing still sends each step once", async () => {
    const ids = [await centre.call(), await centre.call("+6281200000999")];
    centre.failPublishes(3);
    for (const id of ids) await classifyIncident(centre.api, id, fire);
    await centre.drain();
    await sweepFor(10);
    // Two fires at the same time: polresta's and damkar's piket get the second one bundled.
    const direct = centre.sent.filter((a) => !a.dedupKey.startsWith("digest:")).map((a) => a.dedupKey);
    expect(new Set(direct).size).toBe(direct.length);
    await centre.fireDue();
    const alerted = new Set(
      centre.sent.flatMap((a) =>
        a.dedupKey.startsWith("digest:")
          ? a.dedupKey
              .split(":")[3]!
              .split(",")
              .map((k) => k.split("|")[0])
          : [a.dedupKey.split(":")[0]],
      ),
    );
    expect([...alerted].sort()).toEqual([...ids].sort());
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
    expectExactlyOnce([`${id}:psc119:0:0`]);
  });

  it("dead-letters an entry SNS keeps refusing, after its attempts, and says so", async () => {
    const id = await centre.call();
    centre.failPublishes(1000, "AuthorizationErrorException");
    await classifyIncident(centre.api, id, { ...fire, category: "medical" });
    await centre.drain();
    await sweepFor(60);
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: centre.tableName, Key: outboxKey(id, "psc119", 0, 0) }),
    );
    expect(Item).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
    expect(Item!.lastError).toContain("AuthorizationErrorException");
    expect(centre.logs.some((l) => l.level === "ERROR" && l.message === "escalation dead-lettered")).toBe(
      true,
    );
  });

  it("bundles a flood for one contact into one digest, leaving out what was acknowledged", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await centre.call(`+62812000010${i}0`);
      ids.push(id);
      await classifyIncident(centre.api, id, { ...fire, category: "medical" });
      await centre.drain();
    }
    expect(centre.sent).toHaveLength(1);
    // PSC 119 acknowledged one of the held incidents meanwhile (e.g. after a phone call).
    await db.doc.send(
      new UpdateCommand({
        TableName: centre.tableName,
        Key: agencyAlertKey(ids[3]!, "psc119"),
        UpdateExpression: "SET #s = :ack",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":ack": "acknowledged" },
      }),
    );
    centre.advance(61_000);
    await centre.fireDue();
    expect(centre.sent).toHaveLength(2);
    const digest = centre.sent[1]!;
    expect(digest.contacts).toEqual(["piket"]);
    expect(digest.sms).toContain("4 insiden baru");
    expect(digest.email.body.split("\n").filter((l) => l.includes("/a/"))).toHaveLength(4);
    expect(digest.dedupKey).not.toContain(ids[3]!);
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
