/**
 * The fault matrix: every example tenant x intake {ok, error, timeout, malformed} x queue {open,
 * busy, unstaffed, closed, full} x caller {silent, valid digit, invalid digit, hangs up}, with the
 * overflow centre answering. Every call that is not hung up reaches a human, in 100% of cases.
 * Then the staffing cases: nobody staffed, everybody busy for 10 minutes, and the overflow centre
 * unreachable: every call that does not hang up reaches a human or the announced last resort.
 */
import type { Tenant } from "../../domain/tenant";
import { fakeIntakeInvoker, faultInvoker, type LambdaInvoker } from "../../flows/lambda-invokers";
import {
  type OverflowBehaviour,
  QUEUE_STATES,
  type QueueState,
  type ScriptedCaller,
  type SimulationResult,
  simulateFlow,
} from "../../flows/simulator";
import {
  buildCustomerQueueFlow,
  buildInboundFlow,
  CONTACT_ATTRIBUTES,
  placeholderRefs,
} from "../../flows/tenant-flows";
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

function call(
  tenant: Tenant,
  options: {
    queue: QueueState;
    overflow?: OverflowBehaviour;
    caller?: ScriptedCaller;
    lambda?: LambdaInvoker;
  },
): Promise<SimulationResult> {
  const refs = placeholderRefs(tenant);
  return simulateFlow(buildInboundFlow(tenant, refs), {
    caller: options.caller,
    lambda: options.lambda ?? fakeIntakeInvoker(),
    queue: options.queue,
    overflow: options.overflow,
    customerQueueFlow: buildCustomerQueueFlow(tenant, refs),
    promptSeconds: promptSecondsFor(tenant),
    customerNumber: "+6281234567890",
  });
}

/** A human, or the last-resort message followed by the end of the call, and nothing else. */
function reachedHumanOrAnnouncedLastResort(result: SimulationResult): boolean {
  if (result.humanReached) return true;
  const ids = result.path.map((s) => s.action);
  return result.outcome === "disconnected" && ids.slice(-2).join(" ") === "last-resort last-resort-end";
}

const cases = exampleTenants().flatMap((tenant) =>
  Object.keys(INTAKES).flatMap((intake) =>
    QUEUE_STATES.flatMap((queue) =>
      Object.keys(CALLERS).map((caller) => ({ tenant, intake, queue, caller })),
    ),
  ),
);

describe("fault matrix over every example tenant", () => {
  it("covers 3 tenants x 4 intake results x 5 queue states x 4 callers", () => {
    expect(cases).toHaveLength(exampleTenants().length * 80);
    expect(exampleTenants().length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((c) => [c.tenant.code, c.intake, c.queue, c.caller, c] as const))(
    "%s intake=%s queue=%s caller=%s",
    async (_code, intake, queue, caller, c) => {
      const result = await call(c.tenant, { queue, caller: CALLERS[caller], lambda: INTAKES[intake]() });
      if (caller === "hangs up") {
        expect(result.outcome).toBe("caller-hung-up");
        return;
      }
      expect(result.humanReached).toBe(true);
      // Open: the tenant's call-takers at once. Busy: queued, moved to the overflow centre after
      // the tenant's limit. Unstaffed, closed or full: the overflow centre without queueing.
      expect(result.outcome).toBe(queue === "open" ? "queued" : "answered-by-number");
      const limit = c.tenant.callHandling.maxQueueWaitSeconds;
      expect(result.elapsedSeconds).toBeLessThan(queue === "busy" ? 15 + limit : 15);
      expect(result.path.some((s) => s.type === "TransferContactToQueue")).toBe(
        queue === "open" || queue === "busy" || queue === "full",
      );
      expect(result.attributes[CONTACT_ATTRIBUTES.intakeStatus]).toBe(intake === "ok" ? "ok" : "error");
      if (intake === "ok") expect(result.attributes[CONTACT_ATTRIBUTES.incidentId]).toBeTruthy();
      const menu = c.tenant.callHandling.categoryMenu;
      expect(result.attributes[CONTACT_ATTRIBUTES.category]).toBe(
        menu && caller === "valid digit" ? "fire" : undefined,
      );
    },
  );
});

describe("staffing: a caller never waits with nobody there", () => {
  const staffingCases = exampleTenants().flatMap((tenant) =>
    (["unstaffed", "busy", "closed", "full"] as const).flatMap((queue) =>
      (["answers", "no-answer", "fails"] as const).map((overflow) => ({ tenant, queue, overflow })),
    ),
  );

  it.each(staffingCases.map((c) => [c.tenant.code, c.queue, c.overflow, c] as const))(
    "%s queue=%s overflow=%s: a human or the announced last resort",
    async (_code, queue, overflow, c) => {
      const result = await call(c.tenant, { queue, overflow });
      expect(reachedHumanOrAnnouncedLastResort(result)).toBe(true);
      expect(result.outcome).not.toBe("waiting-with-nobody");
    },
  );

  it("nobody staffed: the caller goes to the overflow number without being queued", async () => {
    const result = await call(exampleTenants()[0], { queue: "unstaffed" });
    expect(result.outcome).toBe("answered-by-number");
    const staffing = result.path.find((s) => s.action === "staffing");
    expect(staffing).toMatchObject({ type: "CheckMetricData", branch: "next" });
    expect(result.path.some((s) => s.type === "TransferContactToQueue")).toBe(false);
  });

  it("everybody busy for 10 minutes: moved to the overflow centre after the tenant's limit", async () => {
    const t = exampleTenants()[0];
    const result = await call(t, { queue: "busy" });
    expect(result.outcome).toBe("answered-by-number");
    const interrupt = result.path.find((s) => s.action === "hold-message");
    expect(interrupt).toMatchObject({ branch: "MessagesInterrupted" });
    expect(result.path.at(-1)?.atSeconds).toBeGreaterThanOrEqual(t.callHandling.maxQueueWaitSeconds);
  });

  it("everybody busy for 10 minutes and the overflow unreachable: answered when a call-taker frees up", async () => {
    const result = await call(exampleTenants()[0], { queue: "busy", overflow: "fails" });
    expect(result.outcome).toBe("answered-after-wait");
    expect(result.elapsedSeconds).toBe(600);
    const ids = result.path.map((s) => s.action);
    expect(ids.filter((id) => id === "overflow").length).toBeGreaterThan(1);
  });

  it("nobody staffed and the overflow unreachable: retries, then the spoken last resort", async () => {
    const result = await call(exampleTenants()[0], { queue: "unstaffed", overflow: "fails" });
    expect(result.outcome).toBe("disconnected");
    const ids = result.path.map((s) => s.action);
    expect(ids.filter((id) => id === "overflow-retry")).toHaveLength(10);
    expect(ids.includes("queue-retry")).toBe(false);
    expect(ids.slice(-2)).toEqual(["last-resort", "last-resort-end"]);
  });

  it("a caller queued while staffed whose call-takers then all log out hears the last resort after the rounds", async () => {
    const t = exampleTenants()[0];
    const refs = placeholderRefs(t);
    const result = await simulateFlow(buildCustomerQueueFlow(t, refs), {
      inQueue: true,
      queue: "unstaffed",
      overflow: "no-answer",
      promptSeconds: promptSecondsFor(t),
    });
    expect(result.outcome).toBe("disconnected");
    expect(result.path.map((s) => s.action).slice(-3)).toEqual([
      "still-staffed",
      "last-resort",
      "last-resort-end",
    ]);
  });
});

describe("when the overflow centre fails too", () => {
  const t = exampleTenants()[0];

  it("full queue and failing overflow: retries, then a spoken last resort, never a silent disconnect", async () => {
    const result = await call(t, { queue: "full", overflow: "fails" });
    expect(result.outcome).toBe("disconnected");
    const ids = result.path.map((s) => s.action);
    expect(ids.filter((id) => id === "queue-retry")).toHaveLength(10);
    expect(ids.slice(-2)).toEqual(["last-resort", "last-resort-end"]);
  });

  it("a failing staffing check queues the caller anyway (fail-open): the hold flow still moves them on", () => {
    const refs = placeholderRefs(t);
    const inbound = buildInboundFlow(t, refs);
    for (const id of ["staffing", "staffing-retry"]) {
      const check = inbound.Actions.find((a) => a.Identifier === id);
      const queue = inbound.Actions.find((a) => a.Identifier === check?.Transitions.Errors?.[0]?.NextAction);
      expect(queue?.Type).toBe("TransferContactToQueue");
    }
    const still = buildCustomerQueueFlow(t, refs).Actions.find((a) => a.Identifier === "still-staffed");
    expect(still?.Transitions.Errors).toEqual([{ ErrorType: "NoMatchingError", NextAction: "keep-waiting" }]);
  });

  it("an intake answering status error still reaches a call-taker", async () => {
    const result = await call(t, {
      queue: "open",
      lambda: () => ({ kind: "response", payload: { status: "error", error: "table" }, seconds: 0.1 }),
    });
    expect(result.outcome).toBe("queued");
    expect(result.attributes.intakeStatus).toBe("error");
  });
});
