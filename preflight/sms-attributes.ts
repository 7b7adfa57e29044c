/**
 * The account's SNS SMS preferences in one Region, read once per client: the spend-limit, SMS-type
 * and sender-ID checks all look at them.
 * https://docs.aws.amazon.com/sns/latest/api/API_GetSMSAttributes.html
 */
import { GetSMSAttributesCommand, type SNSClient } from "@aws-sdk/client-sns";

export const SMS_ATTRIBUTES = ["MonthlySpendLimit", "DefaultSMSType", "DefaultSenderID"] as const;
export type SmsAttributes = Partial<Record<(typeof SMS_ATTRIBUTES)[number], string>>;

const read = new WeakMap<object, Promise<SmsAttributes>>();

/**
 * @example
 * const { MonthlySpendLimit } = await smsAttributes(aws.sns("ap-southeast-3"));
 */
export function smsAttributes(client: Pick<SNSClient, "send">): Promise<SmsAttributes> {
  let attributes = read.get(client);
  if (!attributes) {
    attributes = client
      .send(new GetSMSAttributesCommand({ attributes: [...SMS_ATTRIBUTES] }))
      .then((result) => (result.attributes ?? {}) as SmsAttributes);
    read.set(client, attributes);
  }
  return attributes;
}
