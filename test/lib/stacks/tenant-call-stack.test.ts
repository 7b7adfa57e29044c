import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { PER_TENANT_USE } from "../../../domain/connect-quotas";
import { stackNames, tenantNames } from "../../../domain/naming";
import { loadPromptSet } from "../../../flows/prompt-set";
import { HubStack } from "../../../lib/stacks/hub-stack";
import { TenantCallStack } from "../../../lib/stacks/tenant-call-stack";
import { requireRegistry } from "../../../registry/load-registry";
import { synthExampleApp } from "../../support/example-app";
import { editFile, scratchTenants } from "../../support/scratch-tenants";

describe("a tenant's call stack (Kota Manado, hub timur-1)", () => {
  const { assembly } = synthExampleApp();
  const template = Template.fromJSON(assembly.getStackByName("siaga112-71-71-call").template);
  const count = (type: string) => Object.keys(template.findResources(type)).length;

  it("opens the queue in the staffed hours of the tenant's zone (WITA)", () => {
    template.hasResourceProperties("AWS::Connect::HoursOfOperation", {
      Name: "siaga112-71-71-hours",
      TimeZone: "Asia/Makassar",
      Config: Match.arrayWith([
        { Day: "MONDAY", StartTime: { Hours: 7, Minutes: 0 }, EndTime: { Hours: 22, Minutes: 0 } },
        { Day: "SUNDAY", StartTime: { Hours: 8, Minutes: 0 }, EndTime: { Hours: 20, Minutes: 0 } },
      ]),
    });
    template.hasResourceProperties("AWS::Connect::Queue", {
      Name: "siaga112-71-71",
      HoursOfOperationArn: { "Fn::GetAtt": [Match.anyValue(), "HoursOfOperationArn"] },
    });
    template.hasResourceProperties("AWS::Connect::RoutingProfile", {
      Name: "siaga112-71-71",
      MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }],
    });
  });

  it("deploys the recorded prompts of the tenant's prompt set from S3", () => {
    expect(count("AWS::Connect::Prompt")).toBe(5);
    template.hasResourceProperties("AWS::Connect::Prompt", {
      Name: "siaga112-71-71-default-greeting",
      S3Uri: Match.stringLikeRegexp("^s3://.+\\.wav$"),
    });
  });

  it("deploys the inbound and hold flows with the queue, prompts and intake function filled in", () => {
    template.hasResourceProperties("AWS::Connect::ContactFlow", { Type: "CUSTOMER_QUEUE" });
    const inbound = Object.values(template.findResources("AWS::Connect::ContactFlow")).find(
      (f) => f.Properties.Type === "CONTACT_FLOW",
    )!;
    // preflight finds the flow a number should be associated with by this name
    expect(inbound.Properties.Name).toBe(tenantNames({ code: "71.71" }).inboundFlow);
    const content = JSON.stringify(inbound.Properties.Content);
    expect(content).toContain("TransferContactToQueue");
    expect(content).toContain("InvokeLambdaFunction");
    expect(content).toContain("QueueArn");
    expect(content).toContain("PromptArn");
    expect(inbound.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^IntakeIntegration/)]));
  });

  it("claims nothing for a number already in the instance (Indonesia): points it at the inbound flow through a custom resource", () => {
    // Connect never hands out a specific number: no PhoneNumber resource, and never a full number as Prefix.
    expect(count("AWS::Connect::PhoneNumber")).toBe(0);
    const [association] = Object.values(template.findResources("Custom::PhoneNumberContactFlow"));
    const create = JSON.stringify(association.Properties.Create);
    expect(create).toContain("0a1b2c3d-7171-4000-8000-000000000001");
    expect(create).toContain("AssociatePhoneNumberContactFlow");
    expect(create).toContain("ContactFlowId");
    expect(JSON.stringify(association.Properties.Delete)).toContain("DisassociatePhoneNumberContactFlow");
  });

  it("associates the intake function with the instance and lets only that instance invoke it", () => {
    template.hasResourceProperties("AWS::Connect::IntegrationAssociation", {
      IntegrationType: "LAMBDA_FUNCTION",
      InstanceId: { "Fn::ImportValue": Match.anyValue() },
    });
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "connect.amazonaws.com",
      SourceArn: { "Fn::ImportValue": Match.anyValue() },
      SourceAccount: "111111111111",
    });
  });

  it("lets the intake write to the incident table in the data Region only", () => {
    template.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: "siaga112-71-71-intake",
      Runtime: "nodejs24.x",
      MemorySize: 512,
      Environment: {
        Variables: Match.objectLike({
          INCIDENT_TABLE_NAME: "siaga112-71-71-incidents",
          INCIDENT_TABLE_REGION: "ap-southeast-3",
        }),
      },
    });
  });

  it("feeds only its own queue's answer and hang-up contact events to the call-answer function", () => {
    const rules = Object.values(template.findResources("AWS::Events::Rule"));
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule.Properties.EventPattern).toEqual({
      source: ["aws.connect"],
      "detail-type": ["Amazon Connect Contact Event"],
      detail: {
        eventType: ["CONNECTED_TO_AGENT", "DISCONNECTED"],
        instanceArn: [{ "Fn::ImportValue": expect.any(String) }],
        queueInfo: { queueArn: [{ "Fn::GetAtt": [expect.stringMatching(/^Queue/), "QueueArn"] }] },
      },
    });
    const functions = template.findResources("AWS::Lambda::Function", {
      Properties: { FunctionName: "siaga112-71-71-call-answer" },
    });
    const [id] = Object.keys(functions);
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { "Fn::GetAtt": [id, "Arn"] },
        RetryPolicy: { MaximumRetryAttempts: 8 },
      }),
    ]);
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "events.amazonaws.com",
      FunctionName: { "Fn::GetAtt": [id, "Arn"] },
    });
    expect(functions[id].Properties.Environment.Variables).toEqual({
      INCIDENT_TABLE_NAME: "siaga112-71-71-incidents",
      INCIDENT_TABLE_REGION: "ap-southeast-3",
    });
  });

  it("lets the call-answer function only update and read the tenant's incident items in the data Region", () => {
    const policies = Object.values(template.findResources("AWS::IAM::Policy")).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes("CallAnswer"),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const table = statements.find((st) => JSON.stringify(st.Action).includes("dynamodb"));
    expect([...table.Action].sort()).toEqual(["dynamodb:GetItem", "dynamodb:UpdateItem"]);
    expect(JSON.stringify(table.Resource)).toContain(
      "arn:aws:dynamodb:ap-southeast-3:111111111111:table/siaga112-71-71-incidents",
    );
    expect(JSON.stringify(table.Resource)).not.toContain("index");
  });

  it("stores no caller data at rest in the Connect Region (no table, bucket or queue)", () => {
    expect(count("AWS::DynamoDB::Table") + count("AWS::DynamoDB::GlobalTable")).toBe(0);
    expect(count("AWS::S3::Bucket")).toBe(0);
    expect(count("AWS::SQS::Queue")).toBe(0);
  });

  it("uses exactly PER_TENANT_USE of the hub's Connect quotas", () => {
    expect({
      lambdaFunctions: count("AWS::Connect::IntegrationAssociation"),
      queues: count("AWS::Connect::Queue"),
      contactFlows: count("AWS::Connect::ContactFlow"),
      // One number per tenant, in the instance already or claimed: each has its flow association.
      phoneNumbers: count("Custom::PhoneNumberContactFlow"),
    }).toEqual(PER_TENANT_USE);
  });

  it("gives the queue a capacity, so a full queue raises QueueAtCapacity and the flow moves on", () => {
    template.hasResourceProperties("AWS::Connect::Queue", { Name: "siaga112-71-71", MaxContacts: 10 });
  });

  it("alarms on the intake, the call-answer function, the queue and the inbound flow", () => {
    const names = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map(
      (a) => a.Properties.AlarmName,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        "siaga112-71-71-call-intake-errors",
        "siaga112-71-71-call-intake-throttles",
        "siaga112-71-71-call-call-answer-errors",
        "siaga112-71-71-call-112-queue-size",
        "siaga112-71-71-call-112-longest-wait",
        "siaga112-71-71-call-inbound-flow-errors",
      ]),
    );
  });
});

describe("the call stack's guards", () => {
  const { platform, tenants } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });
  const manado = tenants.find((t) => t.code === "71.71")!;
  const bundles = { dirs: new Map<string, string>(), missing: ["intake"] };

  it("fails the synth when the tenant's flows fail verification", () => {
    const app = new App();
    const hub = new HubStack(app, "hub", { hub: manado.hub, consoleOrigin: platform.console!.origin });
    const promptSet = loadPromptSet("default");
    const slow = {
      ...promptSet,
      prompts: { ...promptSet.prompts, greeting: { ...promptSet.prompts.greeting, durationSeconds: 120 } },
    };
    expect(
      () =>
        new TenantCallStack(app, stackNames.call(manado), { tenant: manado, hub, bundles, promptSet: slow }),
    ).toThrow(/tenants\/71\.71-kota-manado\.yaml: the contact flows of 71\.71 fail verification/);
  });

  it("refuses a hub stack of another hub", () => {
    const app = new App();
    const other = platform.hubs.find((h) => h.id !== manado.hub.id)!;
    const hub = new HubStack(app, "hub", { hub: other, consoleOrigin: platform.console!.origin });
    expect(
      () =>
        new TenantCallStack(app, stackNames.call(manado), {
          tenant: manado,
          hub,
          bundles,
          promptSet: loadPromptSet("default"),
        }),
    ).toThrow(/props.hub "jawa-1": tenant 71.71 belongs to hub "timur-1"/);
  });
});

describe("the call stack of an offboarding tenant (no number)", () => {
  it("takes the number off the inbound flow: no phone number and no association", () => {
    const dir = scratchTenants(["71.71-kota-manado.yaml"]);
    editFile(join(dir, "71.71-kota-manado.yaml"), (text) =>
      text.replace(/^ {2}numberArn: .*$/m, "").replace(/^phone:/m, "offboarding: true\nphone:"),
    );
    const { assembly } = synthExampleApp({ tenantsDir: dir });
    const template = Template.fromJSON(assembly.getStackByName("siaga112-71-71-call").template);
    template.resourceCountIs("AWS::Connect::PhoneNumber", 0);
    template.resourceCountIs("Custom::PhoneNumberContactFlow", 0);
    template.resourceCountIs("AWS::Connect::ContactFlow", 2);
  });
});
