/**
 * Reads and validates the whole tenant registry: `platform.yaml` plus one file per tenant.
 * Every problem in every file is reported at once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { z } from "zod";
import type { Platform, Tenant } from "../domain/tenant";
import { crossCheck, type TenantEntry } from "./cross-checks";
import { normalisations } from "./normalisations";
import { resolvePlatform } from "./platform";
import { type Problem, RegistryError } from "./problem";
import { MAX_SOURCE_BYTES, readDocument, type SourceFile, tooLarge } from "./read-source";
import { resolveTenant, TENANT_FILE_NAME } from "./resolve-tenant";
import { platformFileSchema, tenantFileSchema } from "./tenant-file-schema";
import { viewOfTenantFile } from "./tenant-view";
import { zodProblems } from "./zod-problems";

export type { SourceFile } from "./read-source";

export const PLATFORM_FILE = "platform.yaml";

export interface Registry {
  readonly platform?: Platform;
  readonly tenants: readonly Tenant[];
  readonly problems: readonly Problem[];
  /** Values stored differently from how they are written (numbers read as E.164); not errors. */
  readonly notices: readonly Problem[];
}

export interface ValidateOptions {
  /** Prompt sets available (folders under `prompts/`). */
  readonly promptSets: readonly string[];
}

/**
 * Validates a registry given as texts, reporting every problem of every file in one pass: the
 * schema's, and the routing and cross-file rules over whatever each file's values allow (a lenient
 * second pass, ./tenant-view.ts). Tenants come back in code order; a tenant with any problem is
 * left out.
 *
 * @example
 * validateRegistry({ file: "tenants/platform.yaml", text }, [{ file: "tenants/71.71-kota-manado.yaml", text }], { promptSets: ["default"] })
 */
export function validateRegistry(
  platformSource: SourceFile,
  tenantSources: readonly SourceFile[],
  options: ValidateOptions,
): Registry {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const parsedPlatform = parseDocument(platformSource, platformFileSchema, problems).parsed;
  let platform: Platform | undefined;
  if (parsedPlatform) {
    const resolved = resolvePlatform(platformSource.file, parsedPlatform);
    problems.push(...resolved.problems);
    platform = resolved.platform;
  }

  const tenants: Tenant[] = [];
  const entries: TenantEntry[] = [];
  for (const source of tenantSources) {
    const name = TENANT_FILE_NAME.exec(basename(source.file));
    if (!name) {
      problems.push({
        file: source.file,
        path: "",
        message: 'file name must be <code>-<slug>.yaml (or .yml/.json), e.g. "71.71-kota-manado.yaml"',
      });
      continue;
    }
    const { document, parsed } = parseDocument(source, tenantFileSchema, problems);
    if (document === undefined) continue;
    if (parsed) notices.push(...normalisations(source.file, document, parsed));
    // A valid file is read from its parsed value (numbers already E.164); an invalid one leniently.
    const view = parsed ? viewOfTenantFile(parsed, { valid: true }) : viewOfTenantFile(document);
    entries.push({
      file: source.file,
      code: view.code,
      hub: view.hub,
      numbers: [
        ...(view.phone.numberArn !== undefined
          ? [{ path: "phone.numberArn", value: view.phone.numberArn }]
          : []),
        ...(view.phone.did !== undefined ? [{ path: "phone.did", value: view.phone.did }] : []),
      ],
    });
    if (!platform) continue;
    const resolved = resolveTenant(source.file, { code: name[1], slug: name[2] }, view, parsed, {
      platform,
      promptSets: options.promptSets,
    });
    problems.push(...resolved.problems);
    if (resolved.tenant) tenants.push(resolved.tenant);
  }
  if (platform) problems.push(...crossCheck(entries, platform, platformSource.file));
  tenants.sort((a, b) => a.code.localeCompare(b.code));
  return { platform, tenants, problems, notices };
}

/**
 * The document of a file (when it reads as a mapping) and its value under the schema (when valid);
 * every problem found on the way is pushed.
 */
function parseDocument<S extends z.ZodType>(
  source: SourceFile,
  schema: S,
  problems: Problem[],
): { document?: Record<string, unknown>; parsed?: z.output<S> } {
  const { document, problem } = readDocument(source);
  if (problem) {
    problems.push(problem);
    return {};
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    problems.push({
      file: source.file,
      path: "",
      value: document,
      message: "expected a mapping of keys at the top of the file",
    });
    return {};
  }
  const input = document as Record<string, unknown>;
  const result = schema.safeParse(input);
  if (result.success) return { document: input, parsed: result.data };
  problems.push(...zodProblems(source.file, schema, input, result.error.issues));
  return { document: input };
}

export interface LoadOptions {
  /** The tenants folder; default `tenants` in the working directory. */
  readonly dir?: string;
  /** Only these tenant files (paths); the rest of the folder is still read for cross-file rules. */
  readonly only?: readonly string[];
  /** Folder of prompt sets; default `prompts` in the working directory (they ship with the repository). */
  readonly promptsDir?: string;
}

/**
 * Loads the registry from disk.
 *
 * @example
 * const { tenants, problems } = loadRegistry({ dir: "tenants" });
 */
export function loadRegistry(options: LoadOptions = {}): Registry {
  const dir = options.dir ?? "tenants";
  const display = (path: string) => relative(process.cwd(), path) || path;
  const platformPath = join(dir, PLATFORM_FILE);
  if (!existsSync(platformPath)) {
    return {
      tenants: [],
      problems: [
        {
          file: display(platformPath),
          path: "",
          message: "missing: declare the Connect hubs and the national stack here",
        },
      ],
      notices: [],
    };
  }
  const tenantFiles = readdirSync(dir)
    .filter((f) => f !== PLATFORM_FILE && /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  const extra = (options.only ?? []).filter((f) => !tenantFiles.some((t) => sameFile(t, f)));
  const oversized: Problem[] = [];
  const read = (path: string): SourceFile | undefined => {
    // Checked before reading: a 10 MB file is refused without being loaded.
    const bytes = statSync(path).size;
    if (bytes <= MAX_SOURCE_BYTES) return { file: display(path), text: readFileSync(path, "utf8") };
    oversized.push(tooLarge(display(path), bytes));
    return undefined;
  };
  const sources = [...tenantFiles, ...extra].map(read).filter((s) => s !== undefined);
  const platformSource = read(platformPath);
  const validated = validateRegistry(platformSource ?? { file: display(platformPath), text: "" }, sources, {
    promptSets: listPromptSets(options.promptsDir ?? "prompts"),
  });
  const registry = {
    ...validated,
    problems: [
      ...oversized,
      ...(platformSource
        ? validated.problems
        : validated.problems.filter((p) => p.file !== display(platformPath))),
    ],
  };
  if (!options.only) return registry;
  const wanted = new Set(options.only.map(display));
  const mentioned = (p: Problem) =>
    wanted.has(p.file.replace(/:\d+:\d+$/, "")) || p.file === display(platformPath);
  return {
    ...registry,
    tenants: registry.tenants.filter((t) => wanted.has(t.file)),
    problems: registry.problems.filter(mentioned),
    notices: registry.notices.filter(mentioned),
  };
}

function sameFile(a: string, b: string): boolean {
  return relative(a, b) === "";
}

function listPromptSets(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((entry) => statSync(join(dir, entry)).isDirectory());
}

/**
 * Loads the registry and throws a `RegistryError` listing every problem if there is any.
 *
 * @example
 * const { platform, tenants } = requireRegistry();
 */
export function requireRegistry(options: LoadOptions = {}): {
  platform: Platform;
  tenants: readonly Tenant[];
} {
  const registry = loadRegistry(options);
  if (registry.problems.length > 0 || !registry.platform) throw new RegistryError(registry.problems);
  return { platform: registry.platform, tenants: registry.tenants };
}
