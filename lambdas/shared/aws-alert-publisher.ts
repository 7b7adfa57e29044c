/**
 * Alert publisher on SNS: one topic per agency, subscriptions filtered by contact id. One
 * message carries both bodies (`MessageStructure: json`): SMS subscribers get `sms`, e-mail
 * subscribers get `email` with the subject. SNS answers with the MessageId once it accepted the
 * message; whether an SMS reached the phone is only in SNS's SMS delivery-status logs (CloudWatch
 * Logs, when enabled account-wide), which name the same MessageId (docs/deploy.md).
 */
import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import { CONTACT_FILTER_ATTRIBUTE } from "../../domain/agency-topic-filter";
import type { AgencyAlert, AlertPublisher } from "./ports";

/**
 * The exact Publish input of an alert.
 *
 * @example
 * publishInput("arn:aws:sns:ap-southeast-3:111111111111:siaga112-71-71-agency-", alert).TopicArn // "…-agency-damkar"
 */
export function publishInput(topicArnPrefix: string, alert: AgencyAlert) {
  return {
    TopicArn: `${topicArnPrefix}${alert.agencyId}`,
    MessageStructure: "json",
    // SNS subjects: ASCII, no line breaks, under 100 characters.
    Subject: alert.email.subject.replace(/[^\x20-\x7E]/g, "").slice(0, 99),
    Message: JSON.stringify({ default: alert.sms, sms: alert.sms, email: `${alert.email.body}\n` }),
    MessageAttributes: {
      [CONTACT_FILTER_ATTRIBUTE]: {
        DataType: "String.Array",
        StringValue: JSON.stringify([alert.contactId]),
      },
      "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
    },
  };
}

/**
 * @example
 * const alerts = snsAlertPublisher(new SNSClient({}), process.env.AGENCY_TOPIC_ARN_PREFIX!);
 */
export function snsAlertPublisher(client: Pick<SNSClient, "send">, topicArnPrefix: string): AlertPublisher {
  return {
    async publish(alert) {
      const { MessageId } = await client.send(new PublishCommand(publishInput(topicArnPrefix, alert)));
      return MessageId ? { messageId: MessageId } : {};
    },
  };
}
