import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PREFLIGHT_CHECKS } from "../../preflight/all-checks";

describe("PREFLIGHT_CHECKS", () => {
  const deploy = readFileSync("docs/deploy.md", "utf8");

  it("has unique ids, each with its calls and an AWS source", () => {
    const ids = PREFLIGHT_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of PREFLIGHT_CHECKS) {
      expect(check.calls.length).toBeGreaterThan(0);
      expect(check.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
    }
  });

  it("are all documented in docs/deploy.md with every IAM action they need", () => {
    for (const check of PREFLIGHT_CHECKS) {
      expect(deploy).toContain(`| \`${check.id}\``);
      for (const call of check.calls) expect(deploy).toContain(`\`${call.split(" ")[0]}\``);
    }
  });

  it("docs/deploy.md links only to files that exist in the repository", () => {
    const local = [...deploy.matchAll(/\]\((?!https?:|#)([^)#]+)/g)].map((m) => m[1]);
    expect(local.length).toBeGreaterThan(0);
    for (const link of local) {
      const path = join(dirname("docs/deploy.md"), link);
      expect({ link, exists: existsSync(path) && !path.startsWith("..") }).toEqual({ link, exists: true });
    }
  });
});
