/**
 * The inbound flow with the real intake code (recordCall) against dynalite, through the
 * simulator: what a call-taker sees on a real call, and that a broken table never blocks a caller.
 */
import { randomUUID } from "node:crypto";
import { handlerInvoker } from "../../flows/lambda-invokers";
import { simulateFlow } from "../../flows/simulator";
import { buildInboundFlow, placeholderRefs } from "../../flows/tenant-flows";
import { type IntakeDeps, recordCall } from "../../lambdas/intake/record-call";
import { startDynalite, type TestTable } from "../lambdas/support/dynalite";
import { manadoRuntime } from "../lambdas/support/tenant";
import { promptSecondsFor, tenant } from "./support";

let db: TestTable;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());

const manado = tenant("71.71");
const content = buildInboundFlow(manado, placeholderRefs(manado));

async function intake(tableName?: string): Promise<IntakeDeps> {
  return {
    tenant: manadoRuntime(),
    dynamodb: db.client,
    tableName: tableName ?? (await db.newTable()),
    clock: { now: () => Date.parse("2026-11-27T13:00:00Z") },
    log: () => {},
  };
}

function call(deps: IntakeDeps) {
  return simulateFlow(content, {
    lambda: handlerInvoker((event) => recordCall(deps, event)),
    promptSeconds: promptSecondsFor(manado),
    customerNumber: "+6281234567890",
    contactId: randomUUID(),
  });
}

describe("inbound flow with the real intake against dynalite", () => {
  it("gives the call-taker the incident id, short code and flags; a second call is flagged as a repeat", async () => {
    const deps = await intake();
    const first = await call(deps);
    expect(first.outcome).toBe("queued");
    expect(first.attributes).toEqual({
      intakeStatus: "ok",
      incidentId: expect.any(String),
      shortCode: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/),
      repeatCaller: "false",
      suspectedPrank: "false",
    });
    const second = await call(deps);
    expect(second.attributes.repeatCaller).toBe("true");
    expect(second.attributes.incidentId).not.toBe(first.attributes.incidentId);
  });

  it("a missing table makes intake answer an error, and the caller still reaches the queue", async () => {
    const result = await call(await intake("no-such-table"));
    expect(result.outcome).toBe("queued");
    expect(result.attributes).toEqual({ intakeStatus: "error" });
  });
});
