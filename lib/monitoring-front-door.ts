/**
 * The way in to national monitoring: the officers' Cognito pool with its hosted sign-in
 * (lib/hosted-sign-in.ts: authorization code with PKCE, returning to the dashboard), the read-only
 * HTTP API (GET `/api/*`, an access token of that pool and client required) and the dashboard's
 * hosting on the same CloudFront origin. The dashboard finds the sign-in settings in `config.json`
 * beside its files, and the shared page code under `shared/`.
 */
import { RemovalPolicy } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as cognito from "aws-cdk-lib/aws-cognito";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { NATIONAL_ROLE, ROLE_LABELS_ID } from "../domain/roles";
import { DashboardHosting } from "./dashboard-hosting";
import { HostedSignIn, type SignInSettings } from "./hosted-sign-in";
import { StaffUserPool } from "./staff-user-pool";

export interface MonitoringFrontDoorProps {
  /** Name prefix, e.g. `siaga112-national`. */
  readonly namePrefix: string;
  /** The read-only monitoring API function. */
  readonly handler: lambda.IFunction;
  readonly logKey: kms.IKey;
  /** Prefix of the officers' hosted sign-in domain, e.g. `siaga112-national-111111111111`. */
  readonly signInDomainPrefix: string;
  /** The dashboard's static files. @default none deployed (only `config.json`) */
  readonly siteDir?: string;
  /** The page code every site shares (`web/shared`), served under `shared/`. @default none deployed */
  readonly sharedDir?: string;
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
  readonly signIn: HostedSignIn;

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

    this.officers = new StaffUserPool(this, "Officers", {
      userPoolName: `${props.namePrefix}-officers`,
      signInAliases: { email: true },
    });

    // The API exists before its routes so that the distribution (origin: the API) and the client
    // (callback: the distribution) can be made without a cycle.
    this.api = new apigw.HttpApi(this, "Api", {
      apiName: `${props.namePrefix}-monitoring-api`,
      createDefaultStage: false,
    });
    this.hosting = new DashboardHosting(this, "Dashboard", { apiId: this.api.apiId });
    this.signIn = new HostedSignIn(this, "SignIn", {
      userPool: this.officers,
      domainPrefix: props.signInDomainPrefix,
      groups: [{ name: NATIONAL_ROLE, description: ROLE_LABELS_ID[NATIONAL_ROLE] }],
      siteUrl: `https://${this.hosting.distribution.distributionDomainName}/`,
      apiScope: {
        resourceServer: "siaga112",
        name: "monitoring",
        description: "The national monitoring API",
      },
    });
    this.client = this.signIn.client;
    this.api.addRoutes({
      path: "/api/{proxy+}",
      methods: [apigw.HttpMethod.GET],
      integration: new HttpLambdaIntegration("MonitoringApi", props.handler),
      authorizer: new HttpUserPoolAuthorizer("Officers", this.officers, { userPoolClients: [this.client] }),
      authorizationScopes: [this.signIn.apiScope],
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

    const settings: SignInSettings = this.signIn.settings;
    this.hosting.deploySite(
      props.siteDir,
      { "config.json": settings },
      { files: props.sharedDir ? { "shared/": props.sharedDir } : {} },
    );
  }
}
