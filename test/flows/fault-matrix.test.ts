/**
 * The fault matrix: every example tenant x intake {ok, error, timeout, malformed} x queue
 * {open, closed, full} x caller {silent, valid digit, invalid digit, hangs up}. Every call that is
 * not hung up reaches a human, in 100% of cases.
 */
import { fakeIntakeInvoker, faultInvoker, type LambdaInvoker } from "../../flows/lambda-invokers";
import { QUEUE_STATES, type ScriptedCaller, simulateFlow } from "../../flows/simulator";
import { buildInboundFlow, CONTACT_ATTRIBUTES, placeholderRefs } from "../../flows/tenant-flows";
import { exampleTenants, promptSecondsFor } from "./support";

const INTAKES: Record<string, () => LambdaInvoker> = {
  ok: () => fakeIntakeInvoker(),
  error: () => faultInvoker("error"),
  timeout: () => faultInvoker("timeout"),
  malformed: () => faultInvoker("malformed"),
};
const CALLERS: Record<string, ScriptedCaller> = {
  silent: {},
  "valid digit": { inputs: [{ press: "2" }] },
  "invalid digit": { inputs: [{ press: "9" }] },
  "hangs up": { hangUpAfterSeconds: 1 },
};

const cases = exampleTenants().flatMap((tenant) =>
  Object.keys(INTAKES).flatMap((intake) =>
    QUEUE_STATES.flatMap((queue) =>
      Object.keys(CALLERS).map((caller) => ({ tenant, intake, queue, caller })),
    ),
  ),
);

describe("fault matrix over every example tenant", () => {
  it("covers 3 tenants x 4 intake results x 3 queue states x 4 callers", () => {
    expect(cases).toHaveLength(exampleTenants().length * 48);
    expect(exampleTenants().length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((c) => [c.tenant.code, c.intake, c.queue, c.caller, c] as const))(
    "%s intake=%s queue=%s caller=%s",
    async (_code, intake, queue, caller, c) => {
      const content = buildInboundFlow(c.tenant, placeholderRefs(c.tenant));
      const result = await simulateFlow(content, {
        caller: CALLERS[caller],
        lambda: INTAKES[intake](),
        queue,
        promptSeconds: promptSecondsFor(c.tenant),
        customerNumber: "+6281234567890",
      });
      if (caller === "hangs up") {
        expect(result.outcome).toBe("caller-hung-up");
        return;
      }
      expect(result.humanReached).toBe(true);
      // Open queue: the tenant's call-takers; closed or full: the overflow centre.
      expect(result.outcome).toBe(queue === "open" ? "queued" : "answered-by-number");
      expect(result.attributes[CONTACT_ATTRIBUTES.intakeStatus]).toBe(intake === "ok" ? "ok" : "error");
      if (intake === "ok") expect(result.attributes[CONTACT_ATTRIBUTES.incidentId]).toBeTruthy();
      const menu = c.tenant.callHandling.categoryMenu;
      expect(result.attributes[CONTACT_ATTRIBUTES.category]).toBe(
        menu && caller === "valid digit" ? "fire" : undefined,
      );
      expect(result.elapsedSeconds).toBeLessThan(15);
    },
  );
});

describe("when the overflow centre fails too", () => {
  const t = exampleTenants()[0];
  const content = buildInboundFlow(t, placeholderRefs(t));

  it("closed queue: the caller hears a message and is put back in the queue", async () => {
    const result = await simulateFlow(content, {
      lambda: fakeIntakeInvoker(),
      queue: "closed",
      overflow: "no-answer",
      promptSeconds: promptSecondsFor(t),
    });
    expect(result.outcome).toBe("queued");
    const ids = result.path.map((s) => s.action);
    expect(ids.indexOf("connecting")).toBeGreaterThan(ids.indexOf("overflow"));
    expect(ids.at(-1)).toBe("queue-retry");
  });

  it("full queue and failing overflow: retries, then a spoken last resort, never a silent disconnect", async () => {
    const result = await simulateFlow(content, {
      lambda: fakeIntakeInvoker(),
      queue: "full",
      overflow: "fails",
      promptSeconds: promptSecondsFor(t),
    });
    expect(result.outcome).toBe("disconnected");
    const ids = result.path.map((s) => s.action);
    expect(ids.filter((id) => id === "queue-retry")).toHaveLength(10);
    expect(ids.slice(-2)).toEqual(["last-resort", "last-resort-end"]);
  });

  it("an intake answering status error still reaches a call-taker", async () => {
    const result = await simulateFlow(content, {
      lambda: () => ({ kind: "response", payload: { status: "error", error: "table" }, seconds: 0.1 }),
      promptSeconds: promptSecondsFor(t),
    });
    expect(result.outcome).toBe("queued");
    expect(result.attributes.intakeStatus).toBe("error");
  });
});
