import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { TenantKey } from "../../lib/tenant-key";

describe("TenantKey", () => {
  const stack = () =>
    new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-3" } });

  it("lets CloudWatch Logs use the key only for the tenant's log groups", () => {
    const s = stack();
    new TenantKey(s, "K", {
      alias: "alias/siaga112-71-71",
      tenantCode: "71.71",
      logGroupPrefixes: ["/aws/lambda/siaga112-71-71-"],
    });
    const policy = JSON.stringify(Template.fromStack(s).findResources("AWS::KMS::Key"));
    expect(policy).toContain("logs.ap-southeast-3.amazonaws.com");
    expect(policy).toContain("log-group:/aws/lambda/siaga112-71-71-*");
  });

  it("names a bad alias and a bad pending window", () => {
    expect(() => new TenantKey(stack(), "K", { alias: "siaga112-71-71", tenantCode: "71.71" })).toThrow(
      'TenantKey props.alias "siaga112-71-71": expected "alias/<name>"',
    );
    expect(
      () => new TenantKey(stack(), "K", { alias: "alias/x", tenantCode: "71.71", pendingWindowDays: 3 }),
    ).toThrow("TenantKey props.pendingWindowDays 3: expected 7 to 30");
  });
});
