/**
 * The way in to national monitoring: the officers' Cognito pool with its hosted sign-in, the
 * read-only HTTP API (GET `/api/*`, Cognito JWT required) and the dashboard's hosting on the same
 * CloudFront origin. The dashboard finds the sign-in settings in `config.json` beside its files.
 */
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { DashboardHosting } from "./dashboard-hosting";
import { StaffUserPool } from "./staff-user-pool";

/** What the dashboard reads from `config.json` to sign officers in (OAuth code flow with PKCE). */
export interface DashboardSignInConfig {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** Hosted sign-in, e.g. `https://siaga112-national-111111111111.auth.ap-southeast-3.amazoncognito.com`. */
  readonly authDomain: string;
  /** Where sign-in returns to: the dashboard's own address. */
  readonly redirectUri: string;
}

export interface MonitoringFrontDoorProps {
  /** Name prefix, e.g. `siaga112-national`. */
  readonly namePrefix: string;
  /** The read-only monitoring API function. */
  readonly handler: lambda.IFunction;
  readonly logKey: kms.IKey;
  /** The dashboard's static files. @default none deployed (only `config.json`) */
  readonly siteDir?: string;
  /** Steady requests per second for the whole API. @default 20 */
  readonly rateLimit?: number;
}

/**
 * @example
 * new MonitoringFrontDoor(this, "Monitoring", { namePrefix: "siaga112-national", handler, logKey: key, siteDir: "web/dashboard" });
 */
export class MonitoringFrontDoor extends Construct {
  readonly officers: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly api: apigw.HttpApi;
  readonly hosting: DashboardHosting;
  readonly signIn: DashboardSignInConfig;

  constructor(scope: Construct, id: string, props: MonitoringFrontDoorProps) {
    super(scope, id);
    if (!/^[a-z0-9-]{1,40}$/.test(props.namePrefix)) {
      throw new Error(
        `MonitoringFrontDoor props.namePrefix "${props.namePrefix}": expected 1-40 of a-z 0-9 -`,
      );
    }
    const rateLimit = props.rateLimit ?? 20;
    if (!(rateLimit > 0))
      throw new Error(`MonitoringFrontDoor props.rateLimit ${rateLimit}: expected a number above 0`);
    const stack = Stack.of(this);

    this.officers = new StaffUserPool(this, "Officers", {
      userPoolName: `${props.namePrefix}-officers`,
      signInAliases: { email: true },
    });
    const domain = this.officers.addDomain("SignIn", {
      cognitoDomain: { domainPrefix: `${props.namePrefix}-${stack.account}` },
    });

    // The API exists before its routes so that the distribution (origin: the API) and the client
    // (callback: the distribution) can be made without a cycle.
    this.api = new apigw.HttpApi(this, "Api", {
      apiName: `${props.namePrefix}-monitoring-api`,
      createDefaultStage: false,
    });
    this.hosting = new DashboardHosting(this, "Dashboard", { apiId: this.api.apiId });
    const redirectUri = `https://${this.hosting.distribution.distributionDomainName}/`;
    this.client = this.officers.addClient("Dashboard", {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: [redirectUri],
        logoutUrls: [redirectUri],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
    });
    this.api.addRoutes({
      path: "/api/{proxy+}",
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration("MonitoringApi", props.handler),
      authorizer: new HttpUserPoolAuthorizer("Officers", this.officers, { userPoolClients: [this.client] }),
    });
    const accessLogs = new logs.LogGroup(this, "ApiAccessLogs", {
      logGroupName: `/aws/vendedlogs/${props.namePrefix}-monitoring-api`,
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new apigw.HttpStage(this, "ApiStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit, burstLimit: rateLimit * 2 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });

    this.signIn = {
      region: stack.region,
      userPoolId: this.officers.userPoolId,
      userPoolClientId: this.client.userPoolClientId,
      authDomain: domain.baseUrl(),
      redirectUri,
    };
    this.hosting.deploySite(props.siteDir, { "config.json": this.signIn });
  }
}
