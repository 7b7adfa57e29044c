/**
 * Builds the deps of the sending functions (relay, reescalate) from the environment, with the
 * AWS adapters. Called once per cold start.
 */
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SNSClient } from "@aws-sdk/client-sns";
import { snsAlertPublisher } from "./aws-alert-publisher";
import { eventBridgePublisher } from "./aws-event-publisher";
import { secretsManagerSigningSecret } from "./aws-signing-secret";
import { eventBridgeStepScheduler } from "./aws-step-scheduler";
import { ENV } from "./environment";
import type { SenderDeps } from "./ports";
import { type Observability, observability } from "./powertools";
import { readRuntimeConfig } from "./runtime-config";
import { documentClient, requireEnv } from "./table-client";

/**
 * @example
 * const { deps, middlewares } = senderDepsFromEnv("escalation-relay");
 */
export function senderDepsFromEnv(service: string): {
  deps: SenderDeps;
  middlewares: Observability["middlewares"];
} {
  const tenant = readRuntimeConfig(process.env);
  const { log, metrics, middlewares } = observability(service, tenant.code);
  const deps: SenderDeps = {
    tenant,
    db: documentClient(),
    tableName: requireEnv(ENV.tableName),
    clock: Date,
    log,
    metrics,
    alerts: snsAlertPublisher(new SNSClient({}), requireEnv(ENV.agencyTopicArnPrefix)),
    scheduler: eventBridgeStepScheduler(new SchedulerClient({}), {
      groupName: requireEnv(ENV.scheduleGroup),
      targetArn: requireEnv(ENV.scheduleTargetArn),
      roleArn: requireEnv(ENV.scheduleRoleArn),
    }),
    events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(ENV.eventBus)),
    secret: secretsManagerSigningSecret(new SecretsManagerClient({}), requireEnv(ENV.ackSecretArn), Date),
    ackBaseUrl: requireEnv(ENV.ackBaseUrl),
  };
  return { deps, middlewares };
}
