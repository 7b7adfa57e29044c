import {
  DescribeRegistrationsCommand,
  DescribeSenderIdsCommand,
  type RegistrationStatus,
} from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { GetSMSAttributesCommand } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { smsSenderId } from "../../../preflight/checks/sms-sender-id";
import { DATA_REGION, preflightTargetFixture } from "../../support/preflight-target";

const senderId = (id: string, registered: boolean) => ({
  SenderIdArn: `arn:aws:sms-voice:${DATA_REGION}:111111111111:sender-id/${id}/ID`,
  SenderId: id,
  IsoCountryCode: "ID",
  MessageTypes: ["TRANSACTIONAL" as const],
  MonthlyLeasingPrice: "0.00",
  DeletionProtectionEnabled: false,
  Registered: registered,
});
const registration = (status: RegistrationStatus) => ({
  RegistrationArn: `arn:aws:sms-voice:${DATA_REGION}:111111111111:registration/registration-1`,
  RegistrationId: "registration-1",
  RegistrationType: "ID_SENDER_ID_REGISTRATION",
  RegistrationStatus: status,
  CurrentVersionNumber: 1,
  CreatedTimestamp: new Date("2026-01-05T00:00:00Z"),
});

function account(options: {
  senderIds: ReturnType<typeof senderId>[];
  registrations?: ReturnType<typeof registration>[];
  defaultSenderId?: string;
}) {
  const aws = sdkClients();
  const smsVoice = mockClient(aws.smsVoice(DATA_REGION));
  smsVoice
    .on(DescribeSenderIdsCommand)
    .resolves({ SenderIds: options.senderIds })
    .on(DescribeRegistrationsCommand)
    .resolves({ Registrations: options.registrations ?? [] });
  mockClient(aws.sns(DATA_REGION))
    .on(GetSMSAttributesCommand)
    .resolves({ attributes: options.defaultSenderId ? { DefaultSenderID: options.defaultSenderId } : {} });
  return { run: () => smsSenderId.run(preflightTargetFixture(), aws).then(([r]) => r), smsVoice };
}

describe("sms-sender-id", () => {
  it("passes a sender ID registered for Indonesia that SNS sends with", async () => {
    const { run, smsVoice } = account({
      senderIds: [senderId("SIAGA112", true)],
      defaultSenderId: "SIAGA112",
    });
    expect(await run()).toMatchObject({ status: "pass" });
    expect(smsVoice.commandCalls(DescribeSenderIdsCommand)[0].args[0].input.Filters).toEqual([
      { Name: "iso-country-code", Values: ["ID"] },
    ]);
  });

  it("warns when the registered sender ID is not SNS's DefaultSenderID", async () => {
    const result = await account({ senderIds: [senderId("SIAGA112", true)] }).run();
    expect(result.status).toBe("warn");
    expect(result.fix).toContain("DefaultSenderID=SIAGA112");
  });

  it("fails while the Indonesian registration is still in review", async () => {
    const { run, smsVoice } = account({
      senderIds: [senderId("SIAGA112", false)],
      registrations: [registration("REVIEWING")],
    });
    const result = await run();
    expect(result).toMatchObject({ status: "fail" });
    expect(result.detail).toContain("not approved yet (registration-1 REVIEWING)");
    expect(smsVoice.commandCalls(DescribeRegistrationsCommand)[0].args[0].input.Filters).toEqual([
      { Name: "registration-type", Values: ["ID_SENDER_ID_REGISTRATION"] },
    ]);
  });

  it("fails with the registration steps when nothing was registered", async () => {
    const result = await account({ senderIds: [] }).run();
    expect(result.status).toBe("fail");
    expect(result.detail).toBe("no sender ID registered for Indonesia and no registration started");
    expect(result.fix).toContain("NPWP");
  });

  it("fails a registration sent back for updates", async () => {
    const result = await account({ senderIds: [], registrations: [registration("REQUIRES_UPDATES")] }).run();
    expect(result.status).toBe("fail");
    expect(result.detail).toContain("sent back");
  });
});
