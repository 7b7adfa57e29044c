import { readFileSync } from "node:fs";
import { jsonSchemas } from "../../registry/write-json-schema";

describe("the JSON Schemas editors use", () => {
  it.each(Object.keys(jsonSchemas()))("schema/%s matches the zod schema (run `npm run schema`)", (file) => {
    const committed = JSON.parse(readFileSync(`schema/${file}`, "utf8"));
    expect(committed).toEqual(jsonSchemas()[file]);
  });

  it("rejects unknown keys and lists the agency kinds for editors", () => {
    const tenant = jsonSchemas()["tenant.schema.json"] as {
      additionalProperties: boolean;
      properties: { agencies: { items: { properties: { kind: { enum: string[] } } } } };
    };
    expect(tenant.additionalProperties).toBe(false);
    expect(tenant.properties.agencies.items.properties.kind.enum).toContain("sar");
  });
});
