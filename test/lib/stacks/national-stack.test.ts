import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { NationalStack } from "../../../lib/stacks/national-stack";
import { writeGeneratedRegistry } from "../../../registry/generated-registry";
import { requireRegistry } from "../../../registry/load-registry";
import { standInLambdas, synthExampleApp } from "../../support/example-app";

describe("the national stack", () => {
  const { assembly } = synthExampleApp();
  const template = Template.fromJSON(assembly.getStackByName("siaga112-national").template);

  it("receives every tenant's incident events on one bus, only with siaga112.tenant.* sources", () => {
    template.hasResourceProperties("AWS::Events::EventBus", { Name: "siaga112-national" });
    const policies = JSON.stringify(template.findResources("AWS::Events::EventBusPolicy"));
    expect(policies).toContain('"events:source":"siaga112.tenant.*"');
    template.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: { source: [{ prefix: "siaga112.tenant." }] },
      Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue(), RetryPolicy: Match.anyValue() })],
    });
  });

  it("keeps statistics in a retained, protected, encrypted table", () => {
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        TableName: "siaga112-national-statistics",
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: Match.objectLike({ SSEType: "KMS" }),
      }),
    });
  });

  it("gives the statistics the indexes that make each dashboard view one Query, readable by the API", () => {
    const [table] = Object.values(
      template.findResources("AWS::DynamoDB::Table", {
        Properties: { TableName: "siaga112-national-statistics" },
      }),
    );
    const indexes = table!.Properties.GlobalSecondaryIndexes as { IndexName: string; Projection: object }[];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual([
      "open-alerts",
      "rows-by-nation",
      "rows-by-province",
    ]);
    expect(indexes.every((i) => JSON.stringify(i.Projection) === '{"ProjectionType":"ALL"}')).toBe(true);
    const apiPolicy = Object.entries(template.findResources("AWS::IAM::Policy"))
      .filter(([id]) => id.startsWith("MonitoringApi"))
      .map(([, p]) => JSON.stringify(p.Properties.PolicyDocument))
      .join();
    expect(apiPolicy).toContain("dynamodb:Query");
    for (const index of ["rows-by-nation", "rows-by-province", "open-alerts"])
      expect(apiPolicy).toContain(`/index/${index}`);
    expect(apiPolicy).not.toContain("/index/*");
  });

  it("serves the monitoring API read-only (GET) behind a Cognito JWT authorizer", () => {
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    expect(routes.map((r) => r.Properties.RouteKey)).toEqual(["GET /api/{proxy+}"]);
    expect(routes[0].Properties.AuthorizationType).toBe("JWT");
    template.hasResourceProperties("AWS::Cognito::UserPool", { MfaConfiguration: "ON" });
    const apiPolicies = Object.entries(template.findResources("AWS::IAM::Policy"))
      .filter(([id]) => id.startsWith("MonitoringApi"))
      .map(([, p]) => JSON.stringify(p.Properties.PolicyDocument));
    expect(apiPolicies.join()).not.toMatch(/dynamodb:(Put|Update|Delete|BatchWrite)/);
  });

  it("hosts the dashboard behind CloudFront, Indonesia only, with the API under api/*", () => {
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        Restrictions: { GeoRestriction: { Locations: ["ID"], RestrictionType: "whitelist" } },
        CacheBehaviors: [
          Match.objectLike({ PathPattern: "api/*", AllowedMethods: ["GET", "HEAD", "OPTIONS"] }),
        ],
      }),
    });
    template.resourceCountIs("Custom::CDKBucketDeployment", 1);
  });

  it("gives CloudFront no standard-logging target in ap-southeast-3 (it cannot deliver there: CREATE_FAILED)", () => {
    for (const distribution of Object.values(template.findResources("AWS::CloudFront::Distribution"))) {
      expect(distribution.Properties.DistributionConfig.Logging).toBeUndefined();
    }
    template.resourceCountIs("AWS::Logs::DeliverySource", 0);
    // What is logged, in the national Region: the API's access logs and the site bucket's server access logs.
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", { AccessLogSettings: Match.anyValue() });
    template.hasResourceProperties("AWS::S3::Bucket", { LoggingConfiguration: Match.anyValue() });
  });

  it("lets officers sign in on the hosted page, returning to the dashboard, and tells the dashboard how", () => {
    template.hasResourceProperties("AWS::Cognito::UserPoolDomain", {
      Domain: "siaga112-national-111111111111",
    });
    const dashboard = {
      "Fn::Join": ["", ["https://", { "Fn::GetAtt": [Match.anyValue(), "DomainName"] }, "/"]],
    };
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      AllowedOAuthFlows: ["code"],
      GenerateSecret: false,
      ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
      CallbackURLs: [dashboard],
      LogoutURLs: [dashboard],
    });
    const [deployment] = Object.values(template.findResources("Custom::CDKBucketDeployment"));
    const config = JSON.stringify(deployment.Properties.SourceMarkers);
    // config.json is filled at deploy time with the pool, its client, the sign-in domain and the distribution.
    for (const part of ['{"Ref":"FrontDoorOfficers', "Browser", "Domain", '"DomainName"]']) {
      expect(config).toContain(part);
    }
    // The dashboard, config.json, and the shared files: the sign-in module with its vendored library
    // and licence, and the tenant choice the city page loads (it is used on the console site only).
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(6);
  });
});

describe("the monitoring API's area names", () => {
  const bundles = {
    dirs: new Map([["monitoring-api", join(standInLambdas(), "monitoring-api")]]),
    missing: [],
  };
  const monitoringApiEnvironment = (template: Template) => {
    const [fn] = Object.values(
      template.findResources("AWS::Lambda::Function", {
        Properties: { FunctionName: "siaga112-national-monitoring-api" },
      }),
    );
    return fn.Properties.Environment.Variables as Record<string, string>;
  };

  // The names are bundled with the function (lambdas/monitoring-api/official-area-names.ts).
  it("are not in the environment, so all 514 kab/kota synthesize without a warning", () => {
    const dir = writeGeneratedRegistry(join(mkdtempSync(join(tmpdir(), "siaga112-names-")), "tenants"), 514);
    const { platform } = requireRegistry({ dir, promptsDir: "prompts" });
    const stack = new NationalStack(new App(), "national", { platform, bundles });
    expect(Object.keys(monitoringApiEnvironment(Template.fromStack(stack))).sort()).toEqual([
      "POWERTOOLS_SERVICE_NAME",
      "STATISTICS_TABLE_NAME",
    ]);
    expect(Annotations.fromStack(stack).findWarning("*", Match.anyValue())).toEqual([]);
  });
});

describe("each kab/kota's own figures", () => {
  const statisticsPolicies = (template: Template) =>
    Object.values(
      template.findResources("AWS::DynamoDB::Table", {
        Properties: { TableName: "siaga112-national-statistics" },
      }),
    )[0]!.Properties.ResourcePolicy;
  const stackWithHubs = (accounts: string[]) => {
    const { platform } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });
    const hubs = accounts.map((account, i) => ({ ...platform.hubs[0]!, id: `hub${i}`, account }));
    return Template.fromStack(
      new NationalStack(new App(), "national", {
        platform: { ...platform, hubs },
        bundles: { dirs: new Map(), missing: [] },
      }),
    );
  };

  it("lets hub accounts of other accounts Query kab/kota partitions only, and decrypt through DynamoDB only", () => {
    const template = stackWithHubs(["111111111111", "222222222222"]);
    const policy = JSON.stringify(statisticsPolicies(template));
    expect(policy).toContain(":111111111111:table/siaga112-national-statistics");
    expect(policy).toContain("222222222222");
    expect(policy).not.toContain(":111111111111:root");
    expect(policy).toContain('"Action":"dynamodb:Query"');
    expect(policy).toContain('"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["ROW#T#*","HOUR#T#*"]}');
    const keys = JSON.stringify(template.findResources("AWS::KMS::Key"));
    expect(keys).toContain('"kms:ViaService":"dynamodb.ap-southeast-3.amazonaws.com"');
  });

  it("adds no resource policy when every hub is in the national account (identity policies suffice)", () => {
    expect(statisticsPolicies(stackWithHubs(["111111111111"]))).toBeUndefined();
  });
});
