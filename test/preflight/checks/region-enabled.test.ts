import { AccessDeniedException, GetRegionOptStatusCommand } from "@aws-sdk/client-account";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { regionEnabled } from "../../../preflight/checks/region-enabled";
import { preflightTargetFixture } from "../../support/preflight-target";

describe("region-enabled", () => {
  const target = preflightTargetFixture();

  it("passes Regions that are enabled, asking about each Region the stacks use", async () => {
    const aws = sdkClients();
    const account = mockClient(aws.account());
    account
      .on(GetRegionOptStatusCommand, { RegionName: "ap-southeast-1" })
      .resolves({ RegionName: "ap-southeast-1", RegionOptStatus: "ENABLED_BY_DEFAULT" })
      .on(GetRegionOptStatusCommand, { RegionName: "ap-southeast-3" })
      .resolves({ RegionName: "ap-southeast-3", RegionOptStatus: "ENABLED" });
    const results = await regionEnabled.run(target, aws);
    expect(results.map((r) => [r.subject, r.status])).toEqual([
      ["ap-southeast-1", "pass"],
      ["ap-southeast-3", "pass"],
    ]);
    expect(account.commandCalls(GetRegionOptStatusCommand).map((c) => c.args[0].input.RegionName)).toEqual([
      "ap-southeast-1",
      "ap-southeast-3",
    ]);
  });

  it("fails a Region that is not enabled and says how to enable it", async () => {
    const aws = sdkClients();
    mockClient(aws.account())
      .on(GetRegionOptStatusCommand)
      .resolves({ RegionName: "ap-southeast-3", RegionOptStatus: "DISABLED" });
    const [jakarta] = await regionEnabled.run(preflightTargetFixture({ regions: ["ap-southeast-3"] }), aws);
    expect(jakarta).toMatchObject({ status: "fail", subject: "ap-southeast-3" });
    expect(jakarta.fix).toContain("aws account enable-region --region-name ap-southeast-3");
  });

  it("warns while the Region is still being enabled", async () => {
    const aws = sdkClients();
    mockClient(aws.account()).on(GetRegionOptStatusCommand).resolves({ RegionOptStatus: "ENABLING" });
    const [jakarta] = await regionEnabled.run(preflightTargetFixture({ regions: ["ap-southeast-3"] }), aws);
    expect(jakarta.status).toBe("warn");
  });

  it("reports a denied call as unknown, naming the permission", async () => {
    const aws = sdkClients();
    mockClient(aws.account())
      .on(GetRegionOptStatusCommand)
      .rejects(
        new AccessDeniedException({
          message: "not authorized to perform: account:GetRegionOptStatus",
          $metadata: {},
        }),
      );
    const [jakarta] = await regionEnabled.run(preflightTargetFixture({ regions: ["ap-southeast-3"] }), aws);
    expect(jakarta).toMatchObject({
      status: "unknown",
      detail: "account:GetRegionOptStatus was denied (AccessDeniedException)",
    });
    expect(jakarta.fix).toContain("allow account:GetRegionOptStatus");
  });
});
