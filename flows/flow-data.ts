/**
 * The simulator's view of a contact's flow data: what `$.Attributes.x`, `$.External.x` and the
 * other JSONPath references of the flow language read, and how conditions compare values.
 */
import type { FlowCondition } from "./flow-language";

export type FlowData = { [key: string]: unknown };

/**
 * Reads a JSONPath reference such as `$.External.status` (dotted form only).
 * Returns `undefined` when a step is missing; a value that is not a reference is returned as-is.
 *
 * @example
 * resolveValue("$.External.status", { External: { status: "ok" } }) // "ok"
 * resolveValue("hello", {}) // "hello"
 */
export function resolveValue(value: string, data: FlowData): unknown {
  if (!value.startsWith("$.")) return value;
  let current: unknown = data;
  for (const step of value.slice(2).split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/**
 * Whether `value` satisfies a flow-language condition (`Equals`, `Number*`, `Text*`).
 *
 * @example
 * conditionHolds({ Operator: "NumberGreaterThan", Operands: ["0"] }, "2") // true
 */
export function conditionHolds(condition: FlowCondition, value: unknown): boolean {
  const operand = condition.Operands?.[0] ?? "";
  const text = value === undefined || value === null ? "" : String(value);
  const number = Number(text);
  const target = Number(operand);
  const numeric = text !== "" && Number.isFinite(number) && Number.isFinite(target);
  switch (condition.Operator) {
    case "Equals":
      return text === operand;
    case "NumberGreaterThan":
      return numeric && number > target;
    case "NumberGreaterOrEqualTo":
      return numeric && number >= target;
    case "NumberLessThan":
      return numeric && number < target;
    case "NumberLessOrEqualTo":
      return numeric && number <= target;
    case "TextStartsWith":
      return text.startsWith(operand);
    case "TextEndsWith":
      return text.endsWith(operand);
    case "TextContains":
      return text.includes(operand);
    default:
      return false;
  }
}
