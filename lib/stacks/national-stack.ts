/**
 * The national monitoring stack (`siaga112-national`): the event bus every tenant's incident events
 * reach, the statistics table, the aggregator, the read-only monitoring API behind Cognito, and
 * the dashboard's hosting.
 */
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { cityPartitions } from "../../domain/city-figures";
import { INCIDENT_EVENT_SOURCE_PREFIX } from "../../domain/incident-events";
import { nationalNames, stackNames } from "../../domain/naming";
import { STATISTICS_ENV, STATISTICS_TABLE, statisticsTableName } from "../../domain/statistics-table";
import type { Platform } from "../../domain/tenant";
import { FUNCTIONS } from "../../lambdas/manifest";
import { asyncDeadLetters } from "../dead-letter-destination";
import type { FunctionBundles } from "../function-bundles";
import { MonitoringFrontDoor } from "../monitoring-front-door";
import { OperationsMonitoring } from "../operations-monitoring";
import { SiagaFunction } from "../siaga-function";
import { TenantKey } from "../tenant-key";

/** The kab/kota partitions of the statistics table (any kab/kota): day rows and hour cells. */
const CITY_PARTITION_PATTERNS = cityPartitions("*");

export interface NationalStackProps extends StackProps {
  readonly platform: Platform;
  readonly bundles: FunctionBundles;
  /** Folder of the dashboard's static files. @default none deployed */
  readonly dashboardDir?: string;
  /** Folder of the page code every site shares (`web/shared`). @default none deployed */
  readonly sharedDir?: string;
}

/**
 * @example
 * new NationalStack(app, stackNames.national(), { platform, bundles, dashboardDir: "web/dashboard" });
 */
export class NationalStack extends Stack {
  readonly bus: events.EventBus;
  readonly statistics: dynamodb.Table;
  readonly aggregator?: SiagaFunction;
  readonly monitoringApi?: SiagaFunction;
  /** Sign-in, API and dashboard hosting (when the monitoring API function exists). */
  readonly frontDoor?: MonitoringFrontDoor;

  constructor(scope: Construct, id: string, props: NationalStackProps) {
    const { platform } = props;
    super(scope, id, {
      stackName: stackNames.national(),
      env: { account: platform.national.account, region: platform.national.region },
      description:
        "siaga112 national monitoring: incident event bus, statistics, monitoring API and dashboard",
      ...props,
    });
    const names = nationalNames();
    const key = new TenantKey(this, "Key", {
      alias: names.keyAlias,
      tenantCode: "national",
      purpose: "statistics, dead letters, operations topic and logs",
      logGroupPrefixes: [`/aws/lambda/${names.prefix}-`, `/aws/vendedlogs/${names.prefix}-`],
    }).key;
    const operationsTopic = new sns.Topic(this, "Operations", {
      topicName: names.operationsTopic,
      masterKey: key,
      enforceSSL: true,
    });
    const monitoring = new OperationsMonitoring(this, "Monitoring", {
      operationsTopic,
      alarmPrefix: names.prefix,
      dashboardName: names.dashboard,
    });

    this.bus = new events.EventBus(this, "Bus", { eventBusName: names.bus });
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
    // Each view of the dashboard is one Query: day rows by province and nationally, open alerts
    // (sparse). Keys and why: domain/statistics-table.ts.
    for (const index of Object.values(STATISTICS_TABLE.indexes)) {
      this.statistics.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    monitoring.watchTable("statistics", this.statistics);
    this.shareCityFigures(key, platform);

    const deadLetters = new sqs.Queue(this, "DeadLetters", {
      queueName: names.deadLetterQueue,
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
        functionName: names.functionName("aggregator"),
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
      // The table only, no index (Table.grant would add `index/*`): an incident's close queries
      // its alerts in the table itself.
      this.aggregator.role.addToPolicy(
        new iam.PolicyStatement({
          actions: [
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:ConditionCheckItem",
            "dynamodb:TransactWriteItems",
            "dynamodb:Query",
          ],
          resources: [this.statistics.tableArn],
        }),
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

    const apiBundle = props.bundles.dirs.get("monitoring-api");
    if (apiBundle) {
      this.monitoringApi = new SiagaFunction(this, "MonitoringApi", {
        functionName: names.functionName("monitoring-api"),
        bundleDir: apiBundle,
        description: spec("monitoring-api").description,
        environment: {
          ...environment,
          POWERTOOLS_SERVICE_NAME: "siaga112-monitoring-api",
        },
        logKey: key,
      });
      // Read-only: no write action on the statistics.
      // Read-only, on the table and its indexes by name (each view is one Query of one of them).
      this.monitoringApi.role.addToPolicy(
        new iam.PolicyStatement({
          actions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"],
          resources: [
            this.statistics.tableArn,
            ...Object.values(STATISTICS_TABLE.indexes).map(
              (i) => `${this.statistics.tableArn}/index/${i.name}`,
            ),
          ],
        }),
      );
      key.grantDecrypt(this.monitoringApi.role);
      monitoring.watchFunction("monitoring-api", this.monitoringApi.function);

      this.frontDoor = new MonitoringFrontDoor(this, "FrontDoor", {
        namePrefix: names.prefix,
        handler: this.monitoringApi.function,
        logKey: key,
        signInDomainPrefix: names.signInDomain(this.account),
        siteDir: props.dashboardDir,
        sharedDir: props.sharedDir,
      });
    }
  }

  /**
   * Each kab/kota's call-taker API reads its own figures here (`GET /city`): across accounts both
   * the reader's identity policy (its two partitions: lib/stacks/tenant-data-stack.ts) and the
   * table's resource policy must allow the Query
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-auth-iam-id-based-policies-DDB.html).
   * The table allows the hub accounts other than this one to Query kab/kota partitions (day rows and
   * hour cells) and nothing else; the key lets them decrypt through DynamoDB only.
   */
  private shareCityFigures(key: kms.IKey, platform: Platform): void {
    const others = [...new Set(platform.hubs.map((h) => h.account))]
      .filter((account) => account !== platform.national.account)
      .sort();
    if (others.length === 0) return;
    const principals = others.map((a) => new iam.AccountPrincipal(a));
    this.statistics.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "HubAccountsReadTheirKabKotaFigures",
        principals,
        actions: ["dynamodb:Query"],
        // The table's own ARN as text: a token of the table in its own policy is a cycle.
        resources: [
          `arn:${this.partition}:dynamodb:${this.region}:${this.account}:table/${statisticsTableName()}`,
        ],
        conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": CITY_PARTITION_PATTERNS } },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "HubAccountsDecryptStatisticsThroughDynamoDB",
        principals,
        actions: ["kms:Decrypt"],
        resources: ["*"],
        conditions: {
          StringEquals: { "kms:ViaService": `dynamodb.${platform.national.region}.amazonaws.com` },
        },
      }),
    );
  }
}
