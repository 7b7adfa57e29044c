import { GetSMSAttributesCommand } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { smsSpendLimit } from "../../../preflight/checks/sms-spend-limit";
import { DATA_REGION, preflightTargetFixture } from "../../support/preflight-target";

async function withAttributes(attributes: Record<string, string>, minSmsSpendUsd = 1.01) {
  const aws = sdkClients();
  const sns = mockClient(aws.sns(DATA_REGION));
  sns.on(GetSMSAttributesCommand).resolves({ attributes });
  const [result] = await smsSpendLimit.run(preflightTargetFixture({ minSmsSpendUsd }), aws);
  return { result, sns };
}

describe("sms-spend-limit", () => {
  it("passes a raised limit, asking SNS for the SMS attributes", async () => {
    const { result, sns } = await withAttributes({ MonthlySpendLimit: "500" });
    expect(result).toMatchObject({ status: "pass", detail: "MonthlySpendLimit 500 USD" });
    expect(sns.commandCalls(GetSMSAttributesCommand)[0].args[0].input.attributes).toContain(
      "MonthlySpendLimit",
    );
  });

  it("fails the 1 USD a new account starts with", async () => {
    const { result } = await withAttributes({ MonthlySpendLimit: "1" });
    expect(result.status).toBe("fail");
    expect(result.fix).toContain("aws sns set-sms-attributes --region ap-southeast-3");
  });

  it("fails a limit below --min-sms-spend", async () => {
    const { result } = await withAttributes({ MonthlySpendLimit: "500" }, 1000);
    expect(result).toMatchObject({ status: "fail" });
    expect(result.detail).toContain("below 1000 USD");
  });

  it("fails when SNS returns no limit at all", async () => {
    const { result } = await withAttributes({});
    expect(result.detail).toContain("not set");
    expect(result.status).toBe("fail");
  });
});
