/**
 * The call-takers' HTTP API of one tenant: an HTTP API whose every route needs an access token of
 * the tenant's own Cognito user pool and console client (its JWT authorizer names that pool as
 * issuer and that client as audience, so a token of another city is refused), with access logs
 * encrypted by the tenant key and a throttle so one client cannot flood the table. Staff sign in on
 * the pool's hosted pages (lib/hosted-sign-in.ts) and belong to the groups of domain/roles.ts; the
 * API reads them from the token's `cognito:groups` claim. The console site calls it across origins,
 * so the API answers CORS preflights for that origin only
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html).
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
import { ROLE_LABELS_ID, TENANT_ROLES } from "../domain/roles";
import { HostedSignIn } from "./hosted-sign-in";
import { StaffUserPool } from "./staff-user-pool";

export interface CallTakerApiProps {
  /** Name prefix, e.g. `siaga112-71-71`. */
  readonly namePrefix: string;
  readonly handler: lambda.IFunction;
  readonly logKey: kms.IKey;
  /** Prefix of the pool's hosted sign-in domain, e.g. `siaga112-71-71-111111111111`. */
  readonly signInDomainPrefix: string;
  /** The console site's origin (`https://host`): sign-in returns to it and it may call the API. */
  readonly consoleOrigin: string;
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
  readonly signIn: HostedSignIn;

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
    this.signIn = new HostedSignIn(this, "SignIn", {
      userPool: this.userPool,
      domainPrefix: props.signInDomainPrefix,
      groups: TENANT_ROLES.map((role) => ({ name: role, description: ROLE_LABELS_ID[role] })),
      siteUrl: `${props.consoleOrigin}/`,
      apiScope: { resourceServer: "siaga112", name: "console", description: "The call-taker console API" },
    });
    this.client = this.signIn.client;

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
      defaultAuthorizationScopes: [this.signIn.apiScope],
      corsPreflight: {
        allowOrigins: [props.consoleOrigin],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        allowHeaders: ["authorization", "content-type"],
        maxAge: Duration.hours(1),
      },
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
