import { FlowBuilder } from "../../flows/flow-builder";

describe("FlowBuilder", () => {
  it("refuses identifiers Connect would reject, naming the identifier", () => {
    const flow = new FlowBuilder();
    expect(() => flow.disconnect("a/b")).toThrow('action identifier "a/b" contains "/"');
    expect(() => flow.disconnect("x".repeat(51))).toThrow(/is 51 characters long \(at most 50\)/);
    flow.disconnect("bye");
    expect(() => flow.disconnect("bye")).toThrow('action identifier "bye" is used twice');
  });

  it("refuses a Lambda time limit outside 1-8 s and a loop count over 100", () => {
    const flow = new FlowBuilder();
    expect(() =>
      flow.invokeLambda("l", { functionArn: "arn", timeoutSeconds: 9 }, { next: "x", onError: "x" }),
    ).toThrow("l: Lambda time limit 9: must be a whole number of seconds from 1 to 8");
    expect(() => flow.loop("r", 101, { onContinue: "a", onDone: "b" })).toThrow(/loop count 101/);
  });

  it("refuses to build a flow whose transitions name missing actions", () => {
    const flow = new FlowBuilder();
    flow.message("hello", { text: "Halo" }, { next: "queue", onError: "bye" });
    flow.disconnect("bye");
    expect(() => flow.build("hello")).toThrow("flow transitions name missing actions: hello -> queue");
  });

  it("writes numbers and booleans as strings", () => {
    const flow = new FlowBuilder();
    flow.loop("r", 3, { onContinue: "bye", onDone: "bye" });
    flow.disconnect("bye");
    expect(JSON.stringify(flow.build("r"))).toContain('"LoopCount":"3"');
  });
});
