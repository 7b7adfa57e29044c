/**
 * Turns a registry file's text into a plain document, within bounds: a file is at most
 * `MAX_SOURCE_BYTES`, YAML aliases are refused (a 2.8 KB "billion laughs" file expanded to gigabytes,
 * issue 11) and nesting is capped. js-yaml's own guards do it (`maxAliases`, `maxDepth`, see
 * https://raw.githubusercontent.com/nodeca/js-yaml/HEAD/docs/safety.md); the default core schema has
 * no `!!merge` and no JavaScript types, so `<<` is a plain (unknown) key and custom tags are errors.
 */
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import type { Problem } from "./problem";

/** A file's name and text, so the registry can be validated from memory (tests, bench). */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** Largest registry file read: Jakarta's example is under 8 KB. */
export const MAX_SOURCE_BYTES = 256 * 1024;

/** Deepest nesting of lists and mappings: a tenant file needs 6. */
export const MAX_NESTING = 16;

/** What a size problem says, for the check on disk (before reading) and in memory alike. */
export function tooLarge(file: string, bytes: number): Problem {
  return {
    file,
    path: "",
    message: `file is ${Math.ceil(bytes / 1024)} KB, over the limit of ${MAX_SOURCE_BYTES / 1024} KB for a registry file: is it the right file?`,
  };
}

/**
 * The document of a YAML or JSON file, or the one problem that stops it from being read.
 *
 * @example
 * readDocument({ file: "tenants/71.71-kota-manado.yaml", text: 'code: "71.71"' }) // { document: { code: "71.71" } }
 * readDocument({ file: "t.yaml", text: "a: &x [1]\nb: *x" }).problem?.message // "YAML aliases (*x) are not accepted …"
 */
export function readDocument(source: SourceFile): { document?: unknown; problem?: Problem } {
  const bytes = Buffer.byteLength(source.text, "utf8");
  if (bytes > MAX_SOURCE_BYTES) return { problem: tooLarge(source.file, bytes) };
  if (source.file.endsWith(".json")) {
    try {
      return { document: JSON.parse(source.text) };
    } catch (error) {
      return {
        problem: { file: source.file, path: "", message: `not valid JSON: ${(error as Error).message}` },
      };
    }
  }
  try {
    return {
      document: load(source.text, {
        filename: source.file,
        schema: CORE_SCHEMA,
        maxAliases: 0,
        maxDepth: MAX_NESTING,
      }),
    };
  } catch (error) {
    const where = (error as YAMLException).mark;
    const file = where ? `${source.file}:${where.line + 1}:${where.column + 1}` : source.file;
    if (!(error instanceof YAMLException))
      return { problem: { file, path: "", message: `not readable as YAML: ${String(error)}` } };
    return { problem: { file, path: "", message: yamlMessage(error.reason) } };
  }
}

function yamlMessage(reason: string): string {
  if (/maxAliases/.test(reason))
    return "YAML aliases (*name) are not accepted in registry files: write each value out in full";
  if (/maxDepth|depth/i.test(reason))
    return `nested deeper than ${MAX_NESTING} levels: a tenant file needs 6 (${reason})`;
  return `not valid YAML: ${reason}`;
}
