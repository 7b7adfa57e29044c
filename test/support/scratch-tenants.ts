/** Scratch copies of the example registry for tests that edit tenant files. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A temp folder with `platform.yaml` and the given example tenant files (all by default).
 *
 * @example
 * const dir = scratchTenants(["71.71-kota-manado.yaml"]);
 */
export function scratchTenants(files?: readonly string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), "siaga112-tenants-")), "tenants");
  if (!files) {
    cpSync("tenants", dir, { recursive: true });
    return dir;
  }
  cpSync("tenants", dir, {
    recursive: true,
    filter: (src) =>
      !/\.ya?ml$/.test(src) || src.endsWith("platform.yaml") || files.some((f) => src.endsWith(f)),
  });
  return dir;
}

/**
 * Edits a file in place with a function of its text.
 *
 * @example
 * editFile(join(dir, "71.71-kota-manado.yaml"), (text) => text.replace("hub: timur-1", "hub: jawa-1"));
 */
export function editFile(path: string, edit: (text: string) => string): void {
  writeFileSync(path, edit(readFileSync(path, "utf8")));
}
