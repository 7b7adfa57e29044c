import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { snsCallerSms } from "../../../lambdas/shared/aws-caller-sms";

const sns = mockClient(SNSClient);
afterEach(() => sns.reset());

const message = {
  incidentId: "c0ffee",
  to: "+6281234567890",
  text: "112 Kota Manado: petugas meminta lokasi Anda untuk insiden #K7Q2XM. Buka (berlaku 60 menit): https://x/l/T",
};

describe("the SNS SMS to a caller", () => {
  it("publishes straight to the phone number, Transactional, from the tenant's sender ID", async () => {
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
    await snsCallerSms(new SNSClient({ region: "ap-southeast-3" }), "SIAGA112").send(message);
    expect(sns.commandCalls(PublishCommand).map((call) => call.args[0].input)).toEqual([
      {
        PhoneNumber: "+6281234567890",
        Message: message.text,
        MessageAttributes: {
          "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
          "AWS.SNS.SMS.SenderID": { DataType: "String", StringValue: "SIAGA112" },
        },
      },
    ]);
  });

  it("leaves the sender ID to the account's default when the tenant names none, and never a topic", async () => {
    sns.on(PublishCommand).resolves({ MessageId: "m-2" });
    await snsCallerSms(new SNSClient({ region: "ap-southeast-3" })).send(message);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(Object.keys(input.MessageAttributes ?? {})).toEqual(["AWS.SNS.SMS.SMSType"]);
    expect(input.TopicArn).toBeUndefined();
    expect(input.TargetArn).toBeUndefined();
  });

  it("lets a refusal of SNS surface (the request is then not counted)", async () => {
    sns.on(PublishCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottledException" }));
    await expect(snsCallerSms(new SNSClient({ region: "ap-southeast-3" })).send(message)).rejects.toThrow(
      "Rate exceeded",
    );
  });
});
