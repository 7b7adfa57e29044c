import { parseRuntimeConfig, TENANT_RUNTIME_ENV, toRuntimeConfig } from "../../domain/tenant-runtime";
import { FUNCTIONS } from "../../lambdas/manifest";
import { requireRegistry } from "../../registry/load-registry";

const { tenants } = requireRegistry({ dir: "tenants" });

describe("the tenant runtime configuration", () => {
  it.each(tenants.map((t) => [t.code, t] as const))(
    "of tenant %s fits, with every other variable, well under Lambda's 4 KB environment",
    (_code, tenant) => {
      const json = JSON.stringify(toRuntimeConfig(tenant));
      // Other variables: ARNs, names and URLs of about 120 characters each.
      const others = Math.max(...FUNCTIONS.map((f) => ("wiring" in f ? f.wiring.env.length : 0))) * 160;
      expect(Buffer.byteLength(json) + TENANT_RUNTIME_ENV.length + others).toBeLessThan(4096 * 0.9);
    },
  );

  it("round-trips through the environment variable and keeps routing and steps", () => {
    const manado = tenants.find((t) => t.code === "71.71")!;
    const config = parseRuntimeConfig(JSON.stringify(toRuntimeConfig(manado)));
    expect(config.routing.fire).toEqual(["damkar", "polresta"]);
    expect(config.agencies.find((a) => a.id === "polresta")).toEqual({
      id: "polresta",
      kind: "police",
      name: "Polresta Manado",
      contacts: ["piket", "kasat"],
      steps: [
        { afterMinutes: 0, contacts: ["piket"] },
        { afterMinutes: 5, contacts: ["piket", "kasat"] },
      ],
      repeat: 2,
    });
    expect(config.zone.utcOffsetHours).toBe(8);
    expect(config.retentionDays).toBe(90);
    expect(config.locationLinkMinutes).toBe(60);
    expect(JSON.stringify(config)).not.toMatch(/\+62|@/);
  });

  it("names the variable, the path, the value and what is accepted when malformed", () => {
    const manado = toRuntimeConfig(tenants.find((t) => t.code === "71.71")!);
    expect(() => parseRuntimeConfig(undefined)).toThrow(`${TENANT_RUNTIME_ENV} is not set`);
    expect(() => parseRuntimeConfig("{")).toThrow("not JSON");
    const badStep = JSON.parse(JSON.stringify(manado));
    badStep.agencies[0].steps[0].contacts = ["nobody"];
    expect(() => parseRuntimeConfig(JSON.stringify(badStep))).toThrow(
      'agencies[0].steps[0].contacts "nobody": expected one of piket, kasat',
    );
    const badRoute = { ...manado, routing: { ...manado.routing, fire: ["ghost"] } };
    expect(() => parseRuntimeConfig(JSON.stringify(badRoute))).toThrow('routing.fire "ghost"');
    expect(() => parseRuntimeConfig(JSON.stringify({ ...manado, locationLinkMinutes: 0 }))).toThrow(
      "locationLinkMinutes 0: expected a whole number of minutes >= 1",
    );
  });
});
