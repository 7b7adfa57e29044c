/**
 * One agency's alert topic: encrypted with the tenant key, TLS only, with an SMS and an e-mail
 * subscription per contact number/address. Each subscription carries the filter policy
 * `{ contact: [<contact id>] }`, so the escalation relay reaches exactly the contacts of a step by
 * setting the message attribute `contact` (String.Array) to the step's contact ids.
 */
import type * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import { contactFilterPolicy } from "../domain/agency-topic-filter";
import type { Agency } from "../domain/tenant";

export interface AgencyTopicProps {
  /** Physical topic name, e.g. `siaga112-71-71-agency-damkar`. */
  readonly topicName: string;
  readonly agency: Agency;
  readonly masterKey: kms.IKey;
}

/**
 * @example
 * new AgencyTopic(this, "Damkar", { topicName: "siaga112-71-71-agency-damkar", agency, masterKey: key });
 */
export class AgencyTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AgencyTopicProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(props.topicName)) {
      throw new Error(`AgencyTopic props.topicName "${props.topicName}": expected 1-256 of A-Z a-z 0-9 _ -`);
    }
    if (props.agency.contacts.length === 0) {
      throw new Error(
        `AgencyTopic props.agency.contacts of "${props.agency.id}": expected at least one contact`,
      );
    }
    this.topic = new sns.Topic(this, "Topic", {
      topicName: props.topicName,
      displayName: props.agency.name.slice(0, 100),
      masterKey: props.masterKey,
      enforceSSL: true,
    });
    for (const contact of props.agency.contacts) {
      const filterPolicy = Object.fromEntries(
        Object.entries(contactFilterPolicy(contact.id)).map(([name, allowlist]) => [
          name,
          sns.SubscriptionFilter.stringFilter({ allowlist }),
        ]),
      );
      const endpoints = [
        ...contact.sms.map((endpoint) => ({ endpoint, protocol: sns.SubscriptionProtocol.SMS })),
        ...contact.email.map((endpoint) => ({ endpoint, protocol: sns.SubscriptionProtocol.EMAIL })),
      ];
      endpoints.forEach(({ endpoint, protocol }, i) => {
        new sns.Subscription(this, `${contact.id}-${protocol}-${i}`, {
          topic: this.topic,
          endpoint,
          protocol,
          filterPolicy,
        });
      });
    }
  }
}
