/**
 * A sender ID is registered for Indonesia in every Region that sends agency SMS, and SNS sends with
 * it. Indonesia requires a registered alphanumeric sender ID (operators' letters of authorization,
 * NIB, NPWP), registered through AWS End User Messaging SMS; the registration type is
 * `ID_SENDER_ID_REGISTRATION` (AWS Messaging blog, "Automate sender ID registration").
 * https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations-indonesia.html
 * https://aws.amazon.com/blogs/messaging-and-targeting/automate-sender-id-registration-in-aws-end-user-messaging
 *
 * The alert publisher sets no `AWS.SNS.SMS.SenderID`, so SNS falls back to the account's
 * `DefaultSenderID` SMS attribute: that attribute must name the registered sender ID.
 * https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html
 */
import {
  DescribeRegistrationsCommand,
  DescribeSenderIdsCommand,
  type PinpointSMSVoiceV2Client,
  type RegistrationInformation,
  type SenderIdInformation,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { cannotCheck } from "../aws-errors";
import { type CheckResult, type PreflightCheck, resultsOf } from "../check";
import { allPages } from "../pages";
import { smsAttributes } from "../sms-attributes";

export const INDONESIA = "ID";
export const INDONESIA_SENDER_ID_REGISTRATION = "ID_SENDER_ID_REGISTRATION";
const IN_REVIEW = new Set([
  "SUBMITTED",
  "AWS_REVIEWING",
  "REVIEWING",
  "PROVISIONING",
  "REQUIRES_AUTHENTICATION",
]);

const ID = "sms-sender-id";
const result = resultsOf(ID);

export const smsSenderId: PreflightCheck = {
  id: ID,
  title: "a sender ID is registered for Indonesia and SNS sends with it (DefaultSenderID)",
  calls: ["sms-voice:DescribeSenderIds", "sms-voice:DescribeRegistrations", "sns:GetSMSAttributes"],
  source: "https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations-indonesia.html",
  run: (target, aws) =>
    Promise.all(
      target.smsRegions.map(async (region): Promise<CheckResult> => {
        const smsVoice = aws.smsVoice(region);
        let registered: SenderIdInformation[];
        try {
          registered = (
            await allPages(async (NextToken) => {
              const page = await smsVoice.send(
                new DescribeSenderIdsCommand({
                  Filters: [{ Name: "iso-country-code", Values: [INDONESIA] }],
                  NextToken,
                }),
              );
              return { items: page.SenderIds, next: page.NextToken };
            })
          ).filter((s) => s.IsoCountryCode === INDONESIA && s.Registered);
        } catch (error) {
          return cannotCheck(ID, region, error, "sms-voice:DescribeSenderIds", region);
        }
        if (registered.length === 0) return registrationVerdict(region, smsVoice);
        let senderId: string | undefined;
        try {
          senderId = (await smsAttributes(aws.sns(region))).DefaultSenderID;
        } catch (error) {
          return cannotCheck(ID, region, error, "sns:GetSMSAttributes", region);
        }
        const names = registered.map((s) => s.SenderId);
        if (senderId && names.includes(senderId)) {
          return result.pass(region, `registered for Indonesia and SNS's DefaultSenderID: ${senderId}`);
        }
        return result.warn(
          region,
          `registered for Indonesia: ${names.join(", ")}; SNS's DefaultSenderID is ${senderId ?? "not set"}, and alerts name no sender ID`,
          `\`aws sns set-sms-attributes --region ${region} --attributes DefaultSenderID=${names[0]}\``,
        );
      }),
    ),
};

async function registrationVerdict(
  region: string,
  smsVoice: Pick<PinpointSMSVoiceV2Client, "send">,
): Promise<CheckResult> {
  let registrations: RegistrationInformation[];
  try {
    registrations = await allPages(async (NextToken) => {
      const page = await smsVoice.send(
        new DescribeRegistrationsCommand({
          Filters: [{ Name: "registration-type", Values: [INDONESIA_SENDER_ID_REGISTRATION] }],
          NextToken,
        }),
      );
      return { items: page.Registrations, next: page.NextToken };
    });
  } catch (error) {
    return cannotCheck(ID, region, error, "sms-voice:DescribeRegistrations", region);
  }
  const register = `register one: AWS End User Messaging SMS console in ${region} > Registrations > Create registration > Indonesia sender ID (letters of authorization of the operators, NIB, NPWP; see docs/deploy.md)`;
  if (registrations.length === 0) {
    return result.fail(region, "no sender ID registered for Indonesia and no registration started", register);
  }
  const described = registrations.map((r) => `${r.RegistrationId} ${r.RegistrationStatus}`).join(", ");
  const statuses = registrations.map((r) => r.RegistrationStatus ?? "");
  if (statuses.some((s) => IN_REVIEW.has(s))) {
    return result.fail(
      region,
      `the Indonesia sender ID registration is not approved yet (${described})`,
      "wait for the review (answer AWS if it asks for more); run preflight again",
    );
  }
  if (statuses.includes("REQUIRES_UPDATES")) {
    return result.fail(
      region,
      `the Indonesia sender ID registration was sent back (${described})`,
      "update it in the AWS End User Messaging SMS console (Registrations) and submit it again",
    );
  }
  if (statuses.includes("CREATED")) {
    return result.fail(
      region,
      `the registration was started, not submitted (${described})`,
      "complete and submit it",
    );
  }
  return result.fail(region, `no registered sender ID for Indonesia in ${region} (${described})`, register);
}
