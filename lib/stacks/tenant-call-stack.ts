/**
 * One tenant's call stack in its hub's Connect Region (`siaga112-<id>-call`): queue, staffed hours,
 * routing profile, recorded prompts, flows, the 112 number, the intake function and the call-answer
 * function (fed by the queue's Connect contact events). Both write to the data Region; nothing here
 * stores caller data at rest.
 */
import { Stack, type StackProps } from "aws-cdk-lib";
import * as connect from "aws-cdk-lib/aws-connect";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3assets from "aws-cdk-lib/aws-s3-assets";
import * as sns from "aws-cdk-lib/aws-sns";
import type { Construct } from "constructs";
import { dataArns, stackNames, tenantNames } from "../../domain/naming";
import type { Tenant } from "../../domain/tenant";
import { PROMPT_NAMES, type PromptName, type PromptSet } from "../../flows/prompt-set";
import { buildCustomerQueueFlow, buildInboundFlow, verifyTenantFlows } from "../../flows/tenant-flows";
import { formatFlowProblem } from "../../flows/verify";
import {
  type FunctionTrigger,
  type ResourceKind,
  type WiredSpec,
  wiredFunctions,
} from "../../lambdas/manifest";
import { ENV, type EnvName } from "../../lambdas/shared/environment";
import type { FunctionBundles } from "../function-bundles";
import { OperationsMonitoring } from "../operations-monitoring";
import { hoursOfOperationConfig } from "../staffed-hours";
import { TENANT_CONFIG_FILE, TenantConfigLayer } from "../tenant-config-layer";
import { TenantKey } from "../tenant-key";
import { TenantPhoneNumber } from "../tenant-phone-number";
import { type GrantTarget, WiredFunction } from "../wired-function";
import type { HubStack } from "./hub-stack";

export interface TenantCallStackProps extends StackProps {
  readonly tenant: Tenant;
  /** The hub stack of the tenant's hub (same account and Region). */
  readonly hub: HubStack;
  readonly bundles: FunctionBundles;
  /** The tenant's prompt set, loaded once per synth and shared by tenants using it. */
  readonly promptSet: PromptSet;
}

/**
 * @example
 * new TenantCallStack(app, stackNames.call(tenant), { tenant, hub, bundles, promptSet });
 */
export class TenantCallStack extends Stack {
  readonly tenant: Tenant;
  readonly queue: connect.CfnQueue;
  readonly hours: connect.CfnHoursOfOperation;
  readonly routingProfile: connect.CfnRoutingProfile;
  readonly prompts: ReadonlyMap<PromptName, connect.CfnPrompt>;
  readonly inboundFlow: connect.CfnContactFlow;
  readonly customerQueueFlow: connect.CfnContactFlow;
  /** The functions of the Connect Region (intake, call-answer), by manifest name. */
  readonly functions: ReadonlyMap<string, WiredFunction>;
  readonly intake?: WiredFunction;
  /** Records answer time and abandons from the queue's contact events (EventBridge rule). */
  readonly callAnswer?: WiredFunction;
  readonly phoneNumber?: TenantPhoneNumber;
  readonly operationsTopic: sns.Topic;
  private readonly names: ReturnType<typeof tenantNames>;
  private configLayer?: TenantConfigLayer;
  private readonly key: TenantKey;
  private readonly monitoring: OperationsMonitoring;
  private readonly instanceArn: string;
  private readonly instanceId: string;

  constructor(scope: Construct, id: string, props: TenantCallStackProps) {
    const { tenant, hub } = props;
    if (hub.hub.id !== tenant.hub.id) {
      throw new Error(
        `TenantCallStack props.hub "${hub.hub.id}": tenant ${tenant.code} belongs to hub "${tenant.hub.id}"`,
      );
    }
    super(scope, id, {
      stackName: stackNames.call(tenant),
      env: { account: tenant.hub.account, region: tenant.hub.connectRegion },
      description: `siaga112 ${tenant.name} (${tenant.code}): 112 number, flows and queue in hub ${tenant.hub.id}`,
      ...props,
    });
    this.tenant = tenant;
    verifyFlowsOrFail(tenant, props.promptSet);
    this.names = tenantNames(tenant);
    this.instanceArn = hub.connect.instance.attrArn;
    this.instanceId = hub.connect.instance.attrId;

    this.key = new TenantKey(this, "Key", {
      alias: this.names.callKeyAlias,
      tenantCode: tenant.code,
      purpose: "intake logs and the call operations topic (no caller data)",
      logGroupPrefixes: [`/aws/lambda/${this.names.prefix}-`],
    });
    this.operationsTopic = new sns.Topic(this, "Operations", {
      topicName: this.names.callOperationsTopic,
      displayName: `siaga112 ${tenant.code} call operations`,
      masterKey: this.key.key,
      enforceSSL: true,
    });
    this.monitoring = new OperationsMonitoring(this, "Monitoring", {
      operationsTopic: this.operationsTopic,
      alarmPrefix: `${this.names.prefix}-call`,
    });

    this.hours = this.createStaffedHours();
    this.queue = this.createQueue();
    this.routingProfile = this.createRoutingProfile();
    this.prompts = this.createPrompts(props.promptSet);
    this.functions = this.createFunctions(props.bundles);
    this.intake = this.functionWith("connect-flow");
    this.callAnswer = this.functionWith("connect-contact-events");
    const integrations = this.associateFlowFunctions();
    this.wireContactEvents();
    const flows = this.createFlows();
    this.customerQueueFlow = flows.customerQueue;
    this.inboundFlow = flows.inbound;
    // A flow may only name a Lambda that is associated with the instance.
    for (const integration of integrations) this.inboundFlow.node.addDependency(integration);
    // An offboarding tenant names no number: deploying it takes the number off the inbound flow.
    if (tenant.phone.numberArn !== undefined || tenant.phone.claim !== undefined) {
      this.phoneNumber = new TenantPhoneNumber(this, "Number", {
        instanceArn: this.instanceArn,
        instanceId: this.instanceId,
        inboundFlowArn: this.inboundFlow.attrContactFlowArn,
        numberArn: tenant.phone.numberArn,
        claim: tenant.phone.claim && {
          countryCode: tenant.phone.claim.country,
          type: tenant.phone.claim.type,
        },
        tenantCode: tenant.code,
      });
    }
    this.monitoring.watchConnectQueue("112", { instanceId: this.instanceId, queueName: this.names.queue });
    this.monitoring.watchContactFlow("inbound", this.instanceId, this.names.inboundFlow);
  }

  /** The tenant's runtime configuration as a layer, made once per stack when a function needs it. */
  private tenantConfig(): TenantConfigLayer {
    this.configLayer ??= new TenantConfigLayer(this, "TenantConfig", { tenant: this.tenant });
    return this.configLayer;
  }

  private createStaffedHours(): connect.CfnHoursOfOperation {
    return new connect.CfnHoursOfOperation(this, "StaffedHours", {
      instanceArn: this.instanceArn,
      name: this.names.hours,
      description: `Jam layanan 112 ${this.tenant.name} (${this.tenant.zone.name})`,
      timeZone: this.tenant.zone.iana,
      config: hoursOfOperationConfig(this.tenant.callHandling.staffedHours),
    });
  }

  private createQueue(): connect.CfnQueue {
    return new connect.CfnQueue(this, "Queue", {
      instanceArn: this.instanceArn,
      name: this.names.queue,
      description: `Antrean 112 ${this.tenant.name}`,
      hoursOfOperationArn: this.hours.attrHoursOfOperationArn,
      // Without a limit the queue holds as many callers as the instance's concurrent-call quota:
      // https://docs.aws.amazon.com/connect/latest/adminguide/route-based-on-queue-capacity.html
      maxContacts: this.tenant.callHandling.queueCapacity,
    });
  }

  private createRoutingProfile(): connect.CfnRoutingProfile {
    return new connect.CfnRoutingProfile(this, "RoutingProfile", {
      instanceArn: this.instanceArn,
      name: this.names.routingProfile,
      description: `Penerima panggilan 112 ${this.tenant.name}`,
      defaultOutboundQueueArn: this.queue.attrQueueArn,
      mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
      queueConfigs: [
        { delay: 0, priority: 1, queueReference: { channel: "VOICE", queueArn: this.queue.attrQueueArn } },
      ],
    });
  }

  /** Recorded prompts (Polly has no Indonesian voice), uploaded as assets. */
  private createPrompts(promptSet: PromptSet): Map<PromptName, connect.CfnPrompt> {
    const prompts = new Map<PromptName, connect.CfnPrompt>();
    for (const name of PROMPT_NAMES) {
      const audio = new s3assets.Asset(this, `PromptAudio-${name}`, { path: promptSet.prompts[name].file });
      prompts.set(
        name,
        new connect.CfnPrompt(this, `Prompt-${name}`, {
          instanceArn: this.instanceArn,
          name: this.names.prompt(promptSet.name, name),
          description: promptSet.prompts[name].transcript.slice(0, 250),
          s3Uri: audio.s3ObjectUrl,
        }),
      );
    }
    return prompts;
  }

  /** One function per Connect-Region entry of the manifest; they write across to the data Region. */
  private createFunctions(bundles: FunctionBundles): Map<string, WiredFunction> {
    const arns = dataArns(this.tenant);
    // The tenant key lives in the data Region: granted by its alias, never by a token.
    const key: GrantTarget = {
      arns: [arns.keyArnPattern],
      conditions: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": this.names.keyAlias } },
      wildcardReason:
        "The tenant key lives in the data Region with a random id: granted only where its alias is this tenant's (kms:ResourceAliases)",
    };
    const resources: Partial<Record<ResourceKind, GrantTarget>> = {
      table: {
        arns: [arns.incidentTable, arns.incidentTableIndexes],
        wildcardReason: "Queries the indexes of this tenant's own incident table (in the data Region) only",
      },
      "table-items": { arns: [arns.incidentTable] },
      key,
    };
    const environment: Partial<Record<EnvName, string>> = {
      [ENV.tenantFile]: TENANT_CONFIG_FILE,
      [ENV.tableName]: this.names.incidentTable,
      [ENV.tableRegion]: this.tenant.dataRegion,
    };
    const functions = new Map<string, WiredFunction>();
    for (const spec of wiredFunctions("connect")) {
      const bundleDir = bundles.dirs.get(spec.name);
      // Only stack tests leave functions out; the app refuses a manifest entry without a handler.
      if (!bundleDir) continue;
      const fn = new WiredFunction(this, pascal(spec.name), {
        spec,
        functionName: this.names.functionName(spec.name),
        bundleDir,
        environment: { ...environment, [ENV.serviceName]: `siaga112-${spec.name}` },
        resources,
        logKey: this.key.key,
        owner: `tenant ${this.tenant.code} (${this.tenant.file})`,
        tenantConfig: this.tenantConfig().layer,
      });
      this.monitoring.watchFunction(spec.name, fn.function);
      functions.set(spec.name, fn);
    }
    return functions;
  }

  private functionWith(kind: FunctionTrigger["kind"]): WiredFunction | undefined {
    const spec = wiredFunctions("connect").find((f) => f.wiring.trigger.kind === kind);
    return spec && this.functions.get(spec.name);
  }

  /** Flow functions: associated with the instance and invocable by Connect from it only. */
  private associateFlowFunctions(): connect.CfnIntegrationAssociation[] {
    const integrations: connect.CfnIntegrationAssociation[] = [];
    for (const [name, fn] of this.functions) {
      if (specOf(name).wiring.trigger.kind !== "connect-flow") continue;
      integrations.push(
        new connect.CfnIntegrationAssociation(this, `${pascal(name)}Integration`, {
          instanceId: this.instanceArn,
          integrationType: "LAMBDA_FUNCTION",
          integrationArn: fn.function.functionArn,
        }),
      );
      fn.function.addPermission("InvokedByConnect", {
        principal: new iam.ServicePrincipal("connect.amazonaws.com"),
        sourceArn: this.instanceArn,
        sourceAccount: this.account,
      });
    }
    return integrations;
  }

  /** One rule on this tenant's queue only: other tenants of the hub share the instance, never the queue. */
  private wireContactEvents(): void {
    const listeners = [...this.functions].flatMap(([name, fn]) => {
      const trigger = specOf(name).wiring.trigger;
      return trigger.kind === "connect-contact-events" ? [{ fn, trigger }] : [];
    });
    if (listeners.length === 0) return;
    const [{ trigger }] = listeners as [(typeof listeners)[number]];
    new events.Rule(this, "QueueContactEvents", {
      ruleName: this.names.contactEventRule,
      description: `Answers and abandons in the 112 queue of ${this.tenant.name} (${this.tenant.code})`,
      eventPattern: {
        source: [trigger.source],
        detailType: [trigger.detailType],
        detail: {
          eventType: [...new Set(listeners.flatMap((l) => l.trigger.eventTypes))],
          instanceArn: [this.instanceArn],
          queueInfo: { queueArn: [this.queue.attrQueueArn] },
        },
      },
      targets: listeners.map(
        (l) => new targets.LambdaFunction(l.fn.function, { retryAttempts: l.trigger.retryAttempts }),
      ),
    });
  }

  private createFlows(): { customerQueue: connect.CfnContactFlow; inbound: connect.CfnContactFlow } {
    const flowFunction = wiredFunctions("connect").find((f) => f.wiring.trigger.kind === "connect-flow");
    // Stack tests may leave the intake out (the app refuses that): the flow then names it by ARN.
    const intakeFunctionArn =
      this.intake?.function.functionArn ??
      `arn:${this.partition}:lambda:${this.region}:${this.account}:function:${this.names.functionName(flowFunction?.name ?? "intake")}`;
    const prompts = Object.fromEntries(
      PROMPT_NAMES.map((p) => [p, this.prompts.get(p)!.attrPromptArn]),
    ) as Record<PromptName, string>;
    const queueRefs = { queueArn: this.queue.attrQueueArn, intakeFunctionArn, prompts };
    const customerQueue = new connect.CfnContactFlow(this, "CustomerQueueFlow", {
      instanceArn: this.instanceArn,
      name: this.names.customerQueueFlow,
      type: "CUSTOMER_QUEUE",
      description: `Nada tunggu antrean 112 ${this.tenant.name}`,
      content: this.toJsonString(buildCustomerQueueFlow(this.tenant, queueRefs)),
    });
    const inbound = new connect.CfnContactFlow(this, "InboundFlow", {
      instanceArn: this.instanceArn,
      name: this.names.inboundFlow,
      type: "CONTACT_FLOW",
      description: `Alur panggilan masuk 112 ${this.tenant.name}`,
      content: this.toJsonString(
        buildInboundFlow(this.tenant, {
          ...queueRefs,
          customerQueueFlowArn: customerQueue.attrContactFlowArn,
        }),
      ),
    });
    return { customerQueue, inbound };
  }
}

/** The synth fails when a flow could leave a caller without a human (flows/verify.ts). */
function verifyFlowsOrFail(tenant: Tenant, promptSet: PromptSet): void {
  const report = verifyTenantFlows(tenant, promptSet);
  if (report.problems.length > 0) {
    throw new Error(
      `${tenant.file}: the contact flows of ${tenant.code} fail verification:\n` +
        report.problems.map((p) => `  - ${formatFlowProblem(p)}`).join("\n"),
    );
  }
}

function specOf(name: string): WiredSpec {
  return wiredFunctions("connect").find((f) => f.name === name)!;
}

/** Construct id of a function: `call-answer` -> `CallAnswer`. */
function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());
}
