/**
 * One tenant's call stack in its hub's Connect Region (`siaga112-<id>-call`): queue, staffed hours,
 * routing profile, recorded prompts, flows, the 112 number, the intake function and the call-answer
 * function (fed by the queue's Connect contact events). Both write to the data Region; nothing here
 * stores caller data at rest.
 */
import { Duration, Stack, type StackProps } from "aws-cdk-lib";
import * as connect from "aws-cdk-lib/aws-connect";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3assets from "aws-cdk-lib/aws-s3-assets";
import * as sns from "aws-cdk-lib/aws-sns";
import type { Construct } from "constructs";
import type { Tenant } from "../../domain/tenant";
import { toRuntimeConfig } from "../../domain/tenant-runtime";
import {
  CONTACT_EVENT_DETAIL_TYPE,
  CONTACT_EVENT_SOURCE,
  CONTACT_EVENT_TYPES,
} from "../../lambdas/call-answer/contact-event";
import { FUNCTIONS, type FunctionSpec } from "../../lambdas/manifest";
import { ENV } from "../../lambdas/shared/environment";
import { PROMPT_NAMES, type PromptName, type PromptSet } from "../flows/prompt-set";
import { buildCustomerQueueFlow, buildInboundFlow, verifyTenantFlows } from "../flows/tenant-flows";
import { formatFlowProblem } from "../flows/verify";
import type { FunctionBundles } from "../function-bundles";
import { dataArns, stackNames, tenantNames } from "../naming";
import { OperationsMonitoring } from "../operations-monitoring";
import { hoursOfOperationConfig } from "../staffed-hours";
import { TenantKey } from "../tenant-key";
import { TenantPhoneNumber } from "../tenant-phone-number";
import { WiredFunction } from "../wired-function";
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
  readonly queue: connect.CfnQueue;
  readonly hours: connect.CfnHoursOfOperation;
  readonly routingProfile: connect.CfnRoutingProfile;
  readonly prompts: ReadonlyMap<PromptName, connect.CfnPrompt>;
  readonly inboundFlow: connect.CfnContactFlow;
  readonly customerQueueFlow: connect.CfnContactFlow;
  readonly intake?: WiredFunction;
  /** Records answer time and abandons from the queue's contact events (EventBridge rule). */
  readonly callAnswer?: WiredFunction;
  readonly phoneNumber?: TenantPhoneNumber;
  readonly operationsTopic: sns.Topic;

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
    const report = verifyTenantFlows(tenant, props.promptSet);
    if (report.problems.length > 0) {
      throw new Error(
        `${tenant.file}: the contact flows of ${tenant.code} fail verification:\n` +
          report.problems.map((p) => `  - ${formatFlowProblem(p)}`).join("\n"),
      );
    }
    const names = tenantNames(tenant);
    const instanceArn = hub.connect.instance.attrArn;
    const instanceId = hub.connect.instance.attrId;

    const key = new TenantKey(this, "Key", {
      alias: names.callKeyAlias,
      tenantCode: tenant.code,
      purpose: "intake logs and the call operations topic (no caller data)",
      logGroupPrefixes: [`/aws/lambda/${names.prefix}-`],
    }).key;
    this.operationsTopic = new sns.Topic(this, "Operations", {
      topicName: `${names.operationsTopic}-call`,
      displayName: `siaga112 ${tenant.code} call operations`,
      masterKey: key,
      enforceSSL: true,
    });
    const monitoring = new OperationsMonitoring(this, "Monitoring", {
      operationsTopic: this.operationsTopic,
      alarmPrefix: `${names.prefix}-call`,
    });

    this.hours = new connect.CfnHoursOfOperation(this, "StaffedHours", {
      instanceArn,
      name: names.hours,
      description: `Jam layanan 112 ${tenant.name} (${tenant.zone.name})`,
      timeZone: tenant.zone.iana,
      config: hoursOfOperationConfig(tenant.callHandling.staffedHours),
    });
    this.queue = new connect.CfnQueue(this, "Queue", {
      instanceArn,
      name: names.queue,
      description: `Antrean 112 ${tenant.name}`,
      hoursOfOperationArn: this.hours.attrHoursOfOperationArn,
    });
    this.routingProfile = new connect.CfnRoutingProfile(this, "RoutingProfile", {
      instanceArn,
      name: names.routingProfile,
      description: `Penerima panggilan 112 ${tenant.name}`,
      defaultOutboundQueueArn: this.queue.attrQueueArn,
      mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
      queueConfigs: [
        { delay: 0, priority: 1, queueReference: { channel: "VOICE", queueArn: this.queue.attrQueueArn } },
      ],
    });

    const prompts = new Map<PromptName, connect.CfnPrompt>();
    for (const name of PROMPT_NAMES) {
      const audio = new s3assets.Asset(this, `PromptAudio-${name}`, {
        path: props.promptSet.prompts[name].file,
      });
      prompts.set(
        name,
        new connect.CfnPrompt(this, `Prompt-${name}`, {
          instanceArn,
          name: `${names.prefix}-${props.promptSet.name}-${name}`,
          description: props.promptSet.prompts[name].transcript.slice(0, 250),
          s3Uri: audio.s3ObjectUrl,
        }),
      );
    }
    this.prompts = prompts;
    const promptArns = Object.fromEntries(
      PROMPT_NAMES.map((p) => [p, prompts.get(p)!.attrPromptArn]),
    ) as Record<PromptName, string>;

    const intakeSpec = FUNCTIONS.find((f) => f.name === "intake") as FunctionSpec;
    const intakeBundle = props.bundles.dirs.get("intake");
    const intakeName = names.functionName("intake");
    let integration: connect.CfnIntegrationAssociation | undefined;
    if (intakeBundle) {
      const arns = dataArns(tenant);
      this.intake = new WiredFunction(this, "Intake", {
        spec: intakeSpec,
        functionName: intakeName,
        bundleDir: intakeBundle,
        environment: {
          [ENV.tenant]: JSON.stringify(toRuntimeConfig(tenant)),
          [ENV.tableName]: names.incidentTable,
          [ENV.tableRegion]: tenant.dataRegion,
          [ENV.serviceName]: "siaga112-intake",
        },
        resources: {
          table: {
            arns: [arns.incidentTable, arns.incidentTableIndexes],
            wildcardReason:
              "Queries the indexes of this tenant's own incident table (in the data Region) only",
          },
          // The tenant key lives in the data Region: granted by its alias, never by a token.
          key: {
            arns: [arns.keyArnPattern],
            conditions: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": names.keyAlias } },
            wildcardReason:
              "The tenant key lives in the data Region with a random id: granted only where its alias is this tenant's (kms:ResourceAliases)",
          },
        },
        logKey: key,
        // A quiet kabupaten meets a cold function on most calls: more memory is more CPU for the
        // cold start, inside the flow's few seconds for the intake.
        memorySize: 512,
        timeout: Duration.seconds(8),
      });
      monitoring.watchFunction("intake", this.intake.function);
      integration = new connect.CfnIntegrationAssociation(this, "IntakeIntegration", {
        instanceId: instanceArn,
        integrationType: "LAMBDA_FUNCTION",
        integrationArn: this.intake.function.functionArn,
      });
      this.intake.function.addPermission("InvokedByConnect", {
        principal: new iam.ServicePrincipal("connect.amazonaws.com"),
        sourceArn: instanceArn,
        sourceAccount: this.account,
      });
    }
    const callAnswerBundle = props.bundles.dirs.get("call-answer");
    if (callAnswerBundle) {
      const arns = dataArns(tenant);
      this.callAnswer = new WiredFunction(this, "CallAnswer", {
        spec: FUNCTIONS.find((f) => f.name === "call-answer") as FunctionSpec,
        functionName: names.functionName("call-answer"),
        bundleDir: callAnswerBundle,
        environment: {
          [ENV.tableName]: names.incidentTable,
          [ENV.tableRegion]: tenant.dataRegion,
        },
        resources: {
          table: { arns: [arns.incidentTable] },
          key: {
            arns: [arns.keyArnPattern],
            conditions: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": names.keyAlias } },
            wildcardReason:
              "The tenant key lives in the data Region with a random id: granted only where its alias is this tenant's (kms:ResourceAliases)",
          },
        },
        logKey: key,
      });
      monitoring.watchFunction("call-answer", this.callAnswer.function);
      // Only this tenant's queue: other tenants of the hub share the instance, never the queue.
      new events.Rule(this, "QueueContactEvents", {
        ruleName: `${names.prefix}-call-answer`,
        description: `Answers and abandons in the 112 queue of ${tenant.name} (${tenant.code})`,
        eventPattern: {
          source: [CONTACT_EVENT_SOURCE],
          detailType: [CONTACT_EVENT_DETAIL_TYPE],
          detail: {
            eventType: [...CONTACT_EVENT_TYPES],
            instanceArn: [instanceArn],
            queueInfo: { queueArn: [this.queue.attrQueueArn] },
          },
        },
        targets: [new targets.LambdaFunction(this.callAnswer.function, { retryAttempts: 8 })],
      });
    }

    // Stack tests may leave the intake out (the app refuses that): the flow then names it by ARN.
    const intakeFunctionArn =
      this.intake?.function.functionArn ??
      `arn:${this.partition}:lambda:${this.region}:${this.account}:function:${intakeName}`;

    const queueRefs = { queueArn: this.queue.attrQueueArn, intakeFunctionArn, prompts: promptArns };
    this.customerQueueFlow = new connect.CfnContactFlow(this, "CustomerQueueFlow", {
      instanceArn,
      name: names.customerQueueFlow,
      type: "CUSTOMER_QUEUE",
      description: `Nada tunggu antrean 112 ${tenant.name}`,
      content: this.toJsonString(buildCustomerQueueFlow(tenant, queueRefs)),
    });
    this.inboundFlow = new connect.CfnContactFlow(this, "InboundFlow", {
      instanceArn,
      name: names.inboundFlow,
      type: "CONTACT_FLOW",
      description: `Alur panggilan masuk 112 ${tenant.name}`,
      content: this.toJsonString(
        buildInboundFlow(tenant, {
          ...queueRefs,
          customerQueueFlowArn: this.customerQueueFlow.attrContactFlowArn,
        }),
      ),
    });
    // A flow may only name a Lambda that is associated with the instance.
    if (integration) this.inboundFlow.node.addDependency(integration);

    this.phoneNumber = new TenantPhoneNumber(this, "Number", {
      instanceArn,
      instanceId,
      inboundFlowArn: this.inboundFlow.attrContactFlowArn,
      did: tenant.phone.numberArn ? undefined : tenant.phone.did,
      numberArn: tenant.phone.numberArn,
      tenantCode: tenant.code,
    });

    monitoring.watchConnectQueue("112", { instanceId, queueName: names.queue });
    monitoring.watchContactFlow("inbound", instanceId, `${names.prefix}-inbound`);
  }
}
