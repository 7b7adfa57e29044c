/**
 * One tenant's data stack in its data Region (`siaga112-<id>-data`): everything that holds or
 * moves the city's incident data. Removing the stack keeps the table, key and secret.
 */
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { INCIDENT_EVENT_SOURCE_PREFIX } from "../../domain/incident-events";
import { INCIDENT_TABLE } from "../../domain/incident-table";
import { nationalBusArn, stackNames, tenantNames } from "../../domain/naming";
import type { Platform, Tenant } from "../../domain/tenant";
import { toRuntimeConfig } from "../../domain/tenant-runtime";
import { FUNCTIONS, type FunctionSpec, type ResourceKind } from "../../lambdas/manifest";
import { ENV, type EnvName } from "../../lambdas/shared/environment";
import { SWEEP_SCHEDULE } from "../../lambdas/shared/ports";
import { AgencyTopic } from "../agency-topic";
import { CallTakerApi } from "../call-taker-api";
import { asyncDeadLetters, eventSourceDeadLetters } from "../dead-letter-destination";
import type { FunctionBundles } from "../function-bundles";
import { IncidentStore } from "../incident-store";
import { OperationsMonitoring } from "../operations-monitoring";
import { TenantKey } from "../tenant-key";
import { type GrantTarget, WiredFunction } from "../wired-function";

/** Powertools metrics namespace of every siaga112 function. */
export const METRICS_NAMESPACE = "siaga112";

export interface TenantDataStackProps extends StackProps {
  readonly tenant: Tenant;
  readonly platform: Platform;
  readonly bundles: FunctionBundles;
}

/**
 * @example
 * new TenantDataStack(app, stackNames.data(tenant), { tenant, platform, bundles });
 */
export class TenantDataStack extends Stack {
  readonly tenant: Tenant;
  readonly key: TenantKey;
  readonly incidents: IncidentStore;
  readonly agencyTopics: ReadonlyMap<string, AgencyTopic>;
  readonly operationsTopic: sns.Topic;
  readonly deadLetters: sqs.Queue;
  readonly signingSecret: secretsmanager.Secret;
  readonly scheduleGroup: scheduler.CfnScheduleGroup;
  readonly functions: ReadonlyMap<string, WiredFunction>;
  readonly monitoring: OperationsMonitoring;
  readonly callTakerApi?: CallTakerApi;
  readonly ackUrl?: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: TenantDataStackProps) {
    const { tenant, platform } = props;
    super(scope, id, {
      stackName: stackNames.data(tenant),
      env: { account: tenant.hub.account, region: tenant.dataRegion },
      description: `siaga112 ${tenant.name} (${tenant.code}): incidents, agency alerts and escalation`,
      ...props,
    });
    this.tenant = tenant;
    const names = tenantNames(tenant);
    const account = this.account;
    const region = this.region;

    this.key = new TenantKey(this, "Key", {
      alias: names.keyAlias,
      tenantCode: tenant.code,
      logGroupPrefixes: [`/aws/lambda/${names.prefix}-`, `/aws/vendedlogs/${names.prefix}-`],
    });
    const key = this.key.key;
    this.incidents = new IncidentStore(this, "Incidents", {
      tableName: names.incidentTable,
      shape: { ...INCIDENT_TABLE, indexes: Object.values(INCIDENT_TABLE.indexes) },
      encryptionKey: key,
    });
    const table = this.incidents.table;

    const topics = new Map<string, AgencyTopic>();
    for (const agency of tenant.agencies) {
      topics.set(
        agency.id,
        new AgencyTopic(this, `Agency-${agency.id}`, {
          topicName: names.agencyTopic(agency.id),
          agency,
          masterKey: key,
        }),
      );
    }
    this.agencyTopics = topics;
    this.operationsTopic = new sns.Topic(this, "Operations", {
      topicName: names.operationsTopic,
      displayName: `siaga112 ${tenant.code} operations`,
      masterKey: key,
      enforceSSL: true,
    });
    this.deadLetters = new sqs.Queue(this, "DeadLetters", {
      queueName: names.deadLetterQueue,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is the tenant's dead-letter queue; it has none of its own",
    });
    this.signingSecret = new secretsmanager.Secret(this, "AckSigningSecret", {
      secretName: names.signingSecret,
      description: `Signs the acknowledgement links sent to ${tenant.name}'s agencies`,
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.signingSecret).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "Automatic rotation would invalidate acknowledgement links still in agencies' SMS inboxes; rotation is a planned manual step (docs/deploy.md)",
    });
    this.scheduleGroup = new scheduler.CfnScheduleGroup(this, "EscalationSchedules", {
      name: names.scheduleGroup,
    });

    const functionArn = (name: string) =>
      `arn:${this.partition}:lambda:${region}:${account}:function:${names.functionName(name)}`;
    const scheduleRole = new iam.Role(this, "SchedulerRole", {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": account } },
      }),
      description: `EventBridge Scheduler invokes the re-escalation of ${tenant.code}`,
    });
    scheduleRole.addToPolicy(
      new iam.PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: [functionArn("reescalate")] }),
    );
    // Failed deliveries of schedules land in the tenant's dead-letter queue (encrypted with its key).
    scheduleRole.addToPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [this.deadLetters.queueArn] }),
    );
    scheduleRole.addToPolicy(
      new iam.PolicyStatement({ actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [key.keyArn] }),
    );

    const busArn = nationalBusArn(platform);
    const resources: Partial<Record<ResourceKind, GrantTarget>> = {
      table: {
        arns: [table.tableArn, `${table.tableArn}/index/*`],
        wildcardReason: "Queries the indexes (byDay, pendingOutbox) of this tenant's own incident table only",
      },
      "table-stream": { arns: [table.tableStreamArn!] },
      "agency-topics": { arns: [...topics.values()].map((t) => t.topic.topicArn) },
      "schedule-group": {
        arns: [`arn:${this.partition}:scheduler:${region}:${account}:schedule/${names.scheduleGroup}/*`],
        wildcardReason:
          "One-time schedules are named at run time, one per escalation step, inside this tenant's group only",
      },
      "schedule-role": { arns: [scheduleRole.roleArn] },
      "ack-secret": { arns: [this.signingSecret.secretArn] },
      "event-bus": { arns: [busArn], conditions: { StringEquals: { "events:source": eventSource(tenant) } } },
      key: { arns: [key.keyArn] },
    };
    const environment: Partial<Record<EnvName, string>> = {
      [ENV.tenant]: JSON.stringify(toRuntimeConfig(tenant)),
      [ENV.tableName]: names.incidentTable,
      [ENV.tableRegion]: region,
      [ENV.agencyTopicArnPrefix]: `arn:${this.partition}:sns:${region}:${account}:${names.agencyTopicPrefix}`,
      [ENV.scheduleGroup]: names.scheduleGroup,
      [ENV.scheduleTargetArn]: functionArn("reescalate"),
      [ENV.scheduleRoleArn]: scheduleRole.roleArn,
      [ENV.eventBus]: busArn,
      [ENV.ackSecretArn]: this.signingSecret.secretArn,
      [ENV.metricsNamespace]: METRICS_NAMESPACE,
    };

    this.monitoring = new OperationsMonitoring(this, "Monitoring", {
      operationsTopic: this.operationsTopic,
      alarmPrefix: names.prefix,
      dashboardName: names.dashboard,
    });

    // The ack function comes first: the senders need its URL for the links they send.
    const specs = FUNCTIONS.filter((f) => f.home === "data") as readonly FunctionSpec[];
    const ordered = [...specs].sort((a, b) => Number(b.name === "ack") - Number(a.name === "ack"));
    const functions = new Map<string, WiredFunction>();
    for (const spec of ordered) {
      const bundleDir = props.bundles.dirs.get(spec.name);
      // Only stack tests leave functions out; the app refuses a manifest entry without a handler.
      if (!bundleDir) continue;
      const fn = new WiredFunction(this, `Fn-${spec.name}`, {
        spec,
        functionName: names.functionName(spec.name),
        bundleDir,
        environment: { ...environment, [ENV.serviceName]: `siaga112-${spec.name}` },
        resources,
        logKey: key,
      });
      functions.set(spec.name, fn);
      this.monitoring.watchFunction(spec.name, fn.function);
      if (spec.name === "calltaker-api") {
        this.callTakerApi = new CallTakerApi(this, "CallTakerApi", {
          namePrefix: names.prefix,
          handler: fn.function,
          logKey: key,
        });
      }
      if (spec.name === "ack") {
        this.ackUrl = fn.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
        environment[ENV.ackBaseUrl] = this.ackUrl.url;
      }
    }
    this.functions = functions;
    this.wireTriggers(functions, scheduleRole);

    // Powertools metrics of the senders (service = function name, tenant = code): an escalation
    // given up on after every retry means an agency was never alerted.
    for (const sender of ["escalation-relay", "reescalate"]) {
      if (!functions.has(sender)) continue;
      this.monitoring.watchCount(
        `${sender}-escalation-dead-lettered`,
        {
          namespace: METRICS_NAMESPACE,
          metricName: "EscalationDeadLettered",
          dimensions: { service: sender, tenant: tenant.code },
        },
        `An escalation from ${sender} could not be delivered to an agency`,
      );
    }
    this.monitoring.watchTable("incidents", table);
    this.monitoring.watchDeadLetterQueue("dead-letters", this.deadLetters);
    for (const [agencyId, topic] of topics) this.monitoring.watchTopic(`agency-${agencyId}`, topic.topic);
    this.monitoring.showRemoteFunction("intake", names.functionName("intake"), tenant.hub.connectRegion);
    this.monitoring.watchConnectQueue("112", { queueName: names.queue, region: tenant.hub.connectRegion });
  }

  private wireTriggers(functions: ReadonlyMap<string, WiredFunction>, scheduleRole: iam.Role): void {
    const names = tenantNames(this.tenant);
    for (const [name, fn] of functions) {
      const spec = FUNCTIONS.find((f) => f.name === name) as FunctionSpec;
      switch (spec.wiring?.trigger) {
        case "dynamodb-stream":
          // Not DynamoEventSource: it grants dynamodb:ListStreams on "*"; the manifest grants the stream.
          new lambda.EventSourceMapping(this, `${name}-stream`, {
            target: fn.function,
            eventSourceArn: this.incidents.table.tableStreamArn!,
            startingPosition: lambda.StartingPosition.TRIM_HORIZON,
            batchSize: 25,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            retryAttempts: 10,
            maxRecordAge: Duration.hours(1),
            onFailure: eventSourceDeadLetters(this.deadLetters, this.key.key),
          });
          break;
        case "scheduler": {
          const sweep = new scheduler.CfnSchedule(this, `${name}-sweep`, {
            name: names.sweepSchedule,
            groupName: this.scheduleGroup.name,
            description: "Re-drives escalations whose outbox entry is overdue",
            scheduleExpression: SWEEP_SCHEDULE.expression,
            flexibleTimeWindow: { mode: "OFF" },
            target: {
              arn: fn.function.functionArn,
              roleArn: scheduleRole.roleArn,
              input: JSON.stringify(SWEEP_SCHEDULE.input),
              deadLetterConfig: { arn: this.deadLetters.queueArn },
              retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 300 },
            },
          });
          sweep.node.addDependency(this.scheduleGroup);
          fn.function.configureAsyncInvoke({
            onFailure: asyncDeadLetters(this.deadLetters, this.key.key),
            retryAttempts: 2,
          });
          break;
        }
        default:
          // "http" is wired where the function is made (ack URL, call-taker API); "connect" lives in the call stack.
          break;
      }
    }
  }
}

/**
 * EventBridge source of a tenant's incident events (`siaga112.tenant.<code>`).
 *
 * @example
 * eventSource({ code: "71.71" }) // "siaga112.tenant.71.71"
 */
export function eventSource(tenant: Pick<Tenant, "code">): string {
  return `${INCIDENT_EVENT_SOURCE_PREFIX}${tenant.code}`;
}
