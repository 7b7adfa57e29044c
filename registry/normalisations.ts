/**
 * What validation changed in a file's values (phone numbers typed as `0813-4011-7002` are stored as
 * `+6281340117002`): reported as notices, so nobody wonders which number was deployed.
 */
import { type Problem, pathToString } from "./problem";

/**
 * One notice per text value that the schema stored differently from how the file writes it. Walks
 * the parsed value (bounded by the schema), reading the document alongside.
 *
 * @example
 * normalisations("tenants/71.72-kota-bitung.yaml", { phone: { overflow: "0813-4011-7002" } }, { phone: { overflow: "+6281340117002" } })
 * // [{ file, path: "phone.overflow", value: "0813-4011-7002", message: "read as +6281340117002" }]
 */
export function normalisations(file: string, document: unknown, parsed: unknown): Problem[] {
  const notices: Problem[] = [];
  const walk = (written: unknown, stored: unknown, path: PropertyKey[]) => {
    if (typeof stored === "string") {
      if (typeof written === "string" && written !== stored)
        notices.push({ file, path: pathToString(path), value: written, message: `read as ${stored}` });
      return;
    }
    if (stored === null || typeof stored !== "object" || written === null || typeof written !== "object")
      return;
    for (const [key, value] of Object.entries(stored)) {
      const index = Array.isArray(stored) ? Number(key) : key;
      walk((written as Record<string, unknown>)[key], value, [...path, index]);
    }
  };
  walk(document, parsed, []);
  return notices;
}
