/**
 * What a zod issue says the input should have been, in words, for every place that validates with
 * zod (tenant files with classic zod, request bodies with zod/mini): both report the field, the
 * value given and what is accepted. Works on the issue's plain shape, so it imports no zod.
 */

/** The fields of a zod issue (`z.core.$ZodIssue`) this module reads. */
export interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string;
  readonly values?: readonly unknown[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly expected?: string;
  readonly format?: string;
}

/**
 * Reads the value at a zod path from the raw input.
 *
 * @example
 * valueAt({ location: { text: "" } }, ["location", "text"]) // ""
 */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeName(expected: string | undefined): string {
  if (expected === "int") return "a whole number";
  if (expected === "object") return "a mapping of keys";
  if (expected === "array") return "a list";
  return `a ${expected ?? "value"}`;
}

function bound(limit: number | bigint | undefined, origin: string | undefined): string {
  if (origin === "string") return `${limit} character${limit === 1 ? "" : "s"}`;
  if (origin === "array") return `${limit} item${limit === 1 ? "" : "s"}`;
  return String(limit);
}

/** zod's own texts start so; a schema's custom message does not, and is kept as written. */
const GENERIC = /^(Invalid|Too small|Too big|Expected)/;

/**
 * What is accepted where the issue is: `one of "a", "b"`, `at least 3 characters`, `a whole number`.
 * A schema's own message (e.g. "a tenant needs at least one agency") is returned as written.
 *
 * @example
 * acceptedText({ code: "too_small", path: ["text"], minimum: 3, origin: "string" }) // "at least 3 characters"
 */
export function acceptedText(issue: ZodIssueLike): string {
  if (issue.message && !GENERIC.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_value":
      return `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return `at least ${bound(issue.minimum, issue.origin)}`;
    case "too_big":
      return `at most ${bound(issue.maximum, issue.origin)}`;
    case "invalid_type":
      return typeName(issue.expected);
    case "invalid_format":
      return issue.format === "regex" ? "the documented format" : `a ${issue.format}`;
    default:
      return "a valid value";
  }
}

/**
 * One sentence for a bad value: `missing (a string)`, `expected a list, got string`, or
 * `expected one of "a", "b"`. A missing field always says "missing", also where the schema words
 * what it accepts itself.
 *
 * @example
 * describeIssue({ code: "invalid_type", path: ["phone"], expected: "object" }, undefined) // "missing (a mapping of keys)"
 */
export function describeIssue(issue: ZodIssueLike, value: unknown): string {
  const accepted = acceptedText(issue);
  // A value of the wrong type, or none, says so, whatever the schema's own wording of what it accepts.
  if (issue.code === "invalid_type") {
    if (value === undefined) return `missing (${accepted})`;
    const got = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
    return `expected ${accepted}, got ${got}`;
  }
  if (accepted === issue.message) return accepted;
  return `expected ${accepted}`;
}
