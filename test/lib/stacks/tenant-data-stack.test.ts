import { readFileSync } from "node:fs";
import { Match, Template } from "aws-cdk-lib/assertions";
import { consolePageSettings } from "../../../domain/console-settings";
import { createIncidentTableInput } from "../../../domain/incident-table";
import { parseRuntimeConfig, TENANT_RUNTIME_ENV } from "../../../domain/tenant-runtime";
import { FUNCTIONS } from "../../../lambdas/manifest";
import { requireRegistry } from "../../../registry/load-registry";
import { synthExampleApp } from "../../support/example-app";

const scheduled = FUNCTIONS.flatMap((f) =>
  "wiring" in f && f.wiring.trigger.kind === "scheduler" ? [f.wiring.trigger] : [],
);
const SWEEP = scheduled[0]!.recurring;

describe("a tenant's data stack (Kota Manado)", () => {
  const { assembly } = synthExampleApp();
  const template = Template.fromJSON(assembly.getStackByName("siaga112-71-71-data").template);
  const resources = (type: string) => template.findResources(type);

  it("keeps incidents in a retained, deletion-protected table with point-in-time recovery and the tenant key", () => {
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({
        TableName: "siaga112-71-71-incidents",
        BillingMode: "PAY_PER_REQUEST",
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: "KMS" }),
        TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
        StreamSpecification: { StreamViewType: "NEW_AND_OLD_IMAGES" },
      }),
    });
    const [table] = Object.values(resources("AWS::DynamoDB::Table"));
    // The deployed table has exactly the indexes the local centre's dynalite table has.
    const keysOf = (indexes: { IndexName: string; KeySchema: unknown }[]) =>
      indexes
        .map((i) => ({ name: i.IndexName, keys: i.KeySchema }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(keysOf(table.Properties.GlobalSecondaryIndexes)).toEqual(
      keysOf(createIncidentTableInput("x").GlobalSecondaryIndexes as never),
    );
    expect(keysOf(table.Properties.GlobalSecondaryIndexes).map((i) => i.name)).toEqual(
      expect.arrayContaining(["byDay", "byState", "callbacks", "openAlerts", "pendingOutbox"]),
    );
  });

  it("has one rotating, retained key found by the alias alias/siaga112-71-71", () => {
    template.hasResource("AWS::KMS::Key", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({ EnableKeyRotation: true }),
    });
    template.hasResourceProperties("AWS::KMS::Alias", { AliasName: "alias/siaga112-71-71" });
  });

  it("encrypts table, topics, secret, dead letters and logs with that one tenant key", () => {
    const [keyId] = Object.keys(resources("AWS::KMS::Key"));
    const keyRefs = (value: unknown) => JSON.stringify(value).includes(`"${keyId}"`);
    const [table] = Object.values(resources("AWS::DynamoDB::Table"));
    expect(keyRefs(table.Properties.SSESpecification)).toBe(true);
    for (const type of [
      "AWS::SNS::Topic",
      "AWS::SecretsManager::Secret",
      "AWS::SQS::Queue",
      "AWS::Logs::LogGroup",
    ]) {
      for (const [id, resource] of Object.entries(resources(type))) {
        expect([id, keyRefs(resource.Properties)]).toEqual([id, true]);
      }
    }
  });

  it("gives each agency its own encrypted, TLS-only topic", () => {
    const topics = Object.values(resources("AWS::SNS::Topic")).map((t) => t.Properties.TopicName as string);
    for (const agency of ["polresta", "damkar", "psc119", "bpbd", "basarnas", "pln", "satpolpp"]) {
      expect(topics).toContain(`siaga112-71-71-agency-${agency}`);
    }
    for (const topic of Object.values(resources("AWS::SNS::Topic"))) {
      expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    }
    const policies = Object.values(resources("AWS::SNS::TopicPolicy"));
    expect(policies.length).toBe(Object.keys(resources("AWS::SNS::Topic")).length);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it("subscribes every contact's numbers and addresses, filtered on the contact id", () => {
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "sms",
      Endpoint: "+6281200000102",
      FilterPolicy: { contact: ["kasat"] },
    });
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "spkt@polresta.manado.example",
      FilterPolicy: { contact: ["piket"] },
    });
    // Polresta: piket (SMS + e-mail) and kasat (SMS) -> 3 subscriptions on its topic.
    const polresta = Object.entries(resources("AWS::SNS::Topic")).find(
      ([, t]) => t.Properties.TopicName === "siaga112-71-71-agency-polresta",
    )![0];
    const onPolresta = Object.values(resources("AWS::SNS::Subscription")).filter(
      (s) => JSON.stringify(s.Properties.TopicArn) === JSON.stringify({ Ref: polresta }),
    );
    expect(onPolresta.length).toBe(3);
  });

  it("has the escalation schedule group, an outbox sweep with a dead-letter queue, and the signing secret", () => {
    template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", { Name: "siaga112-71-71" });
    template.hasResourceProperties("AWS::Scheduler::Schedule", {
      GroupName: "siaga112-71-71",
      ScheduleExpression: SWEEP.expression,
      Target: Match.objectLike({
        Input: JSON.stringify({ kind: "sweep" }),
        DeadLetterConfig: Match.anyValue(),
        RoleArn: Match.anyValue(),
      }),
    });
    template.hasResource("AWS::SecretsManager::Secret", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({ Name: "siaga112-71-71/ack-signing", KmsKeyId: Match.anyValue() }),
    });
    template.hasResourceProperties("AWS::SQS::Queue", {
      QueueName: "siaga112-71-71-dead-letters",
      KmsMasterKeyId: Match.anyValue(),
    });
  });

  it("feeds the relay from the table stream with partial batch failures and a dead-letter destination", () => {
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: Match.anyValue(),
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it("keeps re-escalations Lambda gave up on in the dead-letter queue instead of dropping them", () => {
    const queue = Object.keys(template.findResources("AWS::SQS::Queue"))[0];
    template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queue, "Arn"] } } },
    });
  });

  it("runs data functions on nodejs24.x with the tenant's runtime config in a layer, within Lambda's 4 KB environment", () => {
    const functions = Object.values(resources("AWS::Lambda::Function")).filter((f) =>
      String(f.Properties.FunctionName).startsWith("siaga112-71-71-"),
    );
    expect(functions.map((f) => f.Properties.FunctionName).sort()).toEqual([
      "siaga112-71-71-ack",
      "siaga112-71-71-calltaker-api",
      "siaga112-71-71-escalation-relay",
      "siaga112-71-71-location",
      "siaga112-71-71-reescalate",
    ]);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe("nodejs24.x");
      const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(variables[TENANT_RUNTIME_ENV]).toBeUndefined();
      expect(variables.SIAGA112_TENANT_FILE).toBe("/opt/siaga112/tenant.json");
      expect(fn.Properties.Layers).toEqual([{ Ref: expect.stringMatching(/^TenantConfig/) }]);
      expect(JSON.stringify(variables).length).toBeLessThan(2048);
    }
    template.hasResourceProperties("AWS::Lambda::LayerVersion", {
      Description: "siaga112 71.71: runtime configuration (agencies, routing, zone; no contact details)",
      CompatibleArchitectures: ["arm64"],
    });
    const config = JSON.parse(readFileSync("dist/tenant-config/71-71/siaga112/tenant.json", "utf8"));
    expect(parseRuntimeConfig(JSON.stringify(config)).code).toBe("71.71");
  });

  it("publishes each function-url function on its own URL and gives each URL to the functions that link to it", () => {
    const urls = Object.values(resources("AWS::Lambda::Url"));
    const logicalIdOf = (name: string) =>
      Object.entries(resources("AWS::Lambda::Function")).find(
        ([, f]) => f.Properties.FunctionName === name,
      )![0];
    const targets = urls.map(
      (u) => (u.Properties.TargetFunctionArn as { "Fn::GetAtt": string[] })["Fn::GetAtt"][0],
    );
    expect(targets.sort()).toEqual(
      [logicalIdOf("siaga112-71-71-ack"), logicalIdOf("siaga112-71-71-location")].sort(),
    );
    for (const url of urls) expect(url.Properties.AuthType).toBe("NONE");
    const urlOf = (name: string) => {
      const [id] = Object.entries(resources("AWS::Lambda::Url")).find(
        ([, u]) =>
          (u.Properties.TargetFunctionArn as { "Fn::GetAtt": string[] })["Fn::GetAtt"][0] ===
          logicalIdOf(name),
      )!;
      return { "Fn::GetAtt": [id, "FunctionUrl"] };
    };
    template.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: "siaga112-71-71-calltaker-api",
      Environment: { Variables: Match.objectLike({ LOCATION_BASE_URL: urlOf("siaga112-71-71-location") }) },
    });
    template.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: "siaga112-71-71-escalation-relay",
      Environment: { Variables: Match.objectLike({ ACK_BASE_URL: urlOf("siaga112-71-71-ack") }) },
    });
  });

  it("lets only the call-taker API send SMS to a phone number, and to no topic", () => {
    const statements = Object.entries(resources("AWS::IAM::Policy")).flatMap(([id, p]) =>
      (p.Properties.PolicyDocument.Statement as Record<string, unknown>[]).map(
        (st): Record<string, unknown> => ({ id, ...st }),
      ),
    );
    const direct = statements.filter((st) => st.NotResource !== undefined);
    expect(direct).toEqual([
      expect.objectContaining({
        Effect: "Allow",
        Action: "sns:Publish",
        NotResource: { "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":sns:*:*:*"]] },
      }),
    ]);
    expect(direct[0]!.id).toMatch(/calltakerapi/i);
  });

  it("bounds the public acknowledgement URL with the manifest's reserved concurrency, and only it", () => {
    const ack = FUNCTIONS.find((f) => f.name === "ack")!;
    const reserved = "wiring" in ack ? ack.wiring.reservedConcurrency : undefined;
    expect(reserved).toBeGreaterThan(0);
    const functions = Object.values(resources("AWS::Lambda::Function")) as {
      Properties: { FunctionName: string; ReservedConcurrentExecutions?: number };
    }[];
    const [ackLogicalId] = Object.entries(resources("AWS::Lambda::Function")).find(
      ([, f]) =>
        (f as { Properties: { FunctionName: string } }).Properties.FunctionName === "siaga112-71-71-ack",
    )!;
    const targets = (
      Object.values(resources("AWS::Lambda::Url")) as { Properties: { TargetFunctionArn: unknown } }[]
    ).map((url) => JSON.stringify(url.Properties.TargetFunctionArn));
    expect(targets.filter((target) => target.includes(ackLogicalId))).toHaveLength(1);
    expect(
      Object.fromEntries(
        functions
          .filter((f) => f.Properties.ReservedConcurrentExecutions !== undefined)
          .map((f) => [f.Properties.FunctionName, f.Properties.ReservedConcurrentExecutions]),
      ),
    ).toEqual({ "siaga112-71-71-ack": reserved });
  });

  it("puts the call-taker API behind the tenant's own Cognito pool with MFA", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      UserPoolName: "siaga112-71-71-call-takers",
      MfaConfiguration: "ON",
    });
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", { AuthorizerType: "JWT" });
    template.hasResourceProperties("AWS::ApiGatewayV2::Route", {
      RouteKey: "$default",
      AuthorizationType: "JWT",
    });
  });

  it("writes the tenant's console settings to config/71.71.json on the console site, and may write nothing else", () => {
    const [writer] = Object.values(resources("Custom::ConsoleSettings"));
    const create = JSON.parse(JSON.stringify(writer.Properties.Create));
    const text = JSON.stringify(create);
    expect(text).toContain('\\"service\\":\\"S3\\",\\"action\\":\\"PutObject\\"');
    expect(text).toContain("siaga112-console-111111111111-ap-southeast-3");
    expect(text).toContain("config/71.71.json");
    // The settings name this stack's own pool, client, API and its hub's contact control panel.
    for (const part of [
      "CallTakerApiCallTakers",
      "Browser",
      "ApiEndpoint",
      "siaga112-timur-1.my.connect.aws/ccp-v2/",
    ])
      expect(text).toContain(part);
    const policies = Object.values(resources("AWS::IAM::Policy")).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes("s3:PutObject"),
    );
    expect(policies.map((p) => p.Properties.PolicyDocument.Statement)).toEqual([
      [
        {
          Effect: "Allow",
          Action: ["s3:DeleteObject", "s3:PutObject"],
          Resource: {
            "Fn::Join": [
              "",
              [
                "arn:",
                { Ref: "AWS::Partition" },
                ":s3:::siaga112-console-111111111111-ap-southeast-3/config/71.71.json",
              ],
            ],
          },
        },
      ],
    ]);
  });

  it("writes in config/71.71.json what the console page reads: sign-in, the tenant as the local centre lists it, API and phone panel", () => {
    const [writer] = Object.values(resources("Custom::ConsoleSettings"));
    // Tokens (pool, client, API) become their logical ids; the rest is the file as S3 gets it.
    const resolve = (value: unknown): string => {
      if (typeof value === "string") return value;
      const v = value as { Ref?: string; "Fn::GetAtt"?: string[]; "Fn::Join"?: [string, unknown[]] };
      if (v.Ref) return `<${v.Ref}>`;
      if (v["Fn::GetAtt"]) return `<${v["Fn::GetAtt"].join(".")}>`;
      if (v["Fn::Join"]) return v["Fn::Join"][1].map(resolve).join(v["Fn::Join"][0]);
      throw new Error(`unexpected value in the settings writer: ${JSON.stringify(value)}`);
    };
    const body = JSON.parse(JSON.parse(resolve(writer.Properties.Create)).parameters.Body);
    const { tenants, platform } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });
    const manado = tenants.find((t) => t.code === "71.71")!;
    expect(body).toEqual({
      authority: expect.stringMatching(
        /^https:\/\/cognito-idp\.ap-southeast-3\.<AWS::URLSuffix>\/<CallTakerApiCallTakers\w+>$/,
      ),
      clientId: expect.stringMatching(/^<CallTakerApi\w*Browser\w+>$/),
      signInDomain: expect.stringMatching(
        /^https:\/\/<CallTakerApiCallTakersDomain\w+>\.auth\.ap-southeast-3\.amazoncognito\.com$/,
      ),
      redirectUri: `${platform.console!.origin}/`,
      scope: "openid email siaga112/console",
      ...JSON.parse(JSON.stringify(consolePageSettings(manado))),
      apiUrl: expect.stringMatching(/^<CallTakerApi\w+\.ApiEndpoint>$/),
      phonePanel: {
        kind: "streams",
        ccpUrl: "https://siaga112-timur-1.my.connect.aws/ccp-v2/",
        region: "ap-southeast-1",
      },
    });
  });

  it("sets retention and the tenant key on every log group", () => {
    for (const group of Object.values(resources("AWS::Logs::LogGroup"))) {
      expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
      expect(group.Properties.KmsKeyId).toBeDefined();
    }
  });

  it("alarms the operations topic on errors, throttles, dead letters, table throttles and SMS failures", () => {
    const alarms = Object.values(resources("AWS::CloudWatch::Alarm"));
    const names = alarms.map((a) => a.Properties.AlarmName as string);
    for (const name of [
      "siaga112-71-71-escalation-relay-errors",
      "siaga112-71-71-escalation-relay-throttles",
      "siaga112-71-71-ack-errors",
      "siaga112-71-71-dead-letters-depth",
      "siaga112-71-71-incidents-write-throttles",
      "siaga112-71-71-agency-damkar-delivery-failures",
      "siaga112-71-71-escalation-relay-escalation-dead-lettered",
    ]) {
      expect(names).toContain(name);
    }
    const operations = Object.entries(resources("AWS::SNS::Topic")).find(
      ([, t]) => t.Properties.TopicName === "siaga112-71-71-operations",
    )![0];
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: operations }]);
    template.hasResourceProperties("AWS::CloudWatch::Dashboard", { DashboardName: "siaga112-71-71" });
  });

  it("alarms when an escalation could not be delivered at all (Powertools metric of the sender)", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      AlarmName: "siaga112-71-71-reescalate-escalation-dead-lettered",
      Namespace: "siaga112",
      MetricName: "EscalationDeadLettered",
      Dimensions: Match.arrayWith([
        { Name: "service", Value: "reescalate" },
        { Name: "tenant", Value: "71.71" },
      ]),
    });
  });

  it("shows the tenant's Connect queue and intake from the hub's Region on its dashboard", () => {
    const [dashboard] = Object.values(template.findResources("AWS::CloudWatch::Dashboard"));
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    expect(body).toMatch(/SEARCH\(.*MetricName=.*QueueSize.*QueueName=.*siaga112-71-71.*ap-southeast-1/);
    expect(body).toContain("siaga112-71-71-intake");
    expect(body).toContain("ap-southeast-1");
  });
});
