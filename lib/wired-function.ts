/**
 * A function as `lambdas/manifest.ts` describes it: its environment and its grants resolved against
 * what the stack provides. A manifest entry that asks for something the stack does not provide
 * fails the synth, naming the function and the missing piece.
 */
import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import type { FunctionSpec, ResourceKind } from "../lambdas/manifest";
import { ENV, type EnvName } from "../lambdas/shared/environment";
import { checkEnvironmentSize } from "./deploy-limits";
import { acknowledgeWildcards } from "./nag-acknowledgements";
import { SiagaFunction } from "./siaga-function";

/** Where a grant on one kind of resource points. */
export interface GrantTarget {
  /** The resources the actions are allowed on. */
  readonly arns: readonly string[];
  /**
   * When set (and `arns` empty), the actions are allowed on everything except these (IAM
   * `NotResource`): for an action whose target has no ARN (SNS Publish to a phone number), which
   * can still be kept off every resource that has one. Requires `wildcardReason`.
   */
  readonly exceptArns?: readonly string[];
  /** IAM conditions added to the statement, e.g. `kms:ResourceAliases` or `events:source`. */
  readonly conditions?: Record<string, Record<string, unknown>>;
  /** Why an ARN with `*` cannot be narrower (acknowledges cdk-nag IAM5). Required when an ARN has `*`. */
  readonly wildcardReason?: string;
}

export interface WiredFunctionProps {
  readonly spec: FunctionSpec;
  /** Physical function name. */
  readonly functionName: string;
  readonly bundleDir: string;
  /** Values of the environment variables this stack can give. */
  readonly environment: Readonly<Partial<Record<EnvName, string>>>;
  /** The resources this stack can grant on. */
  readonly resources: Readonly<Partial<Record<ResourceKind, GrantTarget>>>;
  /** Who the function belongs to, for limit errors, e.g. `tenant 71.71 (tenants/71.71-kota-manado.yaml)`. @default the function name */
  readonly owner?: string;
  /** The layer holding the tenant's configuration, for functions that read `SIAGA112_TENANT_FILE`. */
  readonly tenantConfig?: lambda.ILayerVersion;
  /** @default AWS-owned key */
  readonly logKey?: kms.IKey;
  /** @default three months */
  readonly logRetention?: logs.RetentionDays;
  /** @default the manifest's `memorySize`, else 256 */
  readonly memorySize?: number;
  /** @default the manifest's `timeoutSeconds`, else 10 seconds */
  readonly timeout?: Duration;
}

/**
 * @example
 * new WiredFunction(this, "Ack", { spec, functionName: "siaga112-71-71-ack", bundleDir, environment, resources });
 */
export class WiredFunction extends SiagaFunction {
  constructor(scope: Construct, id: string, props: WiredFunctionProps) {
    const wiring = props.spec.wiring;
    const environment: Record<string, string> = {};
    for (const name of wiring?.env ?? []) {
      const value = props.environment[name];
      if (value === undefined) {
        throw new Error(
          `lambdas/manifest.ts: function "${props.spec.name}" reads ${name}, which the stack does not provide ` +
            `(provided: ${Object.keys(props.environment).join(", ") || "none"})`,
        );
      }
      environment[name] = value;
    }
    checkEnvironmentSize(props.functionName, environment, props.owner ?? props.functionName);
    const readsConfigFile = (wiring?.env ?? []).includes(ENV.tenantFile);
    if (readsConfigFile && !props.tenantConfig) {
      throw new Error(
        `lambdas/manifest.ts: function "${props.spec.name}" reads ${ENV.tenantFile}, but the stack gives no tenantConfig layer`,
      );
    }
    super(scope, id, {
      layers: readsConfigFile && props.tenantConfig ? [props.tenantConfig] : undefined,
      functionName: props.functionName,
      bundleDir: props.bundleDir,
      description: props.spec.description,
      environment,
      logKey: props.logKey,
      logRetention: props.logRetention,
      memorySize: props.memorySize ?? wiring?.memorySize,
      timeout:
        props.timeout ??
        (wiring?.timeoutSeconds === undefined ? undefined : Duration.seconds(wiring.timeoutSeconds)),
      reservedConcurrentExecutions: wiring?.reservedConcurrency,
    });
    for (const grant of wiring?.grants ?? []) {
      const target = props.resources[grant.resource];
      if (!target) {
        throw new Error(
          `lambdas/manifest.ts: function "${props.spec.name}" needs ${grant.actions.join(", ")} on ${grant.resource}, ` +
            `which the stack does not provide (provided: ${Object.keys(props.resources).join(", ") || "none"})`,
        );
      }
      if (target.exceptArns) {
        if (target.arns.length > 0 || !target.wildcardReason) {
          throw new Error(
            `${grant.resource} grant of "${props.spec.name}": exceptArns needs empty arns and a wildcardReason`,
          );
        }
        this.role.addToPolicy(
          new iam.PolicyStatement({
            actions: [...grant.actions],
            notResources: [...target.exceptArns],
            conditions: target.conditions,
          }),
        );
        acknowledgeWildcards(this.role, { resources: ["*"] }, target.wildcardReason);
        continue;
      }
      this.role.addToPolicy(
        new iam.PolicyStatement({
          actions: [...grant.actions],
          resources: [...target.arns],
          conditions: target.conditions,
        }),
      );
      const wildcards = target.arns.filter((arn) => arn.includes("*"));
      if (wildcards.length > 0) {
        if (!target.wildcardReason) {
          throw new Error(
            `${grant.resource} grant of "${props.spec.name}": ${wildcards[0]} has a wildcard and no wildcardReason`,
          );
        }
        acknowledgeWildcards(this.role, { resources: wildcards }, target.wildcardReason);
      }
    }
  }
}
