import { MAX_CALLBACK_ATTEMPTS, needsCallBack, withCallBackDue } from "../../domain/call-back";

const attempt = (result: "reached" | "no-answer" | "busy" | "invalid-number") => ({
  at: "2026-11-27T13:10:00.000Z",
  by: "rina",
  result,
});

describe("the call-back list", () => {
  it("holds abandoned and silent calls that came with a number", () => {
    expect(needsCallBack({ state: "abandoned", callerNumber: "+6281234567890" })).toBe(true);
    expect(needsCallBack({ state: "closed", outcome: "ghost", callerNumber: "+6281234567890" })).toBe(true);
    expect(needsCallBack({ state: "abandoned" })).toBe(false);
    expect(needsCallBack({ state: "closed", outcome: "prank", callerNumber: "+6281234567890" })).toBe(false);
    expect(needsCallBack({ state: "received", callerNumber: "+6281234567890" })).toBe(false);
  });

  it("lets a caller go once reached, once the number is dead, or after the last attempt", () => {
    const base = { state: "abandoned" as const, callerNumber: "+6281234567890" };
    expect(needsCallBack({ ...base, callbacks: [attempt("no-answer")] })).toBe(true);
    expect(needsCallBack({ ...base, callbacks: [attempt("no-answer"), attempt("reached")] })).toBe(false);
    expect(needsCallBack({ ...base, callbacks: [attempt("invalid-number")] })).toBe(false);
    const tries = Array.from({ length: MAX_CALLBACK_ATTEMPTS }, () => attempt("busy"));
    expect(needsCallBack({ ...base, callbacks: tries })).toBe(false);
  });

  it("sets and removes the sparse index key to follow the rule", () => {
    expect(withCallBackDue({ state: "abandoned", callerNumber: "+6281234567890" }).callbackDue).toBe("DUE");
    expect("callbackDue" in withCallBackDue({ state: "classified", callbackDue: "DUE" } as never)).toBe(
      false,
    );
  });
});
