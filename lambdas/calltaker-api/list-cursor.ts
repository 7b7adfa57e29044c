/**
 * The opaque cursor of the call-taker API's lists: where the previous page ended (DynamoDB's
 * `LastEvaluatedKey`), bound to the list it came from. The API signs nothing (it holds no secret),
 * so a cursor is validated instead: it must decode to exactly the keys of the list's index, all
 * strings, of an incident item, in the same partition as the query (same day, state or call-back
 * list). A cursor from another list, tenant day or a hand-made one is refused naming `cursor`.
 */
import type { IncidentListKey } from "../items/incident-lists";

/** What a cursor must agree with: the index key names and the values fixed by the query. */
export interface CursorScope {
  /** Every attribute name the key has (table and index keys). */
  readonly keyNames: readonly string[];
  /** Attributes whose value the query fixes (e.g. `dayPk`), and their values. */
  readonly fixed: Readonly<Record<string, string>>;
  /** Sort-key range the query reads, if any: `[attribute, from, to]`. */
  readonly range?: readonly [string, string, string];
}

/** A cursor that is not one of this list's (400, names the `cursor` parameter). */
export class BadCursorError extends RangeError {
  override readonly name = "BadCursorError";
  constructor(
    readonly cursor: string,
    why: string,
  ) {
    super(
      `cursor "${cursor.slice(0, 40)}${cursor.length > 40 ? "…" : ""}": ${why}; use the nextCursor of the previous page of the same list`,
    );
  }
}

const VERSION = "1";

/**
 * @example
 * encodeCursor({ pk: "INC#a", sk: "INCIDENT", dayPk: "DAY#2026-11-27", receivedAt: "2026-11-27T13:00:00.000Z" }) // "MS57InBrIjoi..."
 */
export function encodeCursor(key: IncidentListKey): string {
  return Buffer.from(`${VERSION}.${JSON.stringify(key)}`, "utf8").toString("base64url");
}

/**
 * Reads a cursor back into the key to continue from, refusing anything this list did not make.
 *
 * @example
 * decodeCursor(cursor, { keyNames: ["pk", "sk", "dayPk", "receivedAt"], fixed: { dayPk: "DAY#2026-11-27" } })
 */
export function decodeCursor(cursor: string, scope: CursorScope): IncidentListKey {
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw new BadCursorError(cursor, "not a cursor");
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const dot = text.indexOf(".");
  if (dot < 0 || text.slice(0, dot) !== VERSION)
    throw new BadCursorError(cursor, "not a cursor of this API version");
  let key: unknown;
  try {
    key = JSON.parse(text.slice(dot + 1));
  } catch {
    throw new BadCursorError(cursor, "not a cursor");
  }
  if (typeof key !== "object" || key === null || Array.isArray(key))
    throw new BadCursorError(cursor, "not a cursor");
  const entries = Object.entries(key as Record<string, unknown>);
  const names = entries.map(([name]) => name).sort();
  if (
    names.join("|") !== [...new Set(scope.keyNames)].sort().join("|") ||
    entries.some(([, value]) => typeof value !== "string" || value.length > 256)
  ) {
    throw new BadCursorError(cursor, "not a cursor of this list");
  }
  const values = key as Record<string, string>;
  if (!values.pk?.startsWith("INC#") || values.sk !== "INCIDENT")
    throw new BadCursorError(cursor, "not a cursor of this list");
  for (const [name, value] of Object.entries(scope.fixed)) {
    if (values[name] !== value)
      throw new BadCursorError(cursor, "from another list (other day, state or filter)");
  }
  if (scope.range) {
    const [name, from, to] = scope.range;
    const value = values[name]!;
    if (value < from || value > to)
      throw new BadCursorError(cursor, "from another list (other day, state or filter)");
  }
  return values;
}
