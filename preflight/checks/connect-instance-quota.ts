/**
 * Each Connect Region has room for the hubs' instances: the instances that exist plus the hubs not
 * yet created must fit the account's "Amazon Connect instances per account" quota (default 2,
 * adjustable; quota code L-AA17A6B9 in the Connect admin guide's quota table).
 * https://docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html
 */
import { GetServiceQuotaCommand } from "@aws-sdk/client-service-quotas";
import { cannotCheck, errorName } from "../aws-errors";
import { type CheckResult, type PreflightCheck, resultsOf } from "../check";
import { connectInstances } from "../connect-instances";

export const CONNECT_INSTANCES_QUOTA = { ServiceCode: "connect", QuotaCode: "L-AA17A6B9" } as const;
/** The documented default, used when Service Quotas has no value for the account. */
export const DEFAULT_CONNECT_INSTANCES = 2;

const ID = "connect-instance-quota";
const result = resultsOf(ID);

export const connectInstanceQuota: PreflightCheck = {
  id: ID,
  title: `the instances and the hubs still to create fit "Amazon Connect instances per account" (${CONNECT_INSTANCES_QUOTA.QuotaCode})`,
  calls: ["connect:ListInstances", "servicequotas:GetServiceQuota"],
  source: "https://docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html",
  run: async (target, aws) => {
    const regions = [...new Set(target.hubs.map((h) => h.connectRegion))].sort();
    return Promise.all(
      regions.map(async (region): Promise<CheckResult> => {
        const hubs = target.hubs.filter((h) => h.connectRegion === region);
        let aliases: string[];
        try {
          aliases = (await connectInstances(aws.connect(region))).map((i) => i.InstanceAlias ?? "");
        } catch (error) {
          return cannotCheck(ID, region, error, "connect:ListInstances", region);
        }
        let quota: number;
        let note = "";
        try {
          const { Quota } = await aws
            .serviceQuotas(region)
            .send(new GetServiceQuotaCommand(CONNECT_INSTANCES_QUOTA));
          quota = Quota?.Value ?? DEFAULT_CONNECT_INSTANCES;
        } catch (error) {
          if (errorName(error) !== "NoSuchResourceException") {
            return cannotCheck(ID, region, error, "servicequotas:GetServiceQuota", region);
          }
          quota = DEFAULT_CONNECT_INSTANCES;
          note = " (Service Quotas has no value for the account: the documented default)";
        }
        const toCreate = hubs.filter((h) => !aliases.includes(h.instanceAlias)).map((h) => h.id);
        const needed = aliases.length + toCreate.length;
        const found = `${aliases.length} instance(s) exist, ${toCreate.length} hub(s) still to create${
          toCreate.length > 0 ? ` (${toCreate.join(", ")})` : ""
        }: ${needed} needed, quota ${quota}${note}`;
        if (needed <= quota) return result.pass(region, found);
        return result.fail(
          region,
          found,
          `request ${needed} or more: Service Quotas console > Amazon Connect > "Amazon Connect instances per account", or \`aws service-quotas request-service-quota-increase --region ${region} --service-code connect --quota-code ${CONNECT_INSTANCES_QUOTA.QuotaCode} --desired-value ${needed}\` (can take weeks)`,
        );
      }),
    );
  },
};
