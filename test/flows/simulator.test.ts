/**
 * The simulator against flows written by hand, as another team would export them from the Connect
 * designer (UUID identifiers, Metadata, text prompts), so it is not shaped only by our builder.
 * Together the two flows use every supported action type.
 */
import { readFileSync } from "node:fs";
import { SUPPORTED_ACTION_TYPES } from "../../flows/action-catalog";
import type { FlowContent } from "../../flows/flow-language";
import { faultInvoker, handlerInvoker } from "../../flows/lambda-invokers";
import { simulateFlow } from "../../flows/simulator";
import { verifyFlows } from "../../flows/verify";

const load = (name: string): FlowContent =>
  JSON.parse(readFileSync(`test/flows/hand-written/${name}.json`, "utf8")) as FlowContent;
const supportLine = load("support-line");
const holdWithOffer = load("hold-with-offer");
const lookup = (openTickets: number) =>
  handlerInvoker(async (event) => ({
    name: `caller ${event.Details.ContactData.CustomerEndpoint?.Address}`,
    openTickets,
    history: { lastCall: "yesterday" },
  }));
const ids = (flow: FlowContent) => new Map(flow.Actions.map((a, i) => [a.Identifier, `#${i}`]));

describe("simulator on hand-written flows", () => {
  it("the two flows together use every supported action type", () => {
    const used = new Set([...supportLine.Actions, ...holdWithOffer.Actions].map((a) => a.Type));
    expect([...SUPPORTED_ACTION_TYPES].filter((t) => !used.has(t))).toEqual([]);
  });

  it("menu digit, JSON Lambda, number comparison, open hours, available agents: queued", async () => {
    const result = await simulateFlow(supportLine, {
      caller: { inputs: [{ press: "1" }] },
      lambda: lookup(3),
      customerNumber: "+15555550123",
    });
    expect(result.outcome).toBe("queued");
    expect(result.attributes).toEqual({
      department: "billing",
      priority: "high",
      customer: "caller +15555550123",
    });
    const n = ids(supportLine);
    expect(result.path.map((s) => `${n.get(s.action)}:${s.branch}`)).toEqual([
      "#0:next",
      "#1:next",
      "#2:next",
      "#3:next",
      "#4:next",
      "#5:next",
      "#6:1",
      "#8:next",
      "#10:next",
      "#11:3",
      "#12:next",
      "#13:True",
      "#14:1",
      "#15:queued",
    ]);
  });

  it("an invalid digit is retried by the Loop, twice, then the call goes on", async () => {
    const result = await simulateFlow(supportLine, {
      caller: { inputs: [{ press: "7" }, { press: "7" }, { press: "7" }] },
      lambda: lookup(0),
    });
    const menu = supportLine.Actions[6].Identifier;
    expect(result.path.filter((s) => s.action === menu).map((s) => s.branch)).toEqual([
      "NoMatchingCondition",
      "NoMatchingCondition",
      "NoMatchingCondition",
    ]);
    expect(result.attributes).toEqual({});
    expect(result.outcome).toBe("queued");
  });

  it("silence costs the input time limit; a Lambda timeout costs its time limit; closed hours go to the number", async () => {
    const result = await simulateFlow(supportLine, { lambda: faultInvoker("timeout"), queue: "closed" });
    expect(result.outcome).toBe("answered-by-number");
    // "Thanks for calling." and the menu text at 15 characters/s, 5 s of silence, 4 s of Lambda.
    const text = ("Thanks for calling.".length + "Press 1 for billing, 2 for outages.".length) / 15;
    expect(result.elapsedSeconds).toBeCloseTo(text + 5 + 4, 2);
  });

  it("a full queue goes to the number; a failing number ends in the other team's disconnect", async () => {
    const full = await simulateFlow(supportLine, { lambda: lookup(0), queue: "full" });
    expect(full.outcome).toBe("answered-by-number");
    const failing = await simulateFlow(supportLine, { lambda: lookup(0), queue: "full", overflow: "fails" });
    expect(failing.outcome).toBe("disconnected");
    expect(failing.humanReached).toBe(false);
  });

  it("the caller hanging up stops the call where it is", async () => {
    const result = await simulateFlow(supportLine, { caller: { hangUpAfterSeconds: 2 } });
    expect(result.outcome).toBe("caller-hung-up");
    expect(result.elapsedSeconds).toBe(2);
    expect(result.path.at(-1)?.type).toBe("GetParticipantInput");
  });

  it("a customer-queue flow interrupts its hold loop, counts the Loop, then leaves the caller in queue", async () => {
    const result = await simulateFlow(holdWithOffer);
    expect(result.path.map((s) => `${s.action}:${s.branch}`)).toEqual([
      "hold-loop:MessagesInterrupted",
      "offers:ContinueLooping",
      "hold-loop:MessagesInterrupted",
      "offers:ContinueLooping",
      "hold-loop:MessagesInterrupted",
      "offers:DoneLooping",
      "keep-waiting:",
    ]);
    expect(result.outcome).toBe("flow-ended");
    expect(result.elapsedSeconds).toBe(90);
  });

  it("models staffing: a hold message with no interrupt and nobody staffed is waiting with nobody, never a human", async () => {
    const onItsOwn = await simulateFlow(holdWithOffer, { inQueue: true, queue: "unstaffed" });
    expect(onItsOwn.outcome).toBe("waiting-with-nobody");
    expect(onItsOwn.humanReached).toBe(false);
    const busy = await simulateFlow(holdWithOffer, { inQueue: true, queue: "busy", busySeconds: 45 });
    expect(busy).toMatchObject({ outcome: "answered-after-wait", humanReached: true, elapsedSeconds: 45 });
  });

  it("reads staffing with CheckMetricData: the default exit when nobody is available", async () => {
    const result = await simulateFlow(supportLine, { lambda: lookup(0), queue: "unstaffed" });
    const check = result.path.find((s) => s.type === "CheckMetricData");
    expect(check?.branch).toBe("next");
    expect(result.outcome).toBe("answered-by-number");
  });

  it("an action type it does not know stops the simulation with the reason", async () => {
    const flow: FlowContent = {
      Version: "2019-10-30",
      StartAction: "x",
      Actions: [{ Identifier: "x", Type: "CreateTask", Parameters: {}, Transitions: {} }],
    };
    const result = await simulateFlow(flow);
    expect(result).toMatchObject({ outcome: "stuck", detail: "x: action type CreateTask is not supported" });
  });

  it("the verifier finds the other team's flow can disconnect a caller and loops before any human", () => {
    const report = verifyFlows(
      "other-team",
      [{ name: "support-line", kind: "inbound", content: supportLine }],
      {
        promptSeconds: () => undefined,
      },
    );
    expect(report.problems.map((p) => `${p.rule}: ${p.message}`)).toEqual([
      "ends-with-human: DisconnectParticipant can be reached before the caller reaches a human",
      "time-budget: a Loop before the first hand-off makes the caller's wait depend on retries",
    ]);
  });
});
