import { acceptedText, describeIssue, valueAt } from "../../domain/zod-issues";

describe("zod issues in words", () => {
  it("say what is accepted for each kind of issue", () => {
    expect(acceptedText({ code: "invalid_value", path: ["kind"], values: ["police", "fire"] })).toBe(
      'one of "police", "fire"',
    );
    expect(acceptedText({ code: "too_small", path: ["text"], minimum: 3, origin: "string" })).toBe(
      "at least 3 characters",
    );
    expect(acceptedText({ code: "too_big", path: ["steps"], maximum: 1, origin: "array" })).toBe(
      "at most 1 item",
    );
    expect(acceptedText({ code: "too_big", path: ["lat"], maximum: 6.5, origin: "number" })).toBe(
      "at most 6.5",
    );
    expect(acceptedText({ code: "invalid_type", path: ["n"], expected: "int" })).toBe("a whole number");
  });

  it("keep a schema's own message as written", () => {
    const issue = { code: "too_small", path: ["agencies"], message: "a tenant needs at least one agency" };
    expect(describeIssue(issue, [])).toBe("a tenant needs at least one agency");
  });

  it("tell a missing value from a value of the wrong type", () => {
    const issue = { code: "invalid_type", path: ["phone"], expected: "object", message: "Invalid input" };
    expect(describeIssue(issue, undefined)).toBe("missing (a mapping of keys)");
    expect(describeIssue(issue, "0812")).toBe("expected a mapping of keys, got string");
    expect(describeIssue(issue, null)).toBe("expected a mapping of keys, got null");
  });

  it("say missing for an absent field even where the schema words what it accepts", () => {
    const issue = { code: "invalid_type", path: ["hub"], expected: "string", message: "a hub id as text" };
    expect(describeIssue(issue, undefined)).toBe("missing (a hub id as text)");
    expect(describeIssue(issue, 7)).toBe("expected a hub id as text, got number");
  });

  it("read the offending value back from the input, and nothing past a non-object", () => {
    expect(valueAt({ a: [{ b: 7 }] }, ["a", 0, "b"])).toBe(7);
    expect(valueAt({ a: "text" }, ["a", "length"])).toBeUndefined();
  });
});
