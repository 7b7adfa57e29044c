/**
 * Generates `schema/tenant.schema.json` and `schema/platform.schema.json` from the zod schemas, so
 * editors validate tenant files while typing (`# yaml-language-server: $schema=...`).
 * Run `npm run schema` after changing registry/tenant-file-schema.ts; a test fails when they drift.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { platformFileSchema, tenantFileSchema } from "./tenant-file-schema";

/**
 * The JSON Schema documents, keyed by file name under `schema/`.
 *
 * @example
 * jsonSchemas()["tenant.schema.json"].title // "siaga112 tenant"
 */
export function jsonSchemas(): Record<string, object> {
  const render = (schema: z.ZodType, title: string, description: string) => ({
    ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
    title,
    description,
  });
  return {
    "tenant.schema.json": render(
      tenantFileSchema,
      "siaga112 tenant",
      "One kabupaten/kota (or DKI Jakarta) on siaga112: tenants/<code>-<slug>.yaml",
    ),
    "platform.schema.json": render(
      platformFileSchema,
      "siaga112 platform",
      "The national stack's home and the Amazon Connect hubs: tenants/platform.yaml",
    ),
  };
}

if (require.main === module) {
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    writeFileSync(join(__dirname, "..", "schema", file), `${JSON.stringify(schema, null, 2)}\n`);
    console.log(`wrote schema/${file}`);
  }
}
