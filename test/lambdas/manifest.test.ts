/**
 * The manifest as the stacks read it: every public function URL is handed to the other functions
 * under an environment name of its own.
 */
import { type FunctionTrigger, wiredFunctions } from "../../lambdas/manifest";

type UrlTrigger = Extract<FunctionTrigger, { kind: "function-url" }>;

describe("the manifest's public function URLs", () => {
  const published = wiredFunctions("data").flatMap((f) =>
    f.wiring.trigger.kind === "function-url"
      ? [{ name: f.name, env: (f.wiring.trigger as UrlTrigger).baseUrlEnv }]
      : [],
  );

  it("are the acknowledgement and the caller location pages, each under its own environment name", () => {
    expect(published).toEqual([
      { name: "ack", env: "ACK_BASE_URL" },
      { name: "location", env: "LOCATION_BASE_URL" },
    ]);
    expect(new Set(published.map((p) => p.env)).size).toBe(published.length);
  });

  it("are read only by functions that send links to them, never by their own function", () => {
    for (const { name, env } of published) {
      const readers = wiredFunctions("data")
        .filter((f) => f.wiring.env.includes(env))
        .map((f) => f.name);
      expect(readers).not.toContain(name);
    }
    const readersOf = (env: string) =>
      wiredFunctions("data")
        .filter((f) => f.wiring.env.includes(env as never))
        .map((f) => f.name);
    expect(readersOf("LOCATION_BASE_URL")).toEqual(["calltaker-api"]);
  });
});
