import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRegistry } from "../../registry/load-registry";
import { MAX_SOURCE_BYTES, readDocument } from "../../registry/read-source";
import { MANADO_FILE, manado, PLATFORM_FILE, platformText, problemsOf, source } from "./fixtures";

const manadoText = () => source(MANADO_FILE, manado()).text;

/** A "billion laughs" document: 9 levels of 9 aliases, about 3 KB, 387 million strings expanded. */
function aliasBomb(levels = 9): string {
  let text = 'lol: &a0 "lol"\n';
  for (let i = 1; i <= levels; i++)
    text += `lol${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(",")}]\n`;
  return text;
}

describe("bounds of a registry file (issue 11)", () => {
  it("refuses a YAML alias bomb in a field at once, naming the file and the line", () => {
    const text = aliasBomb() + manadoText().replace("name: Polresta Manado", "name: *a9");
    expect(text.length).toBeLessThan(4000);
    const started = performance.now();
    const { messages, registry } = problemsOf([{ file: MANADO_FILE, text }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(messages).toEqual([
      `${MANADO_FILE}:2:13: YAML aliases (*name) are not accepted in registry files: write each value out in full`,
    ]);
    expect(registry.tenants).toEqual([]);
  });

  it("refuses even one alias, and a merge key is an unknown key rather than a merge", () => {
    expect(readDocument({ file: "t.yaml", text: "a: &x 1\nb: *x\n" }).problem?.message).toContain(
      "YAML aliases (*name) are not accepted",
    );
    expect(readDocument({ file: "t.yaml", text: "<<: {a: 1}\n" }).document).toEqual({ "<<": { a: 1 } });
  });

  it("refuses JavaScript types and deep nesting", () => {
    expect(readDocument({ file: "t.yaml", text: "a: !!js/function x\n" }).problem?.message).toMatch(
      /^not valid YAML: unknown .*tag/,
    );
    const deep = `a: ${"[".repeat(40)}${"]".repeat(40)}\n`;
    expect(readDocument({ file: "t.yaml", text: deep }).problem?.message).toMatch(
      /^nested deeper than 16 levels/,
    );
  });

  it("refuses a 10 MB file in memory, naming it, and still checks the other files", () => {
    const huge = manadoText().replace("name: Polresta Manado", `name: ${"x".repeat(10_000_000)}`);
    const bitung = {
      ...manado(),
      code: "71.72",
      hub: "timur-9",
      phone: {
        numberArn:
          "arn:aws:connect:ap-southeast-1:111111111111:phone-number/0a1b2c3d-7172-4000-8000-000000000001",
        did: "+62438860112",
        overflow: "+62431000112",
      },
    };
    const { messages } = problemsOf([
      { file: MANADO_FILE, text: huge },
      source("tenants/71.72-kota-bitung.yaml", bitung),
    ]);
    expect(messages).toEqual([
      `${MANADO_FILE}: file is 9769 KB, over the limit of ${MAX_SOURCE_BYTES / 1024} KB for a registry file: is it the right file?`,
      `tenants/71.72-kota-bitung.yaml: hub "timur-9": unknown hub (did you mean "timur-1"?); hubs declared in platform.yaml: jawa-1, timur-1`,
    ]);
  });

  it("refuses a 10 MB file on disk without reading it", () => {
    const dir = mkdtempSync(join(tmpdir(), "siaga112-"));
    writeFileSync(join(dir, "platform.yaml"), platformText());
    writeFileSync(join(dir, "71.71-kota-manado.yaml"), Buffer.alloc(10 * 1024 * 1024, "#"));
    const { problems } = loadRegistry({ dir, promptsDir: "prompts" });
    expect(problems.map((p) => [p.file.endsWith("/71.71-kota-manado.yaml"), p.message])).toEqual([
      [true, "file is 10240 KB, over the limit of 256 KB for a registry file: is it the right file?"],
    ]);
  });

  it("bounds names, ids and lists, one problem each", () => {
    const tenant = manado();
    tenant.agencies[0].name = "x".repeat(121);
    (tenant.agencies[1].contacts as Record<string, unknown>[])[0].id = "x".repeat(1000);
    (tenant.agencies[2].contacts as Record<string, unknown>[])[0].sms = Array(11).fill("+6281200000121");
    const { messages } = problemsOf([source(MANADO_FILE, tenant)]);
    const about = (path: string) => messages.filter((m) => m.startsWith(`${MANADO_FILE}: ${path} `));
    expect(about("agencies[0].name")).toEqual([
      expect.stringMatching(/\.\.\.: too long: at most 120 characters$/),
    ]);
    expect(about("agencies[1].contacts[0].id")).toEqual([
      expect.stringMatching(/\.\.\.: not a valid contact id: at most 30 characters$/),
    ]);
    expect(about("agencies[2].contacts[0].sms")).toEqual([
      expect.stringMatching(/: expected at most 10 items$/),
    ]);
  });

  it("bounds the number of agencies", () => {
    const tenant = manado();
    tenant.agencies = Array.from({ length: 51 }, (_, i) => ({
      ...JSON.parse(JSON.stringify(tenant.agencies[i % 7])),
      id: `agency-${i}`,
    }));
    const { messages } = problemsOf([source(MANADO_FILE, tenant)]);
    expect(messages.filter((m) => m.startsWith(`${MANADO_FILE}: agencies `))).toEqual([
      expect.stringMatching(/: expected at most 50 items$/),
    ]);
  });

  it("keeps the platform file within the same bounds", () => {
    const { messages } = problemsOf([], { file: PLATFORM_FILE, text: aliasBomb(3) });
    expect(messages[0]).toMatch(/^tenants\/platform\.yaml:\d+:\d+: YAML aliases/);
  });
});
