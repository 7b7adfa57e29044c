/**
 * Reads and validates the whole tenant registry: `platform.yaml` plus one file per tenant.
 * Every problem in every file is reported at once.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { load, YAMLException } from "js-yaml";
import type { z } from "zod";
import type { Platform, Tenant } from "../domain/tenant";
import { crossCheck } from "./cross-checks";
import { resolvePlatform } from "./platform";
import { type Problem, RegistryError } from "./problem";
import { checkIdentity, resolveTenant, TENANT_FILE_NAME } from "./resolve-tenant";
import { platformFileSchema, tenantFileSchema } from "./tenant-file-schema";
import { zodProblems } from "./zod-problems";

export const PLATFORM_FILE = "platform.yaml";

/** A file's name and text, so the registry can be validated from memory (tests, bench). */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export interface Registry {
  readonly platform?: Platform;
  readonly tenants: readonly Tenant[];
  readonly problems: readonly Problem[];
}

export interface ValidateOptions {
  /** Prompt sets available (folders under `prompts/`). */
  readonly promptSets: readonly string[];
}

/**
 * Validates a registry given as texts. Tenants come back in code order; a tenant with any problem
 * is left out and its problems reported.
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
  const parsedPlatform = parseSource(platformSource, platformFileSchema, problems);
  let platform: Platform | undefined;
  if (parsedPlatform) {
    const resolved = resolvePlatform(platformSource.file, parsedPlatform);
    problems.push(...resolved.problems);
    platform = resolved.platform;
  }

  const tenants: Tenant[] = [];
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
    const parsed = parseSource(source, tenantFileSchema, problems);
    if (!parsed) {
      // The file's shape is wrong somewhere; still check what can be checked so every problem shows at once.
      if (platform) problems.push(...checkIdentity(source.file, name[1], rawOf(source), platform));
      continue;
    }
    if (!platform) continue;
    const resolved = resolveTenant(source.file, { code: name[1], slug: name[2] }, parsed, {
      platform,
      promptSets: options.promptSets,
    });
    problems.push(...resolved.problems);
    if (resolved.tenant) tenants.push(resolved.tenant);
  }
  if (platform) problems.push(...crossCheck(tenants, platform, platformSource.file));
  tenants.sort((a, b) => a.code.localeCompare(b.code));
  return { platform, tenants, problems };
}

/** The raw document when it parses, for the checks that still run on an invalid file. */
function rawOf(source: SourceFile): unknown {
  try {
    return source.file.endsWith(".json") ? JSON.parse(source.text) : load(source.text);
  } catch {
    return undefined;
  }
}

function parseSource<S extends z.ZodType>(
  source: SourceFile,
  schema: S,
  problems: Problem[],
): z.output<S> | undefined {
  let input: unknown;
  if (source.file.endsWith(".json")) {
    try {
      input = JSON.parse(source.text);
    } catch (error) {
      problems.push({ file: source.file, path: "", message: `not valid JSON: ${(error as Error).message}` });
      return undefined;
    }
  } else {
    try {
      input = load(source.text, { filename: source.file });
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      problems.push({
        file: error.mark ? `${source.file}:${error.mark.line + 1}:${error.mark.column + 1}` : source.file,
        path: "",
        message: `not valid YAML: ${error.reason}`,
      });
      return undefined;
    }
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    problems.push({
      file: source.file,
      path: "",
      value: input,
      message: "expected a mapping of keys at the top of the file",
    });
    return undefined;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  problems.push(...zodProblems(source.file, schema, input, result.error.issues));
  return undefined;
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
    };
  }
  const tenantFiles = readdirSync(dir)
    .filter((f) => f !== PLATFORM_FILE && /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  const extra = (options.only ?? []).filter((f) => !tenantFiles.some((t) => sameFile(t, f)));
  const sources = [...tenantFiles, ...extra].map((path) => ({
    file: display(path),
    text: readFileSync(path, "utf8"),
  }));
  const registry = validateRegistry(
    { file: display(platformPath), text: readFileSync(platformPath, "utf8") },
    sources,
    {
      promptSets: listPromptSets(options.promptsDir ?? "prompts"),
    },
  );
  if (!options.only) return registry;
  const wanted = new Set(options.only.map(display));
  return {
    ...registry,
    tenants: registry.tenants.filter((t) => wanted.has(t.file)),
    problems: registry.problems.filter(
      (p) => wanted.has(p.file.replace(/:\d+:\d+$/, "")) || p.file === display(platformPath),
    ),
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
