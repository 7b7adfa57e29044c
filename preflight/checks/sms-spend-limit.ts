/**
 * The monthly SMS spend limit is above the 1.00 USD every account starts with (and at least
 * `--min-sms-spend` when given): past the limit SNS stops sending SMS within minutes.
 * https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html
 */
import { eachRegion } from "../aws-errors";
import { type PreflightCheck, resultsOf } from "../check";
import { smsAttributes } from "../sms-attributes";

const ID = "sms-spend-limit";
const result = resultsOf(ID);

export const smsSpendLimit: PreflightCheck = {
  id: ID,
  title: "the SNS monthly SMS spend limit (MonthlySpendLimit) is above the 1.00 USD default",
  calls: ["sns:GetSMSAttributes"],
  source: "https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html",
  run: (target, aws) =>
    eachRegion(target.smsRegions, ID, "sns:GetSMSAttributes", async (region) => {
      const { MonthlySpendLimit } = await smsAttributes(aws.sns(region));
      const limit = Number(MonthlySpendLimit);
      const raise = `raise it: \`aws sns set-sms-attributes --region ${region} --attributes MonthlySpendLimit=<USD a month>\`; above the account's SMS spend quota, first ask AWS Support for an SNS spend limit increase`;
      if (MonthlySpendLimit === undefined || !Number.isFinite(limit)) {
        return result.fail(region, "MonthlySpendLimit is not set: SNS applies its 1.00 USD default", raise);
      }
      if (limit < target.minSmsSpendUsd) {
        return result.fail(
          region,
          `MonthlySpendLimit is ${limit} USD, below ${target.minSmsSpendUsd} USD: SMS stop when it is reached`,
          raise,
        );
      }
      return result.pass(region, `MonthlySpendLimit ${limit} USD`);
    }),
};
