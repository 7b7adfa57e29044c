/**
 * A tenant's settings file on the shared console site: `config/<code>.json` in the site's bucket,
 * written by the tenant's own data stack (an S3 PutObject at deploy, DeleteObject when the stack is
 * removed), so onboarding a city touches no other stack. The writer may put and delete that one key
 * and nothing else. The page reads everything it needs from it: the tenant's pool, app client,
 * hosted sign-in, the tenant with its agencies and the labels, the API and the Connect instance.
 */
import { Stack, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as cr from "aws-cdk-lib/custom-resources";
import { Construct } from "constructs";
import type { ConsolePageSettings } from "../domain/console-settings";
import type { SignInSettings } from "./hosted-sign-in";

/** Construct id of aws-cdk-lib's AwsCustomResource provider function (one per stack). */
const PROVIDER_ID = `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, "")}`;

/**
 * What the console page reads from `/config/<code>.json`: where to sign in, the tenant with the
 * labels and role acts (domain/console-settings.ts `consolePageSettings`, the builder the local
 * centre's `GET /local/tenants` uses too), the API and the phone panel.
 */
export interface ConsoleSettings extends SignInSettings, ConsolePageSettings {
  /** Base URL of the tenant's call-taker API (no trailing `/`): the page calls `${apiUrl}/incidents`. */
  readonly apiUrl: string;
  /** The phone panel: the hub's Amazon Connect contact control panel, embedded with amazon-connect-streams. */
  readonly phonePanel: { readonly kind: "streams"; readonly ccpUrl: string; readonly region: string };
}

export interface TenantConsoleSettingsProps {
  /** The console site's bucket (a deterministic name: the bucket lives in the console stack). */
  readonly bucketName: string;
  /** `config/<code>.json` (domain/naming.ts). */
  readonly key: string;
  readonly settings: ConsoleSettings;
}

/**
 * @example
 * new TenantConsoleSettings(this, "ConsoleSettings", { bucketName, key: names.consoleConfig, settings });
 */
export class TenantConsoleSettings extends Construct {
  readonly writer: cr.AwsCustomResource;

  constructor(scope: Construct, id: string, props: TenantConsoleSettingsProps) {
    super(scope, id);
    if (!/^config\/[0-9.]+\.json$/.test(props.key)) {
      throw new Error(`TenantConsoleSettings props.key "${props.key}": expected config/<tenant code>.json`);
    }
    const objectArn = `arn:${Stack.of(this).partition}:s3:::${props.bucketName}/${props.key}`;
    const put: cr.AwsSdkCall = {
      service: "S3",
      action: "PutObject",
      parameters: {
        Bucket: props.bucketName,
        Key: props.key,
        Body: Stack.of(this).toJsonString(props.settings),
        ContentType: "application/json",
        // A redeploy (a new API, a new client) must reach open consoles at their next load.
        CacheControl: "no-cache",
      },
      physicalResourceId: cr.PhysicalResourceId.of(props.key),
    };
    this.writer = new cr.AwsCustomResource(this, "Writer", {
      resourceType: "Custom::ConsoleSettings",
      onCreate: put,
      onUpdate: put,
      onDelete: {
        service: "S3",
        action: "DeleteObject",
        parameters: { Bucket: props.bucketName, Key: props.key },
      },
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({
          actions: ["s3:PutObject", "s3:DeleteObject"],
          resources: [objectArn],
        }),
      ]),
      installLatestAwsSdk: false,
    });
    // The provider function is an aws-cdk-lib singleton of the stack: acknowledge its finding on it.
    const provider = Stack.of(this).node.tryFindChild(PROVIDER_ID);
    if (provider) {
      Validations.of(provider).acknowledge({
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        reason:
          "The AwsCustomResource provider (aws-cdk-lib) uses the basic execution role only for its own logs; its S3 rights name one object",
      });
    }
  }
}
