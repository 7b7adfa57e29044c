import { Match, Template } from "aws-cdk-lib/assertions";
import { CALL_TAKER_PERMISSIONS, SUPERVISOR_PERMISSIONS } from "../../../lib/connect-instance";
import { synthExampleApp } from "../../support/example-app";

describe("a hub stack (jawa-1)", () => {
  const { assembly } = synthExampleApp();
  const template = Template.fromJSON(assembly.getStackByName("siaga112-hub-jawa-1").template);

  it("creates the shared Connect instance with inbound and outbound calls and flow logs, retained", () => {
    template.hasResource("AWS::Connect::Instance", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        IdentityManagementType: "CONNECT_MANAGED",
        InstanceAlias: "siaga112-jawa-1",
        Attributes: Match.objectLike({ InboundCalls: true, OutboundCalls: true, ContactflowLogs: true }),
      }),
    });
  });

  it("owns no LogGroup of Connect's flow-log name (Connect creates it), but sets its retention and key after the instance", () => {
    const groups = Object.values(template.findResources("AWS::Logs::LogGroup"));
    expect(groups.filter((g) => g.Properties?.LogGroupName === "/aws/connect/siaga112-jawa-1")).toEqual([]);
    const calls = Object.values(template.findResources("Custom::ConnectFlowLogGroup")).map((r) => ({
      call: JSON.parse(JSON.stringify(r.Properties.Create)),
      dependsOn: r.DependsOn ?? [],
    }));
    const byAction = (action: string) =>
      calls.find((c) => JSON.stringify(c.call).includes(`"action\\":\\"${action}`));
    expect(calls).toHaveLength(3);
    const create = byAction("CreateLogGroup");
    expect(JSON.stringify(create?.call)).toContain("ResourceAlreadyExistsException");
    expect(create?.dependsOn.some((d: string) => d.startsWith("ConnectInstance"))).toBe(true);
    expect(JSON.stringify(byAction("PutRetentionPolicy")?.call)).toContain('\\"retentionInDays\\":30');
    expect(byAction("AssociateKmsKey")).toBeDefined();
  });

  it("lets the console site (an origin: scheme and host) embed the instance's contact control panel", () => {
    const origins = Object.values(template.findResources("AWS::Connect::ApprovedOrigin"));
    expect(origins.map((o) => o.Properties)).toEqual([
      {
        InstanceId: { "Fn::GetAtt": [expect.stringMatching(/^Connect/), "Arn"] },
        Origin: "https://d111111abcdef8.cloudfront.net",
      },
    ]);
  });

  it("keeps no caller data at rest in Singapore: no recording or transcript storage", () => {
    template.resourceCountIs("AWS::Connect::InstanceStorageConfig", 0);
    template.resourceCountIs("AWS::S3::Bucket", 0);
  });

  it("gives call-takers and supervisors their own security profiles", () => {
    template.hasResourceProperties("AWS::Connect::SecurityProfile", {
      SecurityProfileName: "siaga112-call-taker",
      Permissions: CALL_TAKER_PERMISSIONS,
    });
    template.hasResourceProperties("AWS::Connect::SecurityProfile", {
      SecurityProfileName: "siaga112-supervisor",
      Permissions: SUPERVISOR_PERMISSIONS,
    });
    expect(SUPERVISOR_PERMISSIONS).toEqual(expect.arrayContaining(CALL_TAKER_PERMISSIONS));
  });

  it("alarms the hub's operations topic on missed and throttled calls", () => {
    const names = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map(
      (a) => a.Properties.AlarmName,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        "siaga112-hub-jawa-1-jawa-1-MissedCalls",
        "siaga112-hub-jawa-1-jawa-1-ThrottledCalls",
        "siaga112-hub-jawa-1-jawa-1-CallsBreachingConcurrencyQuota",
      ]),
    );
  });
});
