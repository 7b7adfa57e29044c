/**
 * Every Region a stack lives in is enabled for the account. ap-southeast-3 (Jakarta) launched after
 * March 2019, so it is an opt-in Region: disabled until someone enables it.
 *
 * account:GetRegionOptStatus rather than ec2:DescribeRegions: it answers for any Region from the
 * Account Management endpoint, without calling into the Region being asked about, and tells
 * ENABLING (wait) apart from DISABLED (act).
 * https://docs.aws.amazon.com/accounts/latest/reference/API_GetRegionOptStatus.html
 */
import { GetRegionOptStatusCommand } from "@aws-sdk/client-account";
import { eachRegion } from "../aws-errors";
import { type PreflightCheck, resultsOf } from "../check";

const ID = "region-enabled";
const result = resultsOf(ID);

export const regionEnabled: PreflightCheck = {
  id: ID,
  title: "every Region the stacks use is enabled for the account (ap-southeast-3 is an opt-in Region)",
  calls: ["account:GetRegionOptStatus"],
  source: "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html",
  run: (target, aws) =>
    eachRegion(target.regions, ID, "account:GetRegionOptStatus", async (region) => {
      const { RegionOptStatus: status } = await aws
        .account()
        .send(new GetRegionOptStatusCommand({ RegionName: region }));
      if (status === "ENABLED" || status === "ENABLED_BY_DEFAULT") return result.pass(region, status);
      const enable = `aws account enable-region --region-name ${region}`;
      if (status === "ENABLING") {
        return result.warn(
          region,
          "ENABLING: AWS is still preparing the Region for the account (minutes, sometimes hours)",
          "wait until it is ENABLED before cdk bootstrap; run preflight again",
        );
      }
      return result.fail(
        region,
        `${status ?? "no status"}: stacks cannot be deployed there`,
        `enable it (console: Account > AWS Regions, or \`${enable}\`), wait until ENABLED, then bootstrap it`,
      );
    }),
};
