/**
 * Builds the deps of the sending functions (relay, reescalate) from the environment, with the
 * AWS adapters. Called once per cold start.
 */
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SNSClient } from "@aws-sdk/client-sns";
import { snsAlertPublisher } from "./aws-alert-publisher";
import { eventBridgePublisher } from "./aws-event-publisher";
import { signingSecretFromEnv } from "./aws-signing-secret";
import { eventBridgeStepScheduler } from "./aws-step-scheduler";
import { ENV } from "./environment";
import type { SenderDeps } from "./ports";
import type { Observability } from "./powertools";
import { requireEnv } from "./table-client";
import { tenantDepsFromEnv } from "./tenant-deps";

/**
 * @example
 * const { deps, middlewares } = senderDepsFromEnv("escalation-relay");
 */
export function senderDepsFromEnv(service: string): {
  deps: SenderDeps;
  middlewares: Observability["middlewares"];
} {
  const { deps: common, middlewares } = tenantDepsFromEnv(service);
  const deps: SenderDeps = {
    ...common,
    alerts: snsAlertPublisher(new SNSClient({}), requireEnv(ENV.agencyTopicArnPrefix)),
    scheduler: eventBridgeStepScheduler(new SchedulerClient({}), {
      groupName: requireEnv(ENV.scheduleGroup),
      targetArn: requireEnv(ENV.scheduleTargetArn),
      roleArn: requireEnv(ENV.scheduleRoleArn),
    }),
    events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(ENV.eventBus)),
    secret: signingSecretFromEnv(),
    ackBaseUrl: requireEnv(ENV.ackBaseUrl),
  };
  return { deps, middlewares };
}
