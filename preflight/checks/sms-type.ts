/**
 * SMS default to the Transactional type (delivery optimized for reliability, not cost). Every alert
 * already carries `AWS.SNS.SMS.SMSType: Transactional` (lambdas/shared/aws-alert-publisher.ts), so a
 * different default is a warning: anything published without the attribute would go Promotional.
 * https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html
 */
import { eachRegion } from "../aws-errors";
import { type PreflightCheck, resultsOf } from "../check";
import { smsAttributes } from "../sms-attributes";

const ID = "sms-type";
const result = resultsOf(ID);

export const smsType: PreflightCheck = {
  id: ID,
  title: "the account's default SMS type (DefaultSMSType) is Transactional",
  calls: ["sns:GetSMSAttributes"],
  source: "https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html",
  run: (target, aws) =>
    eachRegion(target.smsRegions, ID, "sns:GetSMSAttributes", async (region) => {
      const { DefaultSMSType } = await smsAttributes(aws.sns(region));
      if (DefaultSMSType === "Transactional") return result.pass(region, "DefaultSMSType Transactional");
      return result.warn(
        region,
        `DefaultSMSType is ${DefaultSMSType ?? "not set"}; alerts set Transactional on each message, anything else would not`,
        `\`aws sns set-sms-attributes --region ${region} --attributes DefaultSMSType=Transactional\``,
      );
    }),
};
