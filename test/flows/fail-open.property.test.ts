/**
 * Property: whatever the caller does and whatever fails, an inbound call ends with a human, a
 * caller hang-up, or (only when nobody can take the call, the queue being full, closed or
 * unstaffed, and the overflow number never answers, after every retry round) the spoken
 * last-resort message. Never a silent disconnect, never a wait with nobody there.
 */
import fc from "fast-check";
import type { LambdaInvoker } from "../../flows/lambda-invokers";
import { fakeIntakeInvoker, faultInvoker } from "../../flows/lambda-invokers";
import { type CallerInput, QUEUE_STATES, simulateFlow } from "../../flows/simulator";
import { buildCustomerQueueFlow, buildInboundFlow, placeholderRefs } from "../../flows/tenant-flows";
import { exampleTenants, promptSecondsFor } from "./support";

const input: fc.Arbitrary<CallerInput> = fc.oneof(
  fc.constantFrom(..."0123456789*#".split("")).map((press) => ({ press })),
  fc.constant({ silent: true as const }),
);
const intake: fc.Arbitrary<LambdaInvoker> = fc.oneof(
  fc.double({ min: 0, max: 10, noNaN: true }).map((seconds) => fakeIntakeInvoker({ seconds })),
  fc.constantFrom("error", "timeout", "malformed").map((f) => faultInvoker(f as "error")),
  fc.constant<LambdaInvoker>(() => ({ kind: "response", payload: { status: "error", error: "table" } })),
  fc.constant<LambdaInvoker>(() => ({ kind: "response", payload: ["not", "a", "map"] })),
);

describe("fail-open inbound flow (property)", () => {
  it("never disconnects a caller silently or before trying every fallback", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...exampleTenants()),
        fc.array(input, { maxLength: 3 }),
        fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: undefined }),
        intake,
        fc.constantFrom(...QUEUE_STATES),
        fc.constantFrom("answers" as const, "no-answer" as const, "fails" as const),
        async (tenant, inputs, hangUpAfterSeconds, lambda, queue, overflow) => {
          const refs = placeholderRefs(tenant);
          const result = await simulateFlow(buildInboundFlow(tenant, refs), {
            customerQueueFlow: buildCustomerQueueFlow(tenant, refs),
            caller: { inputs, hangUpAfterSeconds },
            lambda,
            queue,
            overflow,
            promptSeconds: promptSecondsFor(tenant),
          });
          if (result.humanReached || result.outcome === "caller-hung-up") return;
          expect(result.outcome).toBe("disconnected");
          expect(["full", "closed", "unstaffed"]).toContain(queue);
          expect(overflow).not.toBe("answers");
          expect(result.path.map((s) => s.action).slice(-2)).toEqual(["last-resort", "last-resort-end"]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
