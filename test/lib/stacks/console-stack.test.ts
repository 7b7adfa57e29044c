import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import type { Platform } from "../../../domain/tenant";
import { ConsoleStack } from "../../../lib/stacks/console-stack";
import { requireRegistry } from "../../../registry/load-registry";
import { synthExampleApp } from "../../support/example-app";

describe("the console site (one for every tenant)", () => {
  const { assembly } = synthExampleApp();
  const stack = assembly.getStackByName("siaga112-console");
  const template = Template.fromJSON(stack.template);

  it("lives in the data Region of the national account, in a bucket other stacks can name", () => {
    expect([stack.environment.account, stack.environment.region]).toEqual(["111111111111", "ap-southeast-3"]);
    template.hasResourceProperties("AWS::S3::Bucket", {
      BucketName: "siaga112-console-111111111111-ap-southeast-3",
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicAcls: true,
        RestrictPublicBuckets: true,
      }),
    });
  });

  it("is one CloudFront distribution, Indonesia only, with no API behind it and no access logs abroad (lib/dashboard-hosting.ts)", () => {
    template.resourceCountIs("AWS::CloudFront::Distribution", 1);
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        Restrictions: { GeoRestriction: { Locations: ["ID"], RestrictionType: "whitelist" } },
        // Standard logs cannot go to a bucket in ap-southeast-3; v2 logs would keep IPs in us-east-1.
        Logging: Match.absent(),
        CacheBehaviors: Match.absent(),
      }),
    });
  });

  it("serves the console at its root with the shared files, and leaves the tenants' settings alone", () => {
    const [deployment] = Object.values(template.findResources("Custom::CDKBucketDeployment"));
    // console/ as the root (with its vendored amazon-connect-streams), then shared/sign-in.js,
    // oidc-client-ts with its licence, and the two dashboard files the console loads (siaga112.css,
    // dom.js).
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(6);
    expect(deployment.Properties.Exclude).toEqual(["config/*"]);
    expect(deployment.Properties.Prune).toBe(true);
  });

  it("deploys the console's pages with the sign-in module and the Streams library of the phone panel", () => {
    const [deployment] = Object.values(template.findResources("Custom::CDKBucketDeployment"));
    // Each source is an asset folder of the cloud assembly, named after the object key's hash.
    const files = (deployment.Properties.SourceObjectKeys as string[]).flatMap((zip) => {
      const folder = join(assembly.directory, `asset.${zip.replace(/\.zip$/, "")}`);
      return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => ({
          key: relative(folder, join(entry.parentPath, entry.name)),
          path: join(entry.parentPath, entry.name),
        }));
    });
    const keys = files.map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "index.html",
        "console-api.js",
        "shared/sign-in.js",
        "shared/vendor/oidc-client-ts.min.js",
        "vendor/amazon-connect-streams.min.js",
        "vendor/amazon-connect-streams.LICENSE",
      ]),
    );
    // Byte for byte the vendored copy (which test/web/shared/vendor.test.ts holds to node_modules).
    const streams = files.find((f) => f.key === "vendor/amazon-connect-streams.min.js")!;
    expect(
      readFileSync(streams.path).equals(readFileSync("web/console/vendor/amazon-connect-streams.min.js")),
    ).toBe(true);
  });

  it("prints its address, to be recorded as console.url", () => {
    template.hasOutput("Url", {
      Value: { "Fn::Join": ["", ["https://", { "Fn::GetAtt": [Match.anyValue(), "DomainName"] }]] },
    });
  });

  it("lets a hub in another account write its tenants' settings files, and only those", () => {
    const { platform } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });
    const twoAccounts: Platform = {
      ...platform,
      hubs: platform.hubs.map((h, i) => (i === 1 ? { ...h, account: "222222222222" } : h)),
    };
    const other = Template.fromStack(new ConsoleStack(new App(), "C", { platform: twoAccounts }));
    other.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: "TenantStacksWriteTheirSettings",
            Action: ["s3:PutObject", "s3:DeleteObject"],
            Principal: {
              AWS: { "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":iam::222222222222:root"]] },
            },
            Resource: {
              "Fn::Join": ["", [{ "Fn::GetAtt": [Match.anyValue(), "Arn"] }, "/config/*"]],
            },
          }),
        ]),
      },
    });
    expect(JSON.stringify(template.findResources("AWS::S3::BucketPolicy"))).not.toContain(
      "TenantStacksWriteTheirSettings",
    );
  });
});
