import { AccessDeniedException, ListInstancesCommand } from "@aws-sdk/client-connect";
import { GetServiceQuotaCommand, NoSuchResourceException } from "@aws-sdk/client-service-quotas";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { connectInstanceQuota } from "../../../preflight/checks/connect-instance-quota";
import { CONNECT_REGION, HUB, preflightTargetFixture } from "../../support/preflight-target";

const instance = (alias: string) => ({
  Id: `id-${alias}`,
  Arn: `arn:aws:connect:ap-southeast-1:111111111111:instance/id-${alias}`,
  InstanceAlias: alias,
  InstanceStatus: "ACTIVE" as const,
});
const quota = (value: number) => ({
  Quota: {
    ServiceCode: "connect",
    QuotaCode: "L-AA17A6B9",
    QuotaName: "Amazon Connect instances per account",
    Value: value,
  },
});
const twoHubs = preflightTargetFixture({
  hubs: [HUB, { id: "jawa-1", connectRegion: CONNECT_REGION, instanceAlias: "siaga112-jawa-1" }],
});

describe("connect-instance-quota", () => {
  it("passes when the existing instances and the hubs still to create fit the quota", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION))
      .on(ListInstancesCommand)
      .resolves({ InstanceSummaryList: [instance("siaga112-timur-1")] });
    const quotas = mockClient(aws.serviceQuotas(CONNECT_REGION));
    quotas.on(GetServiceQuotaCommand).resolves(quota(2));
    const [singapore] = await connectInstanceQuota.run(twoHubs, aws);
    expect(singapore).toMatchObject({ status: "pass", subject: CONNECT_REGION });
    expect(singapore.detail).toContain("1 hub(s) still to create (jawa-1): 2 needed, quota 2");
    expect(quotas.commandCalls(GetServiceQuotaCommand)[0].args[0].input).toEqual({
      ServiceCode: "connect",
      QuotaCode: "L-AA17A6B9",
    });
  });

  it("fails when other instances leave no room for the hubs, with the increase request", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION))
      .on(ListInstancesCommand)
      .resolves({ InstanceSummaryList: [instance("call-centre-lama"), instance("uji-coba")] });
    mockClient(aws.serviceQuotas(CONNECT_REGION)).on(GetServiceQuotaCommand).resolves(quota(2));
    const [singapore] = await connectInstanceQuota.run(twoHubs, aws);
    expect(singapore.status).toBe("fail");
    expect(singapore.detail).toContain("4 needed, quota 2");
    expect(singapore.fix).toContain("--quota-code L-AA17A6B9 --desired-value 4");
  });

  it("falls back to the documented default of 2 when Service Quotas has no value", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION))
      .on(ListInstancesCommand)
      .resolves({ InstanceSummaryList: [instance("a"), instance("b")] });
    mockClient(aws.serviceQuotas(CONNECT_REGION))
      .on(GetServiceQuotaCommand)
      .rejects(new NoSuchResourceException({ message: "", $metadata: {} }));
    const [singapore] = await connectInstanceQuota.run(preflightTargetFixture(), aws);
    expect(singapore.status).toBe("fail");
    expect(singapore.detail).toContain("3 needed, quota 2 (Service Quotas has no value");
  });

  it("reports a denied ListInstances as unknown", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION))
      .on(ListInstancesCommand)
      .rejects(new AccessDeniedException({ message: "denied", $metadata: {} }));
    const [singapore] = await connectInstanceQuota.run(preflightTargetFixture(), aws);
    expect(singapore).toMatchObject({
      status: "unknown",
      detail: "connect:ListInstances was denied (AccessDeniedException)",
    });
  });
});
