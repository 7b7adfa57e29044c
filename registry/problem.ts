/**
 * A problem found in the tenant registry: which file, which field, what value, what is accepted.
 */

export interface Problem {
  /** File the problem is in, as the user named it (relative path). */
  readonly file: string;
  /** Field path like `agencies[2].contacts[0].sms[1]`; empty for the whole file. */
  readonly path: string;
  /** The offending value, when there is one. */
  readonly value?: unknown;
  /** What is wrong and what would be accepted. */
  readonly message: string;
}

/**
 * Renders a problem on one line.
 *
 * @example
 * formatProblem({ file: "tenants/71.71-kota-manado.yaml", path: "phone.overflow", value: "0812", message: "not an E.164 number (e.g. +6281234567890)" })
 * // 'tenants/71.71-kota-manado.yaml: phone.overflow "0812": not an E.164 number (e.g. +6281234567890)'
 */
export function formatProblem(problem: Problem): string {
  const where = problem.path ? ` ${problem.path}` : "";
  const what = problem.value === undefined ? "" : ` ${renderValue(problem.value)}`;
  const at = `${where}${what}`;
  return at ? `${problem.file}:${at}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

function renderValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Joins a path of keys and indexes the way people write it: `agencies[2].sms`.
 *
 * @example
 * pathToString(["agencies", 2, "sms"]) // "agencies[2].sms"
 */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Thrown where a whole registry must be valid (synth, CLI commands that deploy or simulate). */
export class RegistryError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`tenant registry has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "RegistryError";
  }
}
