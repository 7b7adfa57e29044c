/**
 * flows is pure: the CDK app, the CLI and the local centre all import it, so it must pull in
 * neither aws-cdk-lib nor the AWS SDK (the stack passes CDK tokens in as plain strings).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("flows imports", () => {
  it.each(sources("flows"))("%s imports neither aws-cdk-lib, constructs nor @aws-sdk", (file) => {
    const imports = [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.filter((i) => /^(aws-cdk-lib|constructs|@aws-sdk\/)/.test(i))).toEqual([]);
  });
});
