import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { CLOUDFRONT_ACCESS_LOGS, DashboardHosting } from "../../lib/dashboard-hosting";

describe("DashboardHosting", () => {
  const stack = () =>
    new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-3" } });

  it("deploys nothing into the bucket when there are no files", () => {
    const s = stack();
    new DashboardHosting(s, "D", { apiId: "abc123" });
    const template = Template.fromStack(s);
    template.resourceCountIs("Custom::CDKBucketDeployment", 0);
    template.resourceCountIs("AWS::CloudFront::Distribution", 1);
  });

  it("sets no CloudFront logging target: a bucket in an opt-in Region such as Jakarta fails the stack", () => {
    const s = stack();
    new DashboardHosting(s, "D", { apiId: "abc123" });
    const [distribution] = Object.values(
      Template.fromStack(s).findResources("AWS::CloudFront::Distribution"),
    );
    expect(distribution.Properties.DistributionConfig.Logging).toBeUndefined();
    expect(CLOUDFRONT_ACCESS_LOGS).toBe("none");
  });

  it("names countries that are not ISO codes", () => {
    expect(
      () => new DashboardHosting(stack(), "D", { apiId: "abc123", allowedCountries: ["Indonesia"] }),
    ).toThrow('DashboardHosting props.allowedCountries ["Indonesia"]: expected ISO 3166-1 alpha-2 codes');
  });
});
