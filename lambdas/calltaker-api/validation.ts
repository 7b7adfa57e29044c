/**
 * Request bodies of the call-taker API, validated with zod/mini, and 4xx answers that name each
 * bad field, the value given and what is accepted.
 */
import * as z from "zod/mini";
import { INCIDENT_CATEGORIES } from "../../domain/categories";
import { SEVERITIES } from "../../domain/incident";
import { CALL_OUTCOMES } from "../../domain/incident-events";
import { acceptedText, valueAt, type ZodIssueLike } from "../../domain/zod-issues";

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

export const listQuery = z.object({
  day: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  state: z.optional(z.string().check(z.maxLength(20))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$/))),
});

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
