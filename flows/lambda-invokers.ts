/**
 * Lambda invokers for the flow simulator: a real handler function, an injected fault, or an
 * in-memory intake answering like the real one. The local centre passes its own invoker.
 */
import type { ConnectContactFlowEvent } from "aws-lambda";
import type { IntakeOkAnswer } from "../lambdas/intake/answer";

export interface LambdaRequest {
  readonly functionArn: string;
  readonly event: ConnectContactFlowEvent;
  readonly timeLimitSeconds: number;
}

/** What a Lambda invocation gave the flow; `seconds` is how long it took (simulated or measured). */
export type LambdaOutcome =
  | { readonly kind: "response"; readonly payload: unknown; readonly seconds?: number }
  | { readonly kind: "error"; readonly message: string; readonly seconds?: number }
  | { readonly kind: "timeout" };

export type LambdaInvoker = (request: LambdaRequest) => LambdaOutcome | Promise<LambdaOutcome>;

export const LAMBDA_FAULTS = ["error", "timeout", "malformed"] as const;
export type LambdaFault = (typeof LAMBDA_FAULTS)[number];

/**
 * Wraps a real handler (e.g. the intake handler against dynalite); its wall time is the Lambda's time.
 *
 * @example
 * const lambda = handlerInvoker((event) => handler(event));
 */
export function handlerInvoker(handler: (event: ConnectContactFlowEvent) => unknown): LambdaInvoker {
  return async ({ event }) => {
    const started = performance.now();
    try {
      const payload = await handler(event);
      return { kind: "response", payload, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: "error", message, seconds: (performance.now() - started) / 1000 };
    }
  };
}

/**
 * An invoker that always fails the given way: a thrown error, a timeout, or a response the flow
 * cannot use (nested values where a flat string map is expected).
 *
 * @example
 * faultInvoker("timeout")(request) // { kind: "timeout" }
 */
export function faultInvoker(fault: LambdaFault): LambdaInvoker {
  switch (fault) {
    case "error":
      return () => ({ kind: "error", message: "injected fault: handler threw", seconds: 0.05 });
    case "timeout":
      return () => ({ kind: "timeout" });
    case "malformed":
      return () => ({
        kind: "response",
        payload: { status: { nested: true }, incidentId: 42 },
        seconds: 0.05,
      });
  }
}

/**
 * An in-memory intake answering like the real one (`status: "ok"`, an incident id and flags),
 * numbering incidents per invoker. For the CLI, the fault matrix and the bench.
 *
 * @example
 * const lambda = fakeIntakeInvoker({ seconds: 0.3 });
 */
export function fakeIntakeInvoker(options: { seconds?: number; repeatCaller?: boolean } = {}): LambdaInvoker {
  let next = 0;
  return ({ event }) => {
    next += 1;
    const answer: IntakeOkAnswer = {
      status: "ok",
      incidentId: event.Details.ContactData.ContactId,
      shortCode: `K${String(next % 100_000).padStart(5, "0")}`,
      repeatCaller: options.repeatCaller ? "true" : "false",
      suspectedPrank: "false",
    };
    return { kind: "response", seconds: options.seconds ?? 0.3, payload: answer };
  };
}
