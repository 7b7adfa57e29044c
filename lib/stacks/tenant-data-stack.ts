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
import { cityPartitions } from "../../domain/city-figures";
import { consolePageSettings } from "../../domain/console-settings";
import { incidentEventSource } from "../../domain/incident-events";
import { INCIDENT_TABLE } from "../../domain/incident-table";
import {
  ccpUrl,
  consoleNames,
  nationalBusArn,
  nationalStatisticsArns,
  stackNames,
  tenantNames,
} from "../../domain/naming";
import { statisticsTableName } from "../../domain/statistics-table";
import type { Platform, Tenant } from "../../domain/tenant";
import {
  FUNCTIONS,
  type FunctionSpec,
  type FunctionTrigger,
  type ResourceKind,
  type WiredSpec,
  wiredFunctions,
} from "../../lambdas/manifest";
import { ENV, type EnvName } from "../../lambdas/shared/environment";
import { AgencyTopic } from "../agency-topic";
import { CallTakerApi } from "../calltaker-api";
import { asyncDeadLetters, eventSourceDeadLetters } from "../dead-letter-destination";
import type { FunctionBundles } from "../function-bundles";
import { IncidentStore } from "../incident-store";
import { OperationsMonitoring } from "../operations-monitoring";
import { TENANT_CONFIG_FILE, TenantConfigLayer } from "../tenant-config-layer";
import { TenantConsoleSettings } from "../tenant-console-settings";
import { TenantKey } from "../tenant-key";
import { type GrantTarget, WiredFunction } from "../wired-function";

/** Powertools metrics namespace of every siaga112 function. */
export const METRICS_NAMESPACE = "siaga112";

export interface TenantDataStackProps extends StackProps {
  readonly tenant: Tenant;
  readonly platform: Platform;
  readonly bundles: FunctionBundles;
}

type TriggerOf<K extends FunctionTrigger["kind"]> = Extract<FunctionTrigger, { kind: K }>;

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
  readonly scheduleRole: iam.Role;
  readonly functions: ReadonlyMap<string, WiredFunction>;
  readonly monitoring: OperationsMonitoring;
  readonly callTakerApi?: CallTakerApi;
  /** Public function URLs by function name (acknowledgement links, caller location links). */
  readonly publicUrls: ReadonlyMap<string, lambda.FunctionUrl> = new Map();
  /** The tenant's settings file on the console site (with the call-taker API). */
  readonly consoleSettings?: TenantConsoleSettings;
  private readonly names: ReturnType<typeof tenantNames>;
  private readonly platform: Platform;
  private configLayer?: TenantConfigLayer;

  constructor(scope: Construct, id: string, props: TenantDataStackProps) {
    const { tenant, platform } = props;
    super(scope, id, {
      stackName: stackNames.data(tenant),
      env: { account: tenant.hub.account, region: tenant.dataRegion },
      description: `siaga112 ${tenant.name} (${tenant.code}): incidents, agency alerts and escalation`,
      ...props,
    });
    this.tenant = tenant;
    this.platform = platform;
    this.names = tenantNames(tenant);
    if (!platform.console) {
      throw new Error(
        `TenantDataStack ${tenant.code}: platform.yaml has no console.url; deploy ${stackNames.console()} first and record its address (docs/deploy.md)`,
      );
    }

    this.key = this.createKey();
    this.incidents = this.createIncidentStore();
    this.agencyTopics = this.createAgencyTopics();
    this.operationsTopic = this.createOperationsTopic();
    this.deadLetters = this.createDeadLetters();
    this.signingSecret = this.createSigningSecret();
    this.scheduleGroup = new scheduler.CfnScheduleGroup(this, "EscalationSchedules", {
      name: this.names.scheduleGroup,
    });
    this.scheduleRole = this.createScheduleRole();
    this.monitoring = new OperationsMonitoring(this, "Monitoring", {
      operationsTopic: this.operationsTopic,
      alarmPrefix: this.names.prefix,
      dashboardName: this.names.dashboard,
    });
    this.functions = this.createFunctions(
      props.bundles,
      this.grantTargets(platform),
      this.functionEnvironment(platform),
    );
    for (const [name, fn] of this.functions) this.wireTrigger(name, fn);
    this.watchEverything();
  }

  /** The tenant's runtime configuration as a layer, made once per stack when a function needs it. */
  private tenantConfig(): TenantConfigLayer {
    this.configLayer ??= new TenantConfigLayer(this, "TenantConfig", { tenant: this.tenant });
    return this.configLayer;
  }

  private createKey(): TenantKey {
    return new TenantKey(this, "Key", {
      alias: this.names.keyAlias,
      tenantCode: this.tenant.code,
      logGroupPrefixes: [`/aws/lambda/${this.names.prefix}-`, `/aws/vendedlogs/${this.names.prefix}-`],
    });
  }

  private createIncidentStore(): IncidentStore {
    return new IncidentStore(this, "Incidents", {
      tableName: this.names.incidentTable,
      shape: { ...INCIDENT_TABLE, indexes: Object.values(INCIDENT_TABLE.indexes) },
      encryptionKey: this.key.key,
    });
  }

  private createAgencyTopics(): Map<string, AgencyTopic> {
    const topics = new Map<string, AgencyTopic>();
    for (const agency of this.tenant.agencies) {
      topics.set(
        agency.id,
        new AgencyTopic(this, `Agency-${agency.id}`, {
          topicName: this.names.agencyTopic(agency.id),
          agency,
          masterKey: this.key.key,
        }),
      );
    }
    return topics;
  }

  private createOperationsTopic(): sns.Topic {
    return new sns.Topic(this, "Operations", {
      topicName: this.names.operationsTopic,
      displayName: `siaga112 ${this.tenant.code} operations`,
      masterKey: this.key.key,
      enforceSSL: true,
    });
  }

  private createDeadLetters(): sqs.Queue {
    const queue = new sqs.Queue(this, "DeadLetters", {
      queueName: this.names.deadLetterQueue,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is the tenant's dead-letter queue; it has none of its own",
    });
    return queue;
  }

  private createSigningSecret(): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, "AckSigningSecret", {
      secretName: this.names.signingSecret,
      description: `Signs the acknowledgement links sent to ${this.tenant.name}'s agencies`,
      encryptionKey: this.key.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(secret).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "Automatic rotation would invalidate acknowledgement links still in agencies' SMS inboxes; rotation is a planned manual step (docs/deploy.md)",
    });
    return secret;
  }

  private functionArn(name: string): string {
    return `arn:${this.partition}:lambda:${this.region}:${this.account}:function:${this.names.functionName(name)}`;
  }

  /** The role EventBridge Scheduler assumes to invoke the scheduled function. */
  private createScheduleRole(): iam.Role {
    const role = new iam.Role(this, "SchedulerRole", {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": this.account } },
      }),
      description: `EventBridge Scheduler invokes the re-escalation of ${this.tenant.code}`,
    });
    const targets = wiredFunctions("data").filter((f) => f.wiring.trigger.kind === "scheduler");
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: targets.map((f) => this.functionArn(f.name)),
      }),
    );
    // Failed deliveries of schedules land in the tenant's dead-letter queue (encrypted with its key).
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [this.deadLetters.queueArn] }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [this.key.key.keyArn],
      }),
    );
    return role;
  }

  /** What the stack lets its functions act on, per resource kind of the manifest. */
  private grantTargets(platform: Platform): Partial<Record<ResourceKind, GrantTarget>> {
    const table = this.incidents.table;
    const { region, account } = this;
    const statistics = nationalStatisticsArns(platform);
    return {
      table: {
        arns: [table.tableArn, `${table.tableArn}/index/*`],
        wildcardReason: "Queries the indexes (byDay, pendingOutbox) of this tenant's own incident table only",
      },
      "table-stream": { arns: [table.tableStreamArn!] },
      "agency-topics": { arns: [...this.agencyTopics.values()].map((t) => t.topic.topicArn) },
      "schedule-group": {
        arns: [`arn:${this.partition}:scheduler:${region}:${account}:schedule/${this.names.scheduleGroup}/*`],
        wildcardReason:
          "One-time schedules are named at run time, one per escalation step, inside this tenant's group only",
      },
      "schedule-role": { arns: [this.scheduleRole.roleArn] },
      "ack-secret": { arns: [this.signingSecret.secretArn] },
      "event-bus": {
        arns: [nationalBusArn(platform)],
        conditions: { StringEquals: { "events:source": incidentEventSource(this.tenant.code) } },
      },
      key: { arns: [this.key.key.keyArn] },
      // The city's own figures: the national statistics, this kab/kota's day rows and hour cells
      // only. LeadingKeys limits every Query to those partition keys:
      // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
      "city-statistics": {
        arns: [statistics.table],
        conditions: {
          "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": cityPartitions(this.tenant.code) },
        },
      },
      "national-key": {
        arns: [statistics.keyArnPattern],
        conditions: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": statistics.keyAlias } },
        wildcardReason:
          "The national key has a random id: granted only where its alias is the national one (kms:ResourceAliases), for reading the kab/kota's own statistics",
      },
      "sms-phone-numbers": {
        arns: [],
        exceptArns: [`arn:${this.partition}:sns:*:*:*`],
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html
        wildcardReason:
          "SNS Publish to a phone number (the caller's location SMS) has no resource ARN; NotResource keeps it off every SNS topic, so it reaches no agency topic of this or another tenant",
      },
    };
  }

  /** The environment values the stack can give; function URLs add theirs as they are made. */
  private functionEnvironment(platform: Platform): Partial<Record<EnvName, string>> {
    const scheduled = wiredFunctions("data").find((f) => f.wiring.trigger.kind === "scheduler");
    return {
      [ENV.tenantFile]: TENANT_CONFIG_FILE,
      [ENV.tableName]: this.names.incidentTable,
      [ENV.tableRegion]: this.region,
      [ENV.agencyTopicArnPrefix]: `arn:${this.partition}:sns:${this.region}:${this.account}:${this.names.agencyTopicPrefix}`,
      [ENV.scheduleGroup]: this.names.scheduleGroup,
      ...(scheduled ? { [ENV.scheduleTargetArn]: this.functionArn(scheduled.name) } : {}),
      [ENV.scheduleRoleArn]: this.scheduleRole.roleArn,
      [ENV.eventBus]: nationalBusArn(platform),
      [ENV.ackSecretArn]: this.signingSecret.secretArn,
      [ENV.statisticsTable]: statisticsTableName(),
      [ENV.statisticsRegion]: platform.national.region,
      [ENV.metricsNamespace]: METRICS_NAMESPACE,
    };
  }

  /**
   * One function per data-Region entry of the manifest. Functions behind a public URL come first:
   * the others read that URL (the links they send).
   */
  private createFunctions(
    bundles: FunctionBundles,
    resources: Partial<Record<ResourceKind, GrantTarget>>,
    environment: Partial<Record<EnvName, string>>,
  ): Map<string, WiredFunction> {
    const specs = wiredFunctions("data");
    const providers = specs.filter((f) => f.wiring.trigger.kind === "function-url");
    const functions = new Map<string, WiredFunction>();
    for (const spec of [...providers, ...specs.filter((f) => !providers.includes(f))]) {
      const bundleDir = bundles.dirs.get(spec.name);
      // Only stack tests leave functions out; the app refuses a manifest entry without a handler.
      if (!bundleDir) continue;
      const fn = new WiredFunction(this, `Fn-${spec.name}`, {
        spec,
        functionName: this.names.functionName(spec.name),
        bundleDir,
        environment: { ...environment, [ENV.serviceName]: `siaga112-${spec.name}` },
        resources,
        logKey: this.key.key,
        owner: `tenant ${this.tenant.code} (${this.tenant.file})`,
        tenantConfig: this.tenantConfig().layer,
      });
      functions.set(spec.name, fn);
      this.monitoring.watchFunction(spec.name, fn.function);
      const trigger = spec.wiring.trigger;
      if (trigger.kind === "http-api") this.addCallTakerApi(fn);
      if (trigger.kind === "function-url") {
        environment[trigger.baseUrlEnv] = this.addPublicUrl(spec.name, fn);
      }
    }
    return functions;
  }

  private addCallTakerApi(fn: WiredFunction): void {
    if (this.callTakerApi)
      throw new Error("lambdas/manifest.ts: only one data function may have an http-api trigger");
    const { tenant, platform } = this;
    const api = new CallTakerApi(this, "CallTakerApi", {
      namePrefix: this.names.prefix,
      handler: fn.function,
      logKey: this.key.key,
      signInDomainPrefix: this.names.signInDomain(this.account),
      consoleOrigin: platform.console!.origin,
    });
    (this as { callTakerApi?: CallTakerApi }).callTakerApi = api;
    (this as { consoleSettings?: TenantConsoleSettings }).consoleSettings = new TenantConsoleSettings(
      this,
      "ConsoleSettings",
      {
        bucketName: consoleNames(platform).bucket,
        key: this.names.consoleConfig,
        settings: {
          ...api.signIn.settings,
          ...consolePageSettings(tenant),
          apiUrl: api.api.apiEndpoint,
          phonePanel: { kind: "streams", ccpUrl: ccpUrl(tenant.hub), region: tenant.hub.connectRegion },
        },
      },
    );
  }

  /** A public URL for the function; the others read it in the trigger's `baseUrlEnv`. */
  private addPublicUrl(name: string, fn: WiredFunction): string {
    const url = fn.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    (this.publicUrls as Map<string, lambda.FunctionUrl>).set(name, url);
    return url.url;
  }

  /** Event-driven triggers (HTTP ones are made with the function: others read their URLs). */
  private wireTrigger(name: string, fn: WiredFunction): void {
    const trigger = specOf(name).wiring.trigger;
    if (trigger.kind === "dynamodb-stream") this.wireTableStream(name, fn, trigger);
    if (trigger.kind === "scheduler") this.wireRecurringSchedule(name, fn, trigger);
  }

  private wireTableStream(name: string, fn: WiredFunction, trigger: TriggerOf<"dynamodb-stream">): void {
    // Not DynamoEventSource: it grants dynamodb:ListStreams on "*"; the manifest grants the stream.
    new lambda.EventSourceMapping(this, `${name}-stream`, {
      target: fn.function,
      eventSourceArn: this.incidents.table.tableStreamArn!,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: trigger.batchSize,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: trigger.retryAttempts,
      maxRecordAge: Duration.hours(trigger.maxRecordAgeHours),
      onFailure: eventSourceDeadLetters(this.deadLetters, this.key.key),
    });
  }

  private wireRecurringSchedule(name: string, fn: WiredFunction, trigger: TriggerOf<"scheduler">): void {
    const schedule = new scheduler.CfnSchedule(this, `${name}-sweep`, {
      name: this.names.sweepSchedule,
      groupName: this.scheduleGroup.name,
      description: trigger.recurring.description,
      scheduleExpression: trigger.recurring.expression,
      flexibleTimeWindow: { mode: "OFF" },
      target: {
        arn: fn.function.functionArn,
        roleArn: this.scheduleRole.roleArn,
        input: JSON.stringify(trigger.recurring.input),
        deadLetterConfig: { arn: this.deadLetters.queueArn },
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 300 },
      },
    });
    schedule.node.addDependency(this.scheduleGroup);
    fn.function.configureAsyncInvoke({
      onFailure: asyncDeadLetters(this.deadLetters, this.key.key),
      retryAttempts: trigger.asyncRetryAttempts,
    });
  }

  /** Alarms and dashboard widgets beyond each function's own (made with the function). */
  private watchEverything(): void {
    const { tenant, names, monitoring } = this;
    for (const [name] of this.functions) {
      for (const alarm of specOf(name).wiring.alarms ?? []) {
        monitoring.watchCount(
          `${name}-${kebab(alarm.metricName)}`,
          {
            namespace: METRICS_NAMESPACE,
            metricName: alarm.metricName,
            dimensions: { service: name, tenant: tenant.code },
          },
          `An escalation from ${name} ${alarm.meaning}`,
        );
      }
    }
    monitoring.watchTable("incidents", this.incidents.table);
    monitoring.watchDeadLetterQueue("dead-letters", this.deadLetters);
    for (const [agencyId, topic] of this.agencyTopics)
      monitoring.watchTopic(`agency-${agencyId}`, topic.topic);
    // The functions in the Connect Region, shown beside these (their alarms live in their own Region).
    for (const spec of FUNCTIONS as readonly FunctionSpec[]) {
      if (spec.wiring?.trigger.kind !== "connect-flow") continue;
      monitoring.showRemoteFunction(spec.name, names.functionName(spec.name), tenant.hub.connectRegion);
    }
    monitoring.watchConnectQueue("112", { queueName: names.queue, region: tenant.hub.connectRegion });
  }
}

function specOf(name: string): WiredSpec {
  return wiredFunctions("data").find((f) => f.name === name)!;
}

/** @example kebab("EscalationDeadLettered") // "escalation-dead-lettered" */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
