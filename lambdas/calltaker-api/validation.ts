/**
 * Request bodies of the call-taker API, validated with zod/mini, and 4xx answers that name each
 * bad field, the value given and what is accepted.
 */
import * as z from "zod/mini";
import { CALLBACK_RESULTS } from "../../domain/call-back";
import { INCIDENT_CATEGORIES } from "../../domain/categories";
import { SEVERITIES } from "../../domain/incident";
import { CALL_OUTCOMES, INCIDENT_STATES } from "../../domain/incident-events";
import { acceptedText, valueAt, type ZodIssueLike } from "../../domain/zod-issues";
import type { HttpResponse } from "../shared/ports";

export const classificationBody = z.object({
  category: z.enum(INCIDENT_CATEGORIES),
  severity: z.enum(SEVERITIES as [string, ...string[]]),
  location: z.object({
    text: z.string().check(z.minLength(3), z.maxLength(500)),
    lat: z.optional(z.number().check(z.gte(-11.5), z.lte(6.5))),
    lon: z.optional(z.number().check(z.gte(94), z.lte(141.5))),
  }),
  notes: z.optional(z.string().check(z.maxLength(2000))),
});

export const outcomeBody = z.object({ outcome: z.enum(CALL_OUTCOMES) });
export const closeBody = z.object({ outcome: z.optional(z.enum(CALL_OUTCOMES)) });

const day = z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));
const limit = z.optional(z.string().check(z.regex(/^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$/)));
const cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(1024)));

/** `GET /incidents`: a day's list, one state, filters, a page. */
export const listQuery = z.object({
  day,
  state: z.optional(z.enum(INCIDENT_STATES)),
  category: z.optional(z.enum(INCIDENT_CATEGORIES)),
  /** Caller flag: repeat caller, suspected prank, or no number. */
  flag: z.optional(z.enum(["repeat", "prank", "no-number"])),
  /** How the call went; `pending` = nothing recorded yet. */
  call: z.optional(z.enum(["answered", "abandoned", "overflowed", "pending"])),
  /** `mine` (my desk and the unassigned), `all` (every desk: supervisors), or one desk's username. */
  desk: z.optional(z.string().check(z.regex(/^[A-Za-z0-9@._+-]{1,128}$/))),
  limit,
  cursor,
});

export const countsQuery = z.object({ day });
export const pageQuery = z.object({ limit, cursor });
export const alertsQuery = z.object({ open: z.optional(z.literal("true")) });

export const callBackBody = z.object({
  result: z.enum(CALLBACK_RESULTS),
  talkSeconds: z.optional(z.number().check(z.gte(0), z.lte(86_400))),
});
export const assignmentBody = z.object({
  assignee: z.string().check(z.regex(/^[A-Za-z0-9@._+-]{1,128}$/)),
});
export const emptyBody = z.object({});

/** One bad field of a request. */
export interface FieldProblem {
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
}

/**
 * Validates input against a schema: the data, or the problems naming each bad field.
 *
 * @example
 * check(outcomeBody, { outcome: "joke" }) // { problems: [{ field: "outcome", value: "joke", expected: "one of \"genuine\", …" }] }
 */
export function check<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
): { data: T; problems?: undefined } | { data?: undefined; problems: FieldProblem[] } {
  const result = z.safeParse(schema, input);
  if (result.success) return { data: result.data };
  return {
    problems: (result.error.issues as unknown as ZodIssueLike[]).map((issue) => ({
      field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(body)",
      value: valueAt(input, issue.path),
      expected: acceptedText(issue),
    })),
  };
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function json(statusCode: number, body: unknown): HttpResponse {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

/** Longest part of a bad value echoed back: a huge field never makes a huge answer (Lambda's 6 MB). */
export const ECHO_MAX = 80;
/** Problems listed per answer (a body can have thousands of bad keys). */
const MAX_PROBLEMS = 20;

/**
 * A bad value as an error echoes it: short values as they are, long strings and structures cut
 * to `ECHO_MAX` characters with the full length named.
 *
 * @example
 * echoed("x".repeat(4_000_000)) // "xxx…x… (4000000 characters)"
 */
export function echoed(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === "number" || typeof value === "boolean")
    return value;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  if (text.length <= ECHO_MAX) return value;
  return `${text.slice(0, ECHO_MAX)}… (${text.length} characters)`;
}

/**
 * The 400 answer naming each bad field (at most `MAX_PROBLEMS`, values echoed short).
 *
 * @example
 * invalid([{ field: "outcome", value: "joke", expected: "one of …" }]).statusCode // 400
 */
export function invalid(problems: FieldProblem[]): HttpResponse {
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, value: echoed(p.value) }));
  return json(400, {
    error: "invalid-request",
    message: shown
      .map((p) => `${p.field} ${JSON.stringify(p.value) ?? "missing"}: expected ${p.expected}`)
      .join("; "),
    problems: shown,
  });
}
