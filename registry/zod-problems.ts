/**
 * Turns zod issues into registry problems that name the field, the value and what is accepted.
 */
import type { z } from "zod";
import { describeIssue, valueAt } from "../domain/zod-issues";
import { didYouMean, nearest } from "./did-you-mean";
import { type Problem, pathToString } from "./problem";

/**
 * One problem per zod issue (one per key for unknown keys), with the offending value read back
 * from the input so the user sees exactly what they wrote.
 *
 * @example
 * zodProblems("tenants/x.yaml", input, result.error.issues)
 */
export function zodProblems(
  file: string,
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const accepted = acceptedKeys(schema, issue.path);
      for (const key of issue.keys) {
        const guess = accepted.length ? nearest(key, accepted) : undefined;
        problems.push({
          file,
          path: pathToString([...issue.path, key]),
          message:
            `unknown key${guess ? ` (did you mean "${guess}"?)` : ""}` +
            (accepted.length ? `; accepted keys: ${accepted.join(", ")}` : ""),
        });
      }
      continue;
    }
    if (issue.code === "invalid_union") {
      // The only unions are staffedHours: say what both forms look like.
      problems.push({
        file,
        path: pathToString(issue.path),
        value: valueAt(input, issue.path),
        message: 'expected "24/7" or a list of {days, from, to} windows',
      });
      continue;
    }
    const value = valueAt(input, issue.path);
    const guess =
      issue.code === "invalid_value" && typeof value === "string" && issue.values.length > 1
        ? didYouMean(
            value,
            issue.values.filter((v) => typeof v === "string"),
          )
        : "";
    problems.push({
      file,
      path: pathToString(issue.path),
      value,
      message: `${describeIssue(issue, value)}${guess}`,
    });
  }
  return problems;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
  options?: { _zod: { def: SchemaDef } }[];
}

/** The keys the schema accepts for the object at `path`. */
function acceptedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def: SchemaDef | undefined = unwrap((schema as unknown as { _zod: { def: SchemaDef } })._zod.def);
  for (const key of path) {
    if (!def) return [];
    if (def.type === "array" && typeof key === "number") def = unwrap(def.element?._zod.def);
    else if (def.type === "object") def = unwrap(def.shape?.[String(key)]?._zod.def);
    else return [];
  }
  return def?.type === "object" && def.shape ? Object.keys(def.shape).filter((k) => k !== "$schema") : [];
}

function unwrap(def: SchemaDef | undefined): SchemaDef | undefined {
  let current = def;
  while (current) {
    if (current.innerType) current = current.innerType._zod.def;
    else if (current.type === "pipe" && current.in) current = current.in._zod.def;
    else if (current.type === "union")
      current =
        current.options?.map((o) => o._zod.def).find((d) => unwrap(d)?.type === "object") ??
        current.options?.[0]?._zod.def;
    else return current;
  }
  return current;
}
