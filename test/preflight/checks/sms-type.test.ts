import { GetSMSAttributesCommand } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { smsType } from "../../../preflight/checks/sms-type";
import { DATA_REGION, preflightTargetFixture } from "../../support/preflight-target";

describe("sms-type", () => {
  it("passes Transactional", async () => {
    const aws = sdkClients();
    mockClient(aws.sns(DATA_REGION))
      .on(GetSMSAttributesCommand)
      .resolves({ attributes: { DefaultSMSType: "Transactional" } });
    const [result] = await smsType.run(preflightTargetFixture(), aws);
    expect(result.status).toBe("pass");
  });

  it("warns on Promotional with the command that sets Transactional", async () => {
    const aws = sdkClients();
    mockClient(aws.sns(DATA_REGION))
      .on(GetSMSAttributesCommand)
      .resolves({ attributes: { DefaultSMSType: "Promotional" } });
    const [result] = await smsType.run(preflightTargetFixture(), aws);
    expect(result.status).toBe("warn");
    expect(result.fix).toContain("DefaultSMSType=Transactional");
  });
});
