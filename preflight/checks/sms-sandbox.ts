/**
 * The account is out of the SNS SMS sandbox in every Region that sends agency SMS. In the sandbox,
 * SMS reach only up to 10 verified destination numbers: agency duty phones would get nothing.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-sms-sandbox.html
 * Leaving it is a request for production access, reviewed by AWS Support:
 * https://docs.aws.amazon.com/sms-voice/latest/userguide/sandbox.html#sandbox-sms-move-to-production
 */
import { GetSMSSandboxAccountStatusCommand } from "@aws-sdk/client-sns";
import { eachRegion } from "../aws-errors";
import { type PreflightCheck, resultsOf } from "../check";

const ID = "sms-sandbox";
const result = resultsOf(ID);

export const smsSandbox: PreflightCheck = {
  id: ID,
  title: "the account is out of the SNS SMS sandbox where agency SMS are sent",
  calls: ["sns:GetSMSSandboxAccountStatus"],
  source: "https://docs.aws.amazon.com/sns/latest/dg/sns-sms-sandbox.html",
  run: (target, aws) =>
    eachRegion(target.smsRegions, ID, "sns:GetSMSSandboxAccountStatus", async (region) => {
      const { IsInSandbox } = await aws.sns(region).send(new GetSMSSandboxAccountStatusCommand({}));
      if (IsInSandbox === false) return result.pass(region, "out of the SMS sandbox");
      return result.fail(
        region,
        "in the SMS sandbox: SMS reach only verified destination numbers (at most 10)",
        `request production access for SMS in ${region} (an AWS Support case, see "Moving from the SMS/MMS sandbox" in the End User Messaging SMS guide)`,
      );
    }),
};
