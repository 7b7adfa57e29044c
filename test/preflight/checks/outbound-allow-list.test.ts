import { AccessDeniedException, ListInstancesCommand } from "@aws-sdk/client-connect";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { outboundAllowList } from "../../../preflight/checks/outbound-allow-list";
import { CONNECT_REGION, preflightTargetFixture } from "../../support/preflight-target";

const INSTANCE_ARN = `arn:aws:connect:${CONNECT_REGION}:111111111111:instance/6d2b1c7e`;

describe("outbound-allow-list", () => {
  it("never passes: no API shows the allow-list, so it prints the support case with the instance ARN", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION))
      .on(ListInstancesCommand)
      .resolves({
        InstanceSummaryList: [{ Id: "6d2b1c7e", Arn: INSTANCE_ARN, InstanceAlias: "siaga112-timur-1" }],
      });
    const [result] = await outboundAllowList.run(preflightTargetFixture(), aws);
    expect(result).toMatchObject({ status: "unknown", subject: "hub timur-1" });
    expect(result.detail).toContain("cannot be checked by an API");
    expect(result.fix).toContain('Category "Country Allowlisting for Outbound Calls"');
    expect(result.fix).toContain(`Indonesia (ID, +62) for ${INSTANCE_ARN}`);
  });

  it("names the instance by alias when it cannot list instances", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION))
      .on(ListInstancesCommand)
      .rejects(new AccessDeniedException({ message: "denied", $metadata: {} }));
    const [result] = await outboundAllowList.run(preflightTargetFixture(), aws);
    expect(result.fix).toContain("instance siaga112-timur-1 in ap-southeast-1");
  });
});
