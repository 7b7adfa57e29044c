/**
 * The call-takers' HTTP API of one tenant: an HTTP API whose every route needs a token from the
 * tenant's own Cognito user pool (call-takers and supervisors of that kab/kota only), with access
 * logs encrypted by the tenant key and a throttle so one client cannot flood the table.
 */
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as cognito from "aws-cdk-lib/aws-cognito";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { StaffUserPool } from "./staff-user-pool";

export interface CallTakerApiProps {
  /** Name prefix, e.g. `siaga112-71-71`. */
  readonly namePrefix: string;
  readonly handler: lambda.IFunction;
  readonly logKey: kms.IKey;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /** Steady requests per second for the whole API. @default 50 */
  readonly rateLimit?: number;
}

/**
 * @example
 * new CallTakerApi(this, "CallTakerApi", { namePrefix: "siaga112-71-71", handler: fn, logKey: key });
 */
export class CallTakerApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: CallTakerApiProps) {
    super(scope, id);
    const rateLimit = props.rateLimit ?? 50;
    if (!(rateLimit > 0))
      throw new Error(`CallTakerApi props.rateLimit ${rateLimit}: expected a number above 0`);

    this.userPool = new StaffUserPool(this, "CallTakers", {
      userPoolName: `${props.namePrefix}-call-takers`,
      signInAliases: { username: true, email: true },
      tempPasswordValidity: Duration.days(3),
    });
    this.client = this.userPool.addClient("Console", {
      authFlows: { userSrp: true },
      generateSecret: false,
      accessTokenValidity: Duration.hours(12),
      idTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
    });

    const accessLogs = new logs.LogGroup(this, "AccessLogs", {
      logGroupName: `/aws/vendedlogs/${props.namePrefix}-call-taker-api`,
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new apigw.HttpApi(this, "Api", {
      apiName: `${props.namePrefix}-call-taker-api`,
      createDefaultStage: false,
      defaultAuthorizer: new HttpUserPoolAuthorizer("CallTakers", this.userPool, {
        userPoolClients: [this.client],
      }),
      defaultIntegration: new HttpLambdaIntegration("CallTakerApi", props.handler),
    });
    new apigw.HttpStage(this, "Stage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit, burstLimit: rateLimit * 2 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });
  }
}
