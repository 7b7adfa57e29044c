/**
 * Every e-mail address of every agency topic has confirmed its subscription. An unconfirmed
 * address receives nothing; the confirmation token lasts three days. A confirmed subscription
 * whose confirmation was not authenticated can be removed by anyone holding the unsubscribe link
 * of any alert (mail scanners fetch links), so it is flagged too.
 * https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html
 * https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html
 * https://docs.aws.amazon.com/sns/latest/api/API_GetSubscriptionAttributes.html
 */
import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  type SNSClient,
} from "@aws-sdk/client-sns";
import { contactFilterPolicy } from "../../domain/agency-topic-filter";
import { stackNames } from "../../domain/naming";
import { cannotCheck, errorName } from "../aws-errors";
import { type CheckResult, type PreflightCheck, resultsOf } from "../check";
import { allPages } from "../pages";
import type { AgencyTopicTarget } from "../target";

/** What ListSubscriptionsByTopic shows instead of an ARN while a subscription waits for its owner. */
export const PENDING_CONFIRMATION = "PendingConfirmation";

const ID = "email-confirmations";
const result = resultsOf(ID);

export const emailConfirmations: PreflightCheck = {
  id: ID,
  title: "every agency e-mail address has confirmed its topic subscription (authenticated unsubscribe)",
  calls: ["sns:ListSubscriptionsByTopic", "sns:GetSubscriptionAttributes"],
  source: "https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html",
  run: (target, aws) =>
    Promise.all(
      target.agencyTopics
        .filter((topic) => topic.emails.length > 0)
        .map((topic) => checkTopic(topic, aws.sns(topic.region))),
    ),
};

async function checkTopic(topic: AgencyTopicTarget, sns: Pick<SNSClient, "send">): Promise<CheckResult> {
  const subject = `${topic.tenantCode} ${topic.agencyId}`;
  let subscriptions: { arn: string; endpoint: string }[];
  try {
    subscriptions = (
      await allPages(async (NextToken) => {
        const page = await sns.send(
          new ListSubscriptionsByTopicCommand({ TopicArn: topic.topicArn, NextToken }),
        );
        return { items: page.Subscriptions, next: page.NextToken };
      })
    )
      .filter((s) => s.Protocol === "email" || s.Protocol === "email-json")
      .map((s) => ({ arn: s.SubscriptionArn ?? "", endpoint: (s.Endpoint ?? "").toLowerCase() }));
  } catch (error) {
    if (errorName(error) === "NotFoundException") {
      return result.unknown(
        subject,
        `topic ${topic.topicArn} does not exist yet`,
        `deploy \`${stackNames.data({ code: topic.tenantCode })}\`, then run preflight again to follow the confirmations`,
      );
    }
    return cannotCheck(ID, subject, error, "sns:ListSubscriptionsByTopic", topic.region);
  }
  const of = (address: string) => subscriptions.find((s) => s.endpoint === address.toLowerCase());
  const missing = topic.emails.filter((e) => !of(e.address));
  const pending = topic.emails.filter((e) => of(e.address)?.arn === PENDING_CONFIRMATION);
  const confirmed = topic.emails.filter((e) => !missing.includes(e) && !pending.includes(e));
  if (missing.length > 0 || pending.length > 0) {
    const resubscribe = [...missing, ...pending]
      .map(
        (e) =>
          `aws sns subscribe --region ${topic.region} --topic-arn ${topic.topicArn} --protocol email --notification-endpoint ${e.address} --attributes '${JSON.stringify({ FilterPolicy: JSON.stringify(contactFilterPolicy(e.contactId)) })}'`,
      )
      .join("; ");
    return result.fail(
      subject,
      [
        pending.length > 0 ? `waiting for confirmation: ${pending.map((e) => e.address).join(", ")}` : "",
        missing.length > 0 ? `not subscribed: ${missing.map((e) => e.address).join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; "),
      `each address must open "AWS Notification - Subscription Confirmation" and confirm within 3 days; to send a new confirmation: ${resubscribe}`,
    );
  }
  let unauthenticated: string[];
  try {
    unauthenticated = [];
    for (const e of confirmed) {
      const { Attributes } = await sns.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: of(e.address)!.arn }),
      );
      if (Attributes?.ConfirmationWasAuthenticated !== "true") unauthenticated.push(e.address);
    }
  } catch (error) {
    return cannotCheck(ID, subject, error, "sns:GetSubscriptionAttributes", topic.region);
  }
  if (unauthenticated.length > 0) {
    return result.warn(
      subject,
      `confirmed without authentication (a plain unsubscribe link removes them): ${unauthenticated.join(", ")}`,
      "have them confirmed again by the platform team with `aws sns confirm-subscription ... --authenticate-on-unsubscribe true` (docs/deploy.md, confirming e-mail subscriptions)",
    );
  }
  return result.pass(
    subject,
    `${confirmed.length} e-mail subscription(s) confirmed, unsubscribe authenticated`,
  );
}
