/**
 * cdk-nag AwsSolutions on the whole example app: zero unacknowledged findings, and every
 * acknowledgement carries a reason.
 */
import { App, Stack, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import { AwsSolutionsChecks } from "cdk-nag";
import { acknowledgeWildcards } from "../../lib/nag-acknowledgements";
import { synthExampleApp } from "../support/example-app";

function acknowledgements(app: App): { path: string; id: string; reason: string }[] {
  const found: { path: string; id: string; reason: string }[] = [];
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        found.push({
          path: construct.node.path,
          id,
          reason: typeof reason === "string" ? reason : JSON.stringify(reason),
        });
      }
    }
  }
  return found;
}

describe("cdk-nag AwsSolutions", () => {
  it("finds nothing unacknowledged in the whole example app (the synth would fail otherwise)", () => {
    const { app, assembly } = synthExampleApp({ nag: true });
    expect(assembly.stacks.length).toBe(10);
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect([ack.id, ack.reason.length > 40]).toEqual([ack.id, true]);
  });

  it("fails the synth on a finding nobody acknowledged", () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new Stack(app, "Loose", { env: { account: "111111111111", region: "ap-southeast-3" } });
    const role = new iam.Role(stack, "Role", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ["dynamodb:GetItem"], resources: ["arn:aws:dynamodb:*:*:table/x"] }),
    );
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Resource::arn:aws:dynamodb:\*:\*:table\/x\]/);
  });

  it("passes once that exact wildcard is acknowledged with a reason", () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new Stack(app, "Tight", { env: { account: "111111111111", region: "ap-southeast-3" } });
    const role = new iam.Role(stack, "Role", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });
    const resources = ["arn:aws:dynamodb:*:*:table/x"];
    role.addToPolicy(new iam.PolicyStatement({ actions: ["dynamodb:GetItem"], resources }));
    acknowledgeWildcards(role, { resources }, "Test: the table is addressed in every Region on purpose");
    expect(() => app.synth()).not.toThrow();
  });

  it("refuses an acknowledgement without a real reason", () => {
    const stack = new Stack(new App(), "S");
    expect(() => acknowledgeWildcards(stack, { resources: ["*"] }, "because")).toThrow(
      /explain in a sentence/,
    );
  });
});
