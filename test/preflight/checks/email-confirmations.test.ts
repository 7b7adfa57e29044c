import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  NotFoundException,
} from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { emailConfirmations } from "../../../preflight/checks/email-confirmations";
import { DATA_REGION, preflightTargetFixture } from "../../support/preflight-target";

const TOPIC_ARN = `arn:aws:sns:${DATA_REGION}:111111111111:siaga112-71-71-agency-damkar`;
const target = preflightTargetFixture({
  agencyTopics: [
    {
      tenantCode: "71.71",
      agencyId: "damkar",
      region: DATA_REGION,
      topicArn: TOPIC_ARN,
      emails: [
        { address: "piket@damkar.manado.example", contactId: "piket" },
        { address: "kabid@damkar.manado.example", contactId: "kabid" },
      ],
    },
  ],
});
const subscription = (endpoint: string, arn: string, protocol = "email") => ({
  SubscriptionArn: arn,
  Owner: "111111111111",
  Protocol: protocol,
  Endpoint: endpoint,
  TopicArn: TOPIC_ARN,
});

function topicWith(
  subscriptions: ReturnType<typeof subscription>[],
  authenticated: Record<string, string> = {},
) {
  const aws = sdkClients();
  const sns = mockClient(aws.sns(DATA_REGION));
  sns.on(ListSubscriptionsByTopicCommand, { TopicArn: TOPIC_ARN }).resolves({ Subscriptions: subscriptions });
  sns.on(GetSubscriptionAttributesCommand).callsFake(({ SubscriptionArn }) => ({
    Attributes: {
      SubscriptionArn,
      PendingConfirmation: "false",
      ConfirmationWasAuthenticated: authenticated[SubscriptionArn] ?? "true",
    },
  }));
  return { run: () => emailConfirmations.run(target, aws).then(([r]) => r), sns };
}

describe("email-confirmations", () => {
  it("passes a topic whose addresses all confirmed with authenticated unsubscribe", async () => {
    const result = await topicWith([
      subscription("+6281200000111", `${TOPIC_ARN}:sms-1`, "sms"),
      subscription("piket@damkar.manado.example", `${TOPIC_ARN}:mail-1`),
      subscription("kabid@damkar.manado.example", `${TOPIC_ARN}:mail-2`),
    ]).run();
    expect(result).toMatchObject({ status: "pass", subject: "71.71 damkar" });
  });

  it("fails while an address has not confirmed, with the command that sends a new confirmation", async () => {
    const result = await topicWith([
      subscription("piket@damkar.manado.example", "PendingConfirmation"),
      subscription("kabid@damkar.manado.example", `${TOPIC_ARN}:mail-2`),
    ]).run();
    expect(result.status).toBe("fail");
    expect(result.detail).toBe("waiting for confirmation: piket@damkar.manado.example");
    expect(result.fix).toContain("within 3 days");
    expect(result.fix).toContain(
      `--notification-endpoint piket@damkar.manado.example --attributes '{"FilterPolicy":"{\\"contact\\":[\\"piket\\"]}"}'`,
    );
  });

  it("fails an address the tenant file names but the topic does not have", async () => {
    const result = await topicWith([
      subscription("piket@damkar.manado.example", `${TOPIC_ARN}:mail-1`),
    ]).run();
    expect(result).toMatchObject({ status: "fail", detail: "not subscribed: kabid@damkar.manado.example" });
  });

  it("warns on a confirmation a plain unsubscribe link could undo", async () => {
    const result = await topicWith(
      [
        subscription("piket@damkar.manado.example", `${TOPIC_ARN}:mail-1`),
        subscription("kabid@damkar.manado.example", `${TOPIC_ARN}:mail-2`),
      ],
      { [`${TOPIC_ARN}:mail-2`]: "false" },
    ).run();
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("kabid@damkar.manado.example");
    expect(result.detail).not.toContain("piket@");
  });

  it("cannot check a topic that is not deployed yet, and says which stack creates it", async () => {
    const aws = sdkClients();
    mockClient(aws.sns(DATA_REGION))
      .on(ListSubscriptionsByTopicCommand)
      .rejects(new NotFoundException({ message: "Topic does not exist", $metadata: {} }));
    const [result] = await emailConfirmations.run(target, aws);
    expect(result.status).toBe("unknown");
    expect(result.fix).toContain("siaga112-71-71-data");
  });
});
