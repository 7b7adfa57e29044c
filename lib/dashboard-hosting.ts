/**
 * Hosting of a siaga112 site (the national monitoring dashboard, the call-takers' console): a
 * private bucket behind CloudFront (origin access control), optionally an HTTP API under `/api/*`
 * on the same origin so the static files can call the relative `api/`, viewers restricted to
 * Indonesia.
 *
 * Viewer access logs: none at CloudFront (`CLOUDFRONT_ACCESS_LOGS`). Standard logging (legacy)
 * cannot deliver to a bucket in an opt-in Region such as ap-southeast-3: the stack failed with
 * CREATE_FAILED. Standard logging v2 (AWS::Logs::DeliverySource / DeliveryDestination / Delivery)
 * is configured in us-east-1, where a CloudWatch Logs destination would keep viewers' IP addresses
 * in the United States (PP 71/2019 keeps government data in Indonesia); only its S3 destination
 * may be in an opt-in Region, from a stack in us-east-1. What is logged in ap-southeast-3 instead:
 * the API's access logs (API Gateway stage, `/aws/vendedlogs/...-monitoring-api`) and the site
 * bucket's server access logs. See docs/deploy.md, "Dashboard access logs", and
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html,
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Aws, Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { acknowledgeWildcards } from "./nag-acknowledgements";

/** Where CloudFront's viewer access logs go: nowhere (see the file comment). */
export const CLOUDFRONT_ACCESS_LOGS = "none" as const;

export interface DashboardHostingProps {
  /** Id of the HTTP API serving `/api/*` (in this stack's Region). @default no API behind the site */
  readonly apiId?: string;
  /** What the distribution serves. @default "siaga112 national monitoring dashboard" */
  readonly comment?: string;
  /** Physical name of the site bucket, when other stacks must find it. @default generated */
  readonly bucketName?: string;
  /** Countries (ISO 3166-1 alpha-2) allowed to open the dashboard. @default ["ID"] */
  readonly allowedCountries?: readonly string[];
}

/**
 * @example
 * const hosting = new DashboardHosting(this, "Dashboard", { apiId: api.apiId });
 * hosting.deploySite("web/dashboard", { "config.json": { region: "ap-southeast-3" } });
 */
export class DashboardHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: DashboardHostingProps) {
    super(scope, id);
    const allowedCountries = props.allowedCountries ?? ["ID"];
    if (allowedCountries.length === 0 || allowedCountries.some((c) => !/^[A-Z]{2}$/.test(c))) {
      throw new Error(
        `DashboardHosting props.allowedCountries ${JSON.stringify(allowedCountries)}: expected ISO 3166-1 alpha-2 codes, e.g. ["ID"]`,
      );
    }
    const stack = Stack.of(this);
    // The site bucket's server access logs (S3 delivers them in this Region, by bucket policy).
    const accessLogs = new s3.Bucket(this, "AccessLogs", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This is the access-log bucket; logging it into itself would loop",
    });
    this.bucket = new s3.Bucket(this, "Site", {
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "site/",
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const api =
      props.apiId &&
      new origins.HttpOrigin(`${props.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      });
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: props.comment ?? "siaga112 national monitoring dashboard",
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      additionalBehaviors: api
        ? {
            "api/*": {
              origin: api,
              viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
              allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
              cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
              originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            },
          }
        : undefined,
      geoRestriction: cloudfront.GeoRestriction.allowlist(...allowedCountries),
      // CLOUDFRONT_ACCESS_LOGS: no standard logging (see the file comment).
      enableLogging: false,
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: "AwsSolutions-CFR4",
        reason:
          "No custom domain yet: the default *.cloudfront.net certificate cannot pin TLS 1.2; attach the ministry's domain and certificate to lift this",
      },
      {
        id: "AwsSolutions-CFR3",
        reason:
          "No CloudFront access logs: legacy logs cannot reach a bucket in ap-southeast-3 and v2 keeps them in us-east-1 (viewer IPs outside Indonesia, PP 71/2019); the API and the site bucket log in ap-southeast-3 (docs/deploy.md)",
      },
      {
        id: "AwsSolutions-CFR2",
        reason:
          "Viewers are limited to Indonesia and every API call needs a Cognito token; a WAF web ACL (us-east-1) is left to the platform team's shared ACL",
      },
    );
  }

  /**
   * Deploys the static files, plus JSON files written beside them (e.g. `config.json` for sign-in)
   * and shared folders under their own key prefix, and invalidates the distribution. Keys matching
   * `options.keep` (e.g. `config/*`, written by other stacks) are neither uploaded nor pruned.
   */
  deploySite(
    siteDir?: string,
    jsonFiles: Readonly<Record<string, unknown>> = {},
    options: SiteDeployOptions = {},
  ): s3deploy.BucketDeployment {
    const sources = [
      ...(siteDir ? [s3deploy.Source.asset(siteDir)] : []),
      ...Object.entries(jsonFiles).map(([file, data]) => s3deploy.Source.jsonData(file, data)),
      ...Object.entries(options.files ?? {}).flatMap(([key, path]) =>
        statSync(path).isDirectory()
          ? filesUnder(path).map((file) =>
              s3deploy.Source.data(`${key}${relative(path, file)}`, readText(file)),
            )
          : [s3deploy.Source.data(key, readText(path))],
      ),
    ];
    if (sources.length === 0)
      throw new Error("DashboardHosting.deploySite: give a siteDir or at least one JSON file");
    const deployment = new s3deploy.BucketDeployment(this, "Deploy", {
      sources,
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 256,
      exclude: options.keep ? [...options.keep] : undefined,
    });
    acknowledgeBucketDeployment(Stack.of(this), this.bucket.bucketArn);
    return deployment;
  }
}

export interface SiteDeployOptions {
  /**
   * More files by key: a file under its key, a folder's files under the key as prefix, e.g.
   * `{ "shared/": "web/shared", "dashboard/dom.js": "web/dashboard/dom.js" }`. @default none
   */
  readonly files?: Readonly<Record<string, string>>;
  /** Key patterns other stacks own (neither uploaded nor pruned), e.g. `["config/*"]`. @default none */
  readonly keep?: readonly string[];
}

/** Every file below `dir`, sorted so the asset hash does not depend on the file system's order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function readText(file: string): string {
  return readFileSync(file, "utf8");
}

/** BucketDeployment's provider is an aws-cdk-lib singleton: acknowledge its findings on it. */
function acknowledgeBucketDeployment(stack: Stack, siteBucketArn: string): void {
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith("Custom::CDKBucketDeployment")) continue;
    Validations.of(child).acknowledge(
      {
        id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        reason:
          "The BucketDeployment provider (aws-cdk-lib) uses the basic execution role only for its own logs",
      },
      { id: "AwsSolutions-L1", reason: "The BucketDeployment provider's runtime is chosen by aws-cdk-lib" },
    );
    acknowledgeWildcards(
      child,
      {
        actions: ["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"],
        resources: [
          `arn:${Aws.PARTITION}:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
          `${siteBucketArn}/*`,
          "*",
        ],
      },
      "The BucketDeployment provider (aws-cdk-lib) copies the dashboard files from the asset bucket into the site bucket and invalidates the distribution (cloudfront:CreateInvalidation has no resource-level scope)",
    );
  }
}
