/**
 * The national monitoring stack (`siaga112-national`): the event bus every tenant's incident events
 * reach, the statistics table, the aggregator, the read-only monitoring API behind Cognito, and
 * the dashboard's hosting.
 */
import { Annotations, Aws, Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { INCIDENT_EVENT_SOURCE_PREFIX } from "../../domain/incident-events";
import { STATISTICS_ENV, STATISTICS_TABLE, statisticsTableName } from "../../domain/statistics-table";
import type { Platform, Tenant } from "../../domain/tenant";
import { FUNCTIONS } from "../../lambdas/manifest";
import { DashboardHosting } from "../dashboard-hosting";
import { asyncDeadLetters } from "../dead-letter-destination";
import type { FunctionBundles } from "../function-bundles";
import { acknowledgeWildcards } from "../nag-acknowledgements";
import { NATIONAL_BUS_NAME, PREFIX, stackNames } from "../naming";
import { OperationsMonitoring } from "../operations-monitoring";
import { SiagaFunction } from "../siaga-function";
import { TenantKey } from "../tenant-key";

/** Lambda allows 4 KB of environment in total; area names beyond this are left to the API's defaults. */
export const MAX_AREA_NAMES_CHARACTERS = 3000;

export interface NationalStackProps extends StackProps {
  readonly platform: Platform;
  readonly tenants: readonly Tenant[];
  readonly bundles: FunctionBundles;
  /** Folder of the dashboard's static files. @default none deployed */
  readonly dashboardDir?: string;
}

/**
 * @example
 * new NationalStack(app, stackNames.national(), { platform, tenants, bundles, dashboardDir: "web/dashboard" });
 */
export class NationalStack extends Stack {
  readonly bus: events.EventBus;
  readonly statistics: dynamodb.Table;
  readonly aggregator?: SiagaFunction;
  readonly monitoringApi?: SiagaFunction;
  readonly api?: apigw.HttpApi;
  readonly officers: cognito.UserPool;
  readonly dashboard?: DashboardHosting;

  constructor(scope: Construct, id: string, props: NationalStackProps) {
    const { platform } = props;
    super(scope, id, {
      stackName: stackNames.national(),
      env: { account: platform.national.account, region: platform.national.region },
      description:
        "siaga112 national monitoring: incident event bus, statistics, monitoring API and dashboard",
      ...props,
    });
    const key = new TenantKey(this, "Key", {
      alias: `alias/${PREFIX}-national`,
      tenantCode: "national",
      purpose: "statistics, dead letters, operations topic and logs",
      logGroupPrefixes: [`/aws/lambda/${PREFIX}-national-`, `/aws/vendedlogs/${PREFIX}-national-`],
    }).key;
    const operationsTopic = new sns.Topic(this, "Operations", {
      topicName: `${PREFIX}-national-operations`,
      masterKey: key,
      enforceSSL: true,
    });
    const monitoring = new OperationsMonitoring(this, "Monitoring", {
      operationsTopic,
      alarmPrefix: `${PREFIX}-national`,
      dashboardName: `${PREFIX}-national`,
    });

    this.bus = new events.EventBus(this, "Bus", { eventBusName: NATIONAL_BUS_NAME });
    const accounts = [...new Set(platform.hubs.map((h) => h.account))].sort();
    this.bus.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "TenantAccountsPutIncidentEvents",
        principals: accounts.map((a) => new iam.AccountPrincipal(a)),
        actions: ["events:PutEvents"],
        resources: [this.bus.eventBusArn],
        conditions: { StringLike: { "events:source": `${INCIDENT_EVENT_SOURCE_PREFIX}*` } },
      }),
    );

    this.statistics = new dynamodb.Table(this, "Statistics", {
      tableName: statisticsTableName(),
      partitionKey: { name: STATISTICS_TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: STATISTICS_TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: STATISTICS_TABLE.ttlAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    monitoring.watchTable("statistics", this.statistics);

    const deadLetters = new sqs.Queue(this, "DeadLetters", {
      queueName: `${PREFIX}-national-dead-letters`,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is the national dead-letter queue; it has none of its own",
    });
    monitoring.watchDeadLetterQueue("dead-letters", deadLetters);

    const spec = (name: string) => FUNCTIONS.find((f) => f.name === name)!;
    const environment = { [STATISTICS_ENV.tableName]: statisticsTableName() };
    const aggregatorBundle = props.bundles.dirs.get("national-aggregator");
    if (aggregatorBundle) {
      this.aggregator = new SiagaFunction(this, "Aggregator", {
        functionName: `${PREFIX}-national-aggregator`,
        bundleDir: aggregatorBundle,
        description: spec("national-aggregator").description,
        environment: { ...environment, POWERTOOLS_SERVICE_NAME: "siaga112-national-aggregator" },
        logKey: key,
        timeout: Duration.seconds(30),
      });
      this.aggregator.function.configureAsyncInvoke({
        onFailure: asyncDeadLetters(deadLetters, key),
        retryAttempts: 2,
      });
      // The table is encrypted with the national key: reading and writing it needs the key.
      this.aggregator.role.addToPolicy(
        new iam.PolicyStatement({ actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [key.keyArn] }),
      );
      this.statistics.grant(
        this.aggregator.role,
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:ConditionCheckItem",
        "dynamodb:TransactWriteItems",
      );
      new events.Rule(this, "IncidentEvents", {
        eventBus: this.bus,
        description: "Every tenant's incident events to the statistics",
        eventPattern: { source: events.Match.prefix(INCIDENT_EVENT_SOURCE_PREFIX) },
        targets: [
          new targets.LambdaFunction(this.aggregator.function, {
            deadLetterQueue: deadLetters,
            retryAttempts: 20,
            maxEventAge: Duration.hours(24),
          }),
        ],
      });
      monitoring.watchFunction("aggregator", this.aggregator.function);
    }

    this.officers = new cognito.UserPool(this, "Officers", {
      userPoolName: `${PREFIX}-national-officers`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.officers).acknowledge({
      id: "AwsSolutions-COG3",
      reason:
        "Threat protection is on through the PLUS feature plan (standardThreatProtectionMode FULL_FUNCTION)",
    });
    const client = this.officers.addClient("Dashboard", {
      authFlows: { userSrp: true },
      generateSecret: false,
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
    });

    const apiBundle = props.bundles.dirs.get("monitoring-api");
    if (apiBundle) {
      this.monitoringApi = new SiagaFunction(this, "MonitoringApi", {
        functionName: `${PREFIX}-national-monitoring-api`,
        bundleDir: apiBundle,
        description: spec("monitoring-api").description,
        environment: {
          ...environment,
          [STATISTICS_ENV.areaNames]: this.areaNames(props.tenants),
          POWERTOOLS_SERVICE_NAME: "siaga112-monitoring-api",
        },
        logKey: key,
      });
      // Read-only: no write action on the statistics.
      this.statistics.grant(
        this.monitoringApi.role,
        "dynamodb:GetItem",
        "dynamodb:Query",
        "dynamodb:BatchGetItem",
      );
      key.grantDecrypt(this.monitoringApi.role);
      monitoring.watchFunction("monitoring-api", this.monitoringApi.function);

      const accessLogs = new logs.LogGroup(this, "ApiAccessLogs", {
        logGroupName: `/aws/vendedlogs/${PREFIX}-national-monitoring-api`,
        retention: logs.RetentionDays.ONE_YEAR,
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      this.api = new apigw.HttpApi(this, "Api", {
        apiName: `${PREFIX}-national-monitoring-api`,
        createDefaultStage: false,
      });
      this.api.addRoutes({
        path: "/api/{proxy+}",
        methods: [apigw.HttpMethod.GET],
        integration: new HttpLambdaIntegration("MonitoringApi", this.monitoringApi.function),
        authorizer: new HttpUserPoolAuthorizer("Officers", this.officers, { userPoolClients: [client] }),
      });
      new apigw.HttpStage(this, "ApiStage", {
        httpApi: this.api,
        stageName: "$default",
        autoDeploy: true,
        throttle: { rateLimit: 20, burstLimit: 40 },
        accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
      });
      this.dashboard = new DashboardHosting(this, "Dashboard", {
        apiId: this.api.apiId,
        siteDir: props.dashboardDir,
        siteConfig: {
          "config.json": {
            region: this.region,
            userPoolId: this.officers.userPoolId,
            userPoolClientId: client.userPoolClientId,
          },
        },
      });
      acknowledgeBucketDeployment(this, this.dashboard.bucket.bucketArn);
    }
  }

  /** Code -> name of the tenants and their provinces, if it fits Lambda's environment limit. */
  private areaNames(tenants: readonly Tenant[]): string {
    const names: Record<string, string> = {};
    for (const tenant of tenants) {
      names[tenant.province.code] = tenant.province.name;
      names[tenant.code] = tenant.name;
    }
    const json = JSON.stringify(names);
    if (json.length <= MAX_AREA_NAMES_CHARACTERS) return json;
    Annotations.of(this).addWarningV2(
      "siaga112:area-names-too-long",
      `${STATISTICS_ENV.areaNames} for ${tenants.length} tenants is ${json.length} characters, over ${MAX_AREA_NAMES_CHARACTERS}: left empty (the API shows codes)`,
    );
    return "{}";
  }
}

/** BucketDeployment's provider is an aws-cdk-lib singleton: acknowledge its findings on it. */
function acknowledgeBucketDeployment(stack: Stack, siteBucketArn: string): void {
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith("Custom::CDKBucketDeployment")) continue;
    Validations.of(child).acknowledge(
      {
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        reason:
          "The BucketDeployment provider (aws-cdk-lib) uses the basic execution role only for its own logs",
      },
      { id: "AwsSolutions-L1", reason: "The BucketDeployment provider's runtime is chosen by aws-cdk-lib" },
    );
    acknowledgeWildcards(
      child,
      {
        actions: ["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"],
        resources: [
          `arn:${Aws.PARTITION}:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
          `${siteBucketArn}/*`,
          "*",
        ],
      },
      "The BucketDeployment provider (aws-cdk-lib) copies the dashboard files from the asset bucket into the site bucket and invalidates the distribution (cloudfront:CreateInvalidation has no resource-level scope)",
    );
  }
}
