import { AuthorizationErrorException, GetSMSSandboxAccountStatusCommand } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { smsSandbox } from "../../../preflight/checks/sms-sandbox";
import { DATA_REGION, preflightTargetFixture } from "../../support/preflight-target";

describe("sms-sandbox", () => {
  const target = preflightTargetFixture();

  it("passes an account out of the SMS sandbox in the data Region", async () => {
    const aws = sdkClients();
    mockClient(aws.sns(DATA_REGION)).on(GetSMSSandboxAccountStatusCommand).resolves({ IsInSandbox: false });
    expect(await smsSandbox.run(target, aws)).toEqual([
      { check: "sms-sandbox", subject: DATA_REGION, status: "pass", detail: "out of the SMS sandbox" },
    ]);
  });

  it("fails an account still in the sandbox: agencies' phones are not verified numbers", async () => {
    const aws = sdkClients();
    mockClient(aws.sns(DATA_REGION)).on(GetSMSSandboxAccountStatusCommand).resolves({ IsInSandbox: true });
    const [jakarta] = await smsSandbox.run(target, aws);
    expect(jakarta.status).toBe("fail");
    expect(jakarta.fix).toContain("request production access for SMS in ap-southeast-3");
  });

  it("reports SNS's AuthorizationError as unknown", async () => {
    const aws = sdkClients();
    mockClient(aws.sns(DATA_REGION))
      .on(GetSMSSandboxAccountStatusCommand)
      .rejects(new AuthorizationErrorException({ message: "not authorized", $metadata: {} }));
    const [jakarta] = await smsSandbox.run(target, aws);
    expect(jakarta.status).toBe("unknown");
    expect(jakarta.fix).toContain("allow sns:GetSMSSandboxAccountStatus");
  });
});
