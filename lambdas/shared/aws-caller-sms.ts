/**
 * SMS to a caller on SNS: one Publish straight to the phone number (no topic), Transactional (an
 * emergency, never throttled as marketing), from the tenant's registered sender ID when the tenant
 * file names one (`sms.senderId`; otherwise SNS uses the account's `DefaultSenderID`, which
 * Indonesia needs registered: preflight's sms-sender-id check).
 * Attribute names: https://docs.aws.amazon.com/sns/latest/dg/sms_publish-to-phone.html
 * ("AWS.SNS.SMS.SenderID": 3-11 alphanumeric characters, at least one letter; "AWS.SNS.SMS.SMSType":
 * Promotional | Transactional; both override the account-level defaults of SetSMSAttributes).
 */
import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { CallerSms, CallerSmsMessage } from "./ports";

/**
 * The exact Publish input of an SMS to a caller.
 *
 * @example
 * callerSmsInput({ incidentId, to: "+6281234567890", text }, "SIAGA112").PhoneNumber // "+6281234567890"
 */
export function callerSmsInput(message: CallerSmsMessage, senderId?: string) {
  return {
    PhoneNumber: message.to,
    Message: message.text,
    MessageAttributes: {
      "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
      ...(senderId ? { "AWS.SNS.SMS.SenderID": { DataType: "String", StringValue: senderId } } : {}),
    },
  };
}

/**
 * @example
 * const sms = snsCallerSms(new SNSClient({}), tenant.smsSenderId);
 */
export function snsCallerSms(client: Pick<SNSClient, "send">, senderId?: string): CallerSms {
  return {
    async send(message) {
      await client.send(new PublishCommand(callerSmsInput(message, senderId)));
    },
  };
}
