import { AccountClient, GetRegionOptStatusCommand } from "@aws-sdk/client-account";
import {
  ConnectClient,
  DescribePhoneNumberCommand,
  ListContactFlowsCommand,
  ListFlowAssociationsCommand,
  ListInstancesCommand,
  ListPhoneNumbersV2Command,
} from "@aws-sdk/client-connect";
import { DescribeSenderIdsCommand, PinpointSMSVoiceV2Client } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { GetServiceQuotaCommand, ServiceQuotasClient } from "@aws-sdk/client-service-quotas";
import {
  GetSMSAttributesCommand,
  GetSMSSandboxAccountStatusCommand,
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SNSClient,
} from "@aws-sdk/client-sns";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { buildProgram } from "../../cli/main";
import { tenantNames } from "../../domain/naming";
import { PREFLIGHT_CHECKS } from "../../preflight/all-checks";
import { preflightTarget } from "../../preflight/target";
import { requireRegistry } from "../../registry/load-registry";
import { siaga112 } from "../support/run-cli";

const ACCOUNT = "111111111111";
const instanceArn = (hub: string) => `arn:aws:connect:ap-southeast-1:${ACCOUNT}:instance/id-${hub}`;

/**
 * Recorded answers of an account ready for the example tenants, mocked on the client classes so
 * the command runs exactly as it would with `--profile`, without an account.
 */
function readyAccount() {
  const { platform, tenants } = requireRegistry({ dir: "tenants" });
  const { target } = preflightTarget(platform, tenants, ACCOUNT);
  const sts = mockClient(STSClient);
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/platform` });
  const account = mockClient(AccountClient);
  account.on(GetRegionOptStatusCommand).resolves({ RegionOptStatus: "ENABLED" });
  const ssm = mockClient(SSMClient);
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: "29" } });
  const quotas = mockClient(ServiceQuotasClient);
  quotas.on(GetServiceQuotaCommand).resolves({ Quota: { Value: 2 } });
  const connect = mockClient(ConnectClient);
  connect
    .on(ListInstancesCommand)
    .resolves({
      InstanceSummaryList: target.hubs.map((h) => ({
        Id: `id-${h.id}`,
        Arn: instanceArn(h.id),
        InstanceAlias: h.instanceAlias,
      })),
    })
    .on(ListContactFlowsCommand)
    .resolves({
      ContactFlowSummaryList: tenants.map((t) => ({
        Id: `flow-${t.code}`,
        Name: tenantNames(t).inboundFlow,
      })),
    })
    .on(ListFlowAssociationsCommand)
    .resolves({ FlowAssociationSummaryList: [] })
    .on(DescribePhoneNumberCommand)
    .callsFake(({ PhoneNumberId }) => {
      const tenant = tenants.find((t) => t.phone.numberArn?.endsWith(`/${PhoneNumberId}`));
      if (!tenant) return {};
      return {
        ClaimedPhoneNumberSummary: {
          PhoneNumberId,
          PhoneNumberArn: tenant.phone.numberArn,
          PhoneNumber: tenant.phone.did,
          TargetArn: instanceArn(tenant.hub.id),
          InstanceId: `id-${tenant.hub.id}`,
          PhoneNumberStatus: { Status: "CLAIMED" },
        },
      };
    })
    .on(ListPhoneNumbersV2Command)
    .callsFake(({ TargetArn, PhoneNumberPrefix }) => ({
      ListPhoneNumbersSummaryList: [
        {
          PhoneNumberId: `number-${PhoneNumberPrefix}`,
          PhoneNumberArn: `arn:aws:connect:ap-southeast-1:${ACCOUNT}:phone-number/number-${PhoneNumberPrefix}`,
          PhoneNumber: PhoneNumberPrefix,
          TargetArn,
        },
      ],
    }));
  const sns = mockClient(SNSClient);
  sns
    .on(GetSMSSandboxAccountStatusCommand)
    .resolves({ IsInSandbox: false })
    .on(GetSMSAttributesCommand)
    .resolves({
      attributes: { MonthlySpendLimit: "300", DefaultSMSType: "Transactional", DefaultSenderID: "SIAGA112" },
    })
    .on(ListSubscriptionsByTopicCommand)
    .callsFake(({ TopicArn }) => ({
      Subscriptions: (target.agencyTopics.find((t) => t.topicArn === TopicArn)?.emails ?? []).map((e, i) => ({
        SubscriptionArn: `${TopicArn}:mail-${i}`,
        Protocol: "email",
        Endpoint: e.address,
        TopicArn,
      })),
    }))
    .on(GetSubscriptionAttributesCommand)
    .resolves({ Attributes: { ConfirmationWasAuthenticated: "true" } });
  const smsVoice = mockClient(PinpointSMSVoiceV2Client);
  smsVoice.on(DescribeSenderIdsCommand).resolves({
    SenderIds: [
      {
        SenderIdArn: `arn:aws:sms-voice:ap-southeast-3:${ACCOUNT}:sender-id/SIAGA112/ID`,
        SenderId: "SIAGA112",
        IsoCountryCode: "ID",
        MessageTypes: ["TRANSACTIONAL"],
        MonthlyLeasingPrice: "0.00",
        DeletionProtectionEnabled: false,
        Registered: true,
      },
    ],
  });
  return { sts, account, ssm, quotas, connect, sns, smsVoice };
}

describe("siaga112 preflight", () => {
  let mocks: Partial<ReturnType<typeof readyAccount>> = {};
  afterEach(() => {
    for (const mock of Object.values(mocks)) mock.restore();
    mocks = {};
  });

  it("documents every check, its SDK calls and an example in --help", () => {
    const help: string[] = [];
    const preflight = buildProgram().commands.find((c) => c.name() === "preflight")!;
    preflight.configureOutput({ writeOut: (text) => void help.push(text) });
    preflight.outputHelp();
    const text = help.join("");
    expect(text).toContain("$ siaga112 preflight --profile");
    for (const check of PREFLIGHT_CHECKS) {
      expect(text).toContain(`  ${check.id}\n`);
      expect(text).toContain(check.calls[0]);
    }
    expect(text).toContain("cannot be checked by an API");
  });

  it("passes a ready account: every check passes but the allow-list, which no API shows", async () => {
    mocks = readyAccount();
    const { out, code } = await siaga112("preflight");
    expect(code).toBe(0);
    const statuses = out
      .split("\n")
      .filter((l) => /^(PASS|WARN|FAIL|UNKNOWN) /.test(l))
      .map((l) => l.split(/\s+/).slice(0, 2).join(" "));
    expect(new Set(statuses)).toEqual(
      new Set([
        "PASS account",
        "PASS region-enabled",
        "PASS cdk-bootstrap",
        "PASS connect-instance-quota",
        "PASS hub-phone-numbers",
        "UNKNOWN outbound-allow-list",
        "PASS sms-sandbox",
        "PASS sms-spend-limit",
        "PASS sms-type",
        "PASS sms-sender-id",
        "PASS email-confirmations",
      ]),
    );
    expect(out).toContain("0 fail");
  });

  it("exits 1 and says what to do when the account is still in the SMS sandbox", async () => {
    const account = readyAccount();
    mocks = account;
    account.sns.on(GetSMSSandboxAccountStatusCommand).resolves({ IsInSandbox: true });
    const { out, code } = await siaga112("preflight", "--only", "sms-sandbox");
    expect(code).toBe(1);
    expect(out).toMatch(/^FAIL +sms-sandbox +ap-southeast-3 +in the SMS sandbox/m);
    expect(out).toContain("do: request production access");
    expect(out).not.toContain("region-enabled");
  });

  it("prints JSON with --json", async () => {
    mocks = readyAccount();
    const { out } = await siaga112("preflight", "--only", "sms-type", "--json");
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({ check: "account", status: "pass" }),
      {
        check: "sms-type",
        subject: "ap-southeast-3",
        status: "pass",
        detail: "DefaultSMSType Transactional",
      },
    ]);
  });

  it("rejects an unknown check id, listing the known ones", async () => {
    const { err, code } = await siaga112("preflight", "--only", "sms-sandbx");
    expect(code).toBe(1);
    expect(err).toContain('--only "sms-sandbx": unknown check sms-sandbx; checks: region-enabled');
  });
});
