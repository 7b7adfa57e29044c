import { KEY_WAITING_DAYS, LOG_RETENTION_DAYS, offboardingPlan } from "../../cli/offboarding-plan";
import { requireRegistry } from "../../registry/load-registry";
import { synthExampleApp } from "../support/example-app";
import { scratchTenants } from "../support/scratch-tenants";

interface CfnResource {
  readonly Type: string;
  readonly DeletionPolicy?: string;
  readonly Properties?: Record<string, unknown>;
}

describe("the offboarding plan against the synthesized stacks", () => {
  const dir = scratchTenants(["71.71-kota-manado.yaml"]);
  const { assembly } = synthExampleApp({ tenantsDir: dir });
  const manado = requireRegistry({ dir, promptsDir: "prompts" }).tenants[0];
  const plan = offboardingPlan(manado);
  const retainedIn = (stack: string) =>
    Object.values(assembly.getStackByName(stack).template.Resources as Record<string, CfnResource>).filter(
      (r) => r.DeletionPolicy === "Retain",
    );

  it("names the tenant's two stacks, call stack first, in their Regions", () => {
    expect(plan.stacks.map((s) => [s.name, s.region])).toEqual([
      ["siaga112-71-71-call", "ap-southeast-1"],
      ["siaga112-71-71-data", "ap-southeast-3"],
    ]);
    for (const stack of plan.stacks)
      expect(assembly.getStackByName(stack.name).environment.region).toBe(stack.region);
  });

  it("mentions every resource the stacks retain, and nothing they do not", () => {
    for (const stack of plan.stacks) {
      const inTemplate = retainedIn(stack.name);
      const inPlan = plan.retained.filter((r) => r.region === stack.region);
      expect(inPlan.map((r) => r.type).sort()).toEqual(inTemplate.map((r) => r.Type).sort());
      for (const resource of inTemplate) {
        const name =
          resource.Properties?.TableName ?? resource.Properties?.Name ?? resource.Properties?.LogGroupName;
        if (typeof name === "string" && !name.startsWith("/aws/vendedlogs/"))
          expect(inPlan.map((r) => r.name)).toContain(name);
      }
    }
  });

  it("states the key waiting period and log retention the templates set", () => {
    const all = plan.stacks.flatMap((s) => retainedIn(s.name));
    const keys = all.filter((r) => r.Type === "AWS::KMS::Key");
    expect(keys.map((k) => k.Properties?.PendingWindowInDays)).toEqual(keys.map(() => KEY_WAITING_DAYS));
    expect(keys.every((k) => String(k.Properties?.Description).startsWith("siaga112 71.71: "))).toBe(true);
    const retention = new Set(
      all.filter((r) => r.Type === "AWS::Logs::LogGroup").map((r) => r.Properties?.RetentionInDays),
    );
    expect(retention).toEqual(new Set([LOG_RETENTION_DAYS.functions, LOG_RETENTION_DAYS.callTakerApiAccess]));
    const table = all.find((r) => r.Type === "AWS::DynamoDB::Table");
    expect(table?.Properties?.DeletionProtectionEnabled).toBe(true);
  });
});
