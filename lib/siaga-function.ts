/**
 * One siaga112 Lambda function: the shared bundle of its handler, a physical name built from the
 * tenant, its own log group (retention, optional key) and a role that can write only to it.
 */
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";

/** The runtime every siaga112 function runs on. */
export const FUNCTION_RUNTIME: lambda.Runtime =
  (lambda.Runtime as unknown as Record<string, lambda.Runtime | undefined>).NODEJS_24_X ??
  new lambda.Runtime("nodejs24.x", lambda.RuntimeFamily.NODEJS);

export interface SiagaFunctionProps {
  /** Physical function name, e.g. `siaga112-71-71-intake`. */
  readonly functionName: string;
  /** Folder of the bundle (`index.mjs`), shared by every stack that deploys this function. */
  readonly bundleDir: string;
  readonly description: string;
  /** @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Key for the log group; omit only where no tenant key exists in the Region. @default AWS-owned key */
  readonly logKey?: kms.IKey;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** @default 256 */
  readonly memorySize?: number;
  /** Layers extracted to /opt (the tenant's configuration, lib/tenant-config-layer.ts). @default none */
  readonly layers?: readonly lambda.ILayerVersion[];
  /** Cap on concurrent executions, so one tenant's surge cannot starve the others. @default no cap */
  readonly reservedConcurrentExecutions?: number;
}

const DEFAULTS = {
  environment: {},
  logRetention: logs.RetentionDays.THREE_MONTHS,
  timeout: Duration.seconds(10),
  memorySize: 256,
} satisfies Partial<SiagaFunctionProps>;

/**
 * @example
 * new SiagaFunction(this, "Intake", { functionName: "siaga112-71-71-intake", bundleDir, description: "..." });
 */
export class SiagaFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SiagaFunctionProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9-_]{1,64}$/.test(props.functionName)) {
      throw new Error(
        `SiagaFunction props.functionName "${props.functionName}": expected 1-64 letters, digits, "-" or "_"`,
      );
    }
    if (!props.bundleDir)
      throw new Error(`SiagaFunction props.bundleDir "${props.bundleDir}": expected a folder`);
    const merged = { ...DEFAULTS, ...props };

    this.logGroup = new logs.LogGroup(this, "Logs", {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: merged.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Runs ${props.functionName}`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${this.logGroup.logGroupArn}`],
      }),
    );
    this.function = new lambda.Function(this, "Function", {
      functionName: props.functionName,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      handler: "index.handler",
      code: lambda.Code.fromAsset(props.bundleDir),
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...merged.environment },
      layers: props.layers ? [...props.layers] : undefined,
      timeout: merged.timeout,
      memorySize: merged.memorySize,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      loggingFormat: lambda.LoggingFormat.JSON,
    });
  }
}
