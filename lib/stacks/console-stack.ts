/**
 * The call-takers' console site (`siaga112-console`), one for every tenant, deployed once in the
 * national account and the data Region: CloudFront allows a few hundred distributions per account
 * by default (the quota page lists 500; it listed 200 before:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html), too
 * few for a site per kab/kota (514) beside everything else in the account. The page picks its tenant's settings file, `config/<code>.json`, which
 * each tenant's data stack writes into this bucket (lib/tenant-console-settings.ts), so a new city
 * changes neither this stack nor any other city's.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Annotations, CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";
import { consoleNames, stackNames } from "../../domain/naming";
import type { Platform } from "../../domain/tenant";
import { DashboardHosting } from "../dashboard-hosting";

/** The city page (issue 16) a kab/kota's supervisors and manager open on this site, under `dashboard/`. */
export const CITY_PAGE = "city.html";

/**
 * The files a page loads beside itself: its relative `src` and `href` (not `/shared/…`, not links
 * to other sites).
 *
 * @example
 * pageFiles("web/dashboard/city.html") // ["siaga112.css", "dashboard.css", …, "city.js"]
 */
export function pageFiles(page: string): string[] {
  const html = readFileSync(page, "utf8");
  return [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((ref) => !ref.startsWith("/") && !ref.includes(":") && !ref.startsWith("#"));
}

export interface ConsoleStackProps extends StackProps {
  readonly platform: Platform;
  /** The pages' folder (`web/`): the console at the site's root, beside the shared files it loads. @default none deployed */
  readonly webDir?: string;
}

/**
 * @example
 * new ConsoleStack(app, stackNames.console(), { platform, webDir: "web" });
 */
export class ConsoleStack extends Stack {
  readonly hosting: DashboardHosting;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    const { platform } = props;
    super(scope, id, {
      stackName: stackNames.console(),
      env: { account: platform.national.account, region: platform.national.region },
      description: "siaga112 call-takers' console: one site for every tenant, settings per tenant",
      ...props,
    });
    const names = consoleNames(platform);
    this.hosting = new DashboardHosting(this, "Site", {
      comment: "siaga112 call-takers' console (every tenant)",
      bucketName: names.bucket,
    });
    const { bucket, distribution } = this.hosting;

    // Hubs in other accounts: their tenants' data stacks write their own settings files.
    const otherAccounts = [...new Set(platform.hubs.map((h) => h.account))]
      .filter((account) => account !== platform.national.account)
      .sort();
    if (otherAccounts.length > 0) {
      bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: "TenantStacksWriteTheirSettings",
          principals: otherAccounts.map((account) => new iam.AccountPrincipal(account)),
          actions: ["s3:PutObject", "s3:DeleteObject"],
          resources: [bucket.arnForObjects(`${names.configPrefix}*`)],
        }),
      );
    }

    if (props.webDir) {
      const web = props.webDir;
      const dashboard = join(web, "dashboard");
      const cityPage = join(dashboard, CITY_PAGE);
      if (!existsSync(cityPage)) throw new Error(`ConsoleStack props.webDir "${web}": ${cityPage} not found`);
      // The console loads siaga112.css and dom.js; the city page of a kab/kota's own staff, with
      // the dashboard files it loads, at the same relative paths as on the national site.
      const dashboardFiles = [...new Set(["siaga112.css", "dom.js", CITY_PAGE, ...pageFiles(cityPage)])];
      const shared = {
        "shared/": join(web, "shared"),
        ...Object.fromEntries(dashboardFiles.map((file) => [`dashboard/${file}`, join(dashboard, file)])),
      };
      const missing = Object.values(shared).filter((path) => !existsSync(path));
      if (missing.length > 0)
        throw new Error(`ConsoleStack props.webDir "${web}": ${missing.join(", ")} not found`);
      this.hosting.deploySite(
        join(web, "console"),
        // The city page finds its kab/kota's settings file here (web/dashboard/city-source.js).
        { "dashboard/config.json": { tenantSettings: `/${names.configPrefix}{tenant}.json` } },
        { files: shared, keep: [`${names.configPrefix}*`] },
      );
    }

    const url = `https://${distribution.distributionDomainName}`;
    new CfnOutput(this, "Url", {
      value: url,
      description: "The console's address: record it as console.url in tenants/platform.yaml",
    });
    if (!platform.console) {
      Annotations.of(this).addWarning(
        "tenants/platform.yaml has no console.url: hubs and cities are left out of this app until it names the address this stack's deploy prints (docs/deploy.md)",
      );
    }
  }
}
