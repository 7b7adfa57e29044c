import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import type { Platform } from "../../../domain/tenant";
import { ConsoleStack, pageFiles } from "../../../lib/stacks/console-stack";
import { requireRegistry } from "../../../registry/load-registry";
import { synthExampleApp } from "../../support/example-app";

describe("the console site (one for every tenant)", () => {
  const { assembly } = synthExampleApp();
  const stack = assembly.getStackByName("siaga112-console");
  const template = Template.fromJSON(stack.template);

  /** The deployed files: each source is an asset folder of the cloud assembly, named after its hash. */
  function deployedFiles(): { key: string; path: string }[] {
    const [deployment] = Object.values(template.findResources("Custom::CDKBucketDeployment"));
    return (deployment.Properties.SourceObjectKeys as string[]).flatMap((zip) => {
      const folder = join(assembly.directory, `asset.${zip.replace(/\.zip$/, "")}`);
      return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => ({
          key: relative(folder, join(entry.parentPath, entry.name)),
          path: join(entry.parentPath, entry.name),
        }));
    });
  }

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
    // console/ as the root (with its vendored amazon-connect-streams), the city page's pointer to
    // the settings files, then each file of shared/ and of the dashboard (next test).
    const sharedFiles = readdirSync("web/shared", { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    const dashboardFiles = new Set([
      "siaga112.css",
      "dom.js",
      "city.html",
      ...pageFiles("web/dashboard/city.html"),
    ]);
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2 + sharedFiles.length + dashboardFiles.size);
    expect(deployment.Properties.Exclude).toEqual(["config/*"]);
    expect(deployment.Properties.Prune).toBe(true);
  });

  it("deploys the console's pages with the sign-in module and the Streams library of the phone panel", () => {
    const files = deployedFiles();
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

  it("serves the city page of a kab/kota's own staff under dashboard/, with every file it loads and a pointer to the settings files", () => {
    const files = deployedFiles();
    const keys = files.map((f) => f.key);
    const loaded = pageFiles("web/dashboard/city.html");
    expect(loaded).toEqual(
      expect.arrayContaining([
        "city.js",
        "city-source.js",
        "format.js",
        "charts.js",
        "tables.js",
        "city.css",
      ]),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        "dashboard/city.html",
        ...loaded.map((f) => `dashboard/${f}`),
        "shared/tenant-choice.js",
        "dashboard/config.json",
      ]),
    );
    // Not the national dashboard itself: only the city page.
    expect(keys).not.toContain("dashboard/index.html");
    expect(keys).not.toContain("dashboard/dashboard.js");
    const pointer = files.find((f) => f.key === "dashboard/config.json")!;
    expect(JSON.parse(readFileSync(pointer.path, "utf8"))).toEqual({
      tenantSettings: "/config/{tenant}.json",
    });
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
