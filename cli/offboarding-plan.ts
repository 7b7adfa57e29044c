/**
 * What removing a tenant takes: which stacks to destroy and where, and what stays behind (DeletionPolicy
 * Retain in lib/) for how long. Pure: names come from domain/naming.ts and the function list from
 * lambdas/manifest.ts; test/cli/offboarding-plan.test.ts holds this list against the synthesized
 * templates, so a new retained resource cannot go unmentioned.
 */
import { stackNames, tenantNames } from "../domain/naming";
import type { Tenant } from "../domain/tenant";
import { FUNCTIONS } from "../lambdas/manifest";

/** Sources the plan prints, so an engineer can check each claim. */
export const OFFBOARDING_SOURCES = {
  retain: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html",
  tableProtection:
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection",
  keyDeletion: "https://docs.aws.amazon.com/kms/latest/cryptographic-details/key-deletion.html",
  secretDeletion: "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html",
  numberRelease: "https://docs.aws.amazon.com/connect/latest/adminguide/release-phone-number.html",
} as const;

export interface StackToDestroy {
  readonly name: string;
  readonly region: string;
  readonly what: string;
}

export interface RetainedResource {
  /** CloudFormation type, e.g. `AWS::DynamoDB::Table`. */
  readonly type: string;
  /** Physical name (or name prefix) to find it by after the stack is gone. */
  readonly name: string;
  readonly region: string;
  /** How long it stays and how it goes, in a sentence. */
  readonly kept: string;
}

export interface OffboardingPlan {
  /** In the order to destroy them. */
  readonly stacks: readonly StackToDestroy[];
  readonly retained: readonly RetainedResource[];
}

/** Days KMS waits after a key's deletion is scheduled: 7 to 30, and lib/tenant-key.ts sets 30. */
export const KEY_WAITING_DAYS = 30;
/** Days Secrets Manager keeps a deleted secret restorable by default (7 to 30). */
export const SECRET_RECOVERY_DAYS = 30;
/** Log retention of every function (lib/siaga-function.ts) and of the call-taker API's access log (lib/calltaker-api.ts). */
export const LOG_RETENTION_DAYS = { functions: 731, callTakerApiAccess: 365 } as const;

/**
 * The stacks of a tenant, call stack first, and what outlives them.
 *
 * @example
 * offboardingPlan(bitung).stacks.map((s) => s.name) // ["siaga112-71-72-call", "siaga112-71-72-data"]
 */
export function offboardingPlan(tenant: Tenant): OffboardingPlan {
  const names = tenantNames(tenant);
  const data = tenant.dataRegion;
  const connect = tenant.hub.connectRegion;
  const logGroups = (home: "data" | "connect", region: string): RetainedResource[] =>
    FUNCTIONS.filter((f) => f.home === home).map((f) => ({
      type: "AWS::Logs::LogGroup",
      name: `/aws/lambda/${names.functionName(f.name)}`,
      region,
      kept: `log events expire after ${LOG_RETENTION_DAYS.functions} days; delete the group when no longer needed`,
    }));
  return {
    stacks: [
      {
        name: stackNames.call(tenant),
        region: connect,
        what: `queue, hours, prompts, flows and intake in hub ${tenant.hub.id}`,
      },
      {
        name: stackNames.data(tenant),
        region: data,
        what: "incidents, agency topics, escalation, call-taker API",
      },
    ],
    retained: [
      {
        type: "AWS::DynamoDB::Table",
        name: names.incidentTable,
        region: data,
        kept: `kept with deletion protection on until someone turns it off and deletes the table under the retention rules; items with an expiry (expiresAt) keep expiring by the table's TTL (${OFFBOARDING_SOURCES.tableProtection})`,
      },
      {
        type: "AWS::KMS::Key",
        name: `siaga112 ${tenant.code}: ... (its alias ${names.keyAlias} goes with the stack)`,
        region: data,
        kept: `kept: the table and the secret are encrypted with it, so delete it last; scheduled deletion waits ${KEY_WAITING_DAYS} days (7 to 30) and can be cancelled meanwhile (${OFFBOARDING_SOURCES.keyDeletion})`,
      },
      {
        type: "AWS::SecretsManager::Secret",
        name: names.signingSecret,
        region: data,
        kept: `kept; acknowledgement links stop working once it is deleted, which is restorable for ${SECRET_RECOVERY_DAYS} days by default (7 to 30) (${OFFBOARDING_SOURCES.secretDeletion})`,
      },
      {
        type: "AWS::Cognito::UserPool",
        name: `the call-takers' user pool of ${tenant.code}`,
        region: data,
        kept: "kept with deletion protection on, with the call-takers' accounts: deactivate protection and delete it",
      },
      ...logGroups("data", data),
      {
        type: "AWS::Logs::LogGroup",
        name: "the call-taker API's access log (/aws/vendedlogs/...)",
        region: data,
        kept: `log events expire after ${LOG_RETENTION_DAYS.callTakerApiAccess} days`,
      },
      {
        type: "AWS::KMS::Key",
        name: `siaga112 ${tenant.code}: ... (its alias ${names.callKeyAlias} goes with the stack)`,
        region: connect,
        kept: `encrypts the call stack's logs and topic; scheduled deletion waits ${KEY_WAITING_DAYS} days (7 to 30) (${OFFBOARDING_SOURCES.keyDeletion})`,
      },
      ...logGroups("connect", connect),
    ],
  };
}
