import {
  AccessDeniedException,
  DescribePhoneNumberCommand,
  ListContactFlowsCommand,
  ListFlowAssociationsCommand,
  ListInstancesCommand,
  ListPhoneNumbersV2Command,
  ResourceNotFoundException,
} from "@aws-sdk/client-connect";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { checkPhoneNumbers } from "../../../preflight/checks/hub-phone-numbers";
import type { PhoneNumberExpectation } from "../../../preflight/target";
import { CONNECT_REGION, HUB } from "../../support/preflight-target";

const INSTANCE_ID = "6d2b1c7e-0000-4000-8000-000000000001";
const INSTANCE_ARN = `arn:aws:connect:${CONNECT_REGION}:111111111111:instance/${INSTANCE_ID}`;
const NUMBER_ID = "0f1e2d3c-0000-4000-8000-00000000a001";
const NUMBER_ARN = `arn:aws:connect:${CONNECT_REGION}:111111111111:phone-number/${NUMBER_ID}`;
const flow = (name: string, id: string) => ({
  Id: id,
  Arn: `${INSTANCE_ARN}/contact-flow/${id}`,
  Name: name,
  ContactFlowType: "CONTACT_FLOW" as const,
});
const MANADO_FLOW = flow("siaga112-71-71-inbound", "flow-manado");
const BITUNG_FLOW = flow("siaga112-71-72-inbound", "flow-bitung");
const claimed = (overrides: object = {}) => ({
  ClaimedPhoneNumberSummary: {
    PhoneNumberId: NUMBER_ID,
    PhoneNumberArn: NUMBER_ARN,
    PhoneNumber: "+62431860112",
    PhoneNumberCountryCode: "ID" as const,
    PhoneNumberType: "DID" as const,
    TargetArn: INSTANCE_ARN,
    InstanceId: INSTANCE_ID,
    PhoneNumberStatus: { Status: "CLAIMED" as const },
    ...overrides,
  },
});

const manado = (phone: Partial<PhoneNumberExpectation>): PhoneNumberExpectation => ({
  tenantCode: "71.71",
  hub: HUB,
  inboundFlowName: "siaga112-71-71-inbound",
  ...phone,
});

/** A hub instance with the Manado and Bitung inbound flows and these number-to-flow associations. */
function hubWith(associations: { ResourceId: string; FlowId: string }[] = []) {
  const aws = sdkClients();
  const connect = mockClient(aws.connect(CONNECT_REGION));
  connect
    .on(ListInstancesCommand)
    .resolves({
      InstanceSummaryList: [
        { Id: INSTANCE_ID, Arn: INSTANCE_ARN, InstanceAlias: "siaga112-timur-1", InstanceStatus: "ACTIVE" },
      ],
    })
    .on(ListContactFlowsCommand)
    .resolves({ ContactFlowSummaryList: [MANADO_FLOW, BITUNG_FLOW] })
    .on(ListFlowAssociationsCommand)
    .resolves({
      FlowAssociationSummaryList: associations.map((a) => ({
        ...a,
        ResourceType: "VOICE_PHONE_NUMBER" as const,
      })),
    });
  return { check: (e: PhoneNumberExpectation[]) => checkPhoneNumbers(e, (r) => aws.connect(r)), connect };
}

describe("hub-phone-numbers", () => {
  it("passes a recorded number ARN that is claimed in the hub's instance and free", async () => {
    const hub = hubWith();
    hub.connect.on(DescribePhoneNumberCommand, { PhoneNumberId: NUMBER_ID }).resolves(claimed());
    const [result] = await hub.check([manado({ numberArn: NUMBER_ARN })]);
    expect(result).toMatchObject({ status: "pass", subject: `71.71 ${NUMBER_ARN}` });
    expect(result.detail).toContain("free");
  });

  it("passes a number already associated with the tenant's own inbound flow", async () => {
    const hub = hubWith([{ ResourceId: NUMBER_ARN, FlowId: MANADO_FLOW.Id }]);
    hub.connect.on(DescribePhoneNumberCommand).resolves(claimed());
    const [result] = await hub.check([manado({ numberArn: NUMBER_ARN })]);
    expect(result.status).toBe("pass");
    expect(result.detail).toContain("on siaga112-71-71-inbound");
  });

  it("fails a number that answers another flow, naming that flow", async () => {
    const hub = hubWith([{ ResourceId: NUMBER_ID, FlowId: BITUNG_FLOW.Arn }]);
    hub.connect.on(DescribePhoneNumberCommand).resolves(claimed());
    const [result] = await hub.check([manado({ numberArn: NUMBER_ARN })]);
    expect(result.status).toBe("fail");
    expect(result.detail).toBe(
      "the number is associated with flow siaga112-71-72-inbound, not siaga112-71-71-inbound",
    );
  });

  it("finds a number recorded only as its DID among the instance's numbers", async () => {
    const hub = hubWith();
    hub.connect.on(ListPhoneNumbersV2Command).resolves({
      ListPhoneNumbersSummaryList: [
        {
          PhoneNumberId: NUMBER_ID,
          PhoneNumberArn: NUMBER_ARN,
          PhoneNumber: "+62431860112",
          TargetArn: INSTANCE_ARN,
        },
      ],
    });
    const [result] = await hub.check([manado({ e164: "+62431860112" })]);
    expect(result.status).toBe("pass");
    expect(hub.connect.commandCalls(ListPhoneNumbersV2Command)[0].args[0].input).toMatchObject({
      TargetArn: INSTANCE_ARN,
      PhoneNumberPrefix: "+62431860112",
    });
  });

  it("fails a DID that is not in the instance and explains the support case (no porting)", async () => {
    const hub = hubWith();
    hub.connect.on(ListPhoneNumbersV2Command).resolves({ ListPhoneNumbersSummaryList: [] });
    const [result] = await hub.check([manado({ e164: "+62431860112" })]);
    expect(result).toMatchObject({
      status: "fail",
      detail: "+62431860112 is not in instance siaga112-timur-1",
    });
    expect(result.fix).toContain("AWS Support case");
    expect(result.fix).toContain("porting is not supported");
  });

  it("fails a recorded ARN that the account does not have", async () => {
    const hub = hubWith();
    hub.connect
      .on(DescribePhoneNumberCommand)
      .rejects(new ResourceNotFoundException({ message: "Phone number not found", $metadata: {} }));
    const [result] = await hub.check([manado({ numberArn: NUMBER_ARN })]);
    expect(result).toMatchObject({
      status: "fail",
      detail: "no such number in ap-southeast-1 for this account",
    });
  });

  it("fails a number claimed to another instance", async () => {
    const hub = hubWith();
    hub.connect
      .on(DescribePhoneNumberCommand)
      .resolves(claimed({ TargetArn: `arn:aws:connect:${CONNECT_REGION}:111111111111:instance/lain` }));
    const [result] = await hub.check([manado({ numberArn: NUMBER_ARN })]);
    expect(result.status).toBe("fail");
    expect(result.detail).toContain("not to hub timur-1's instance siaga112-timur-1");
  });

  it("fails an ARN and DID that name different numbers", async () => {
    const hub = hubWith();
    hub.connect.on(DescribePhoneNumberCommand).resolves(claimed({ PhoneNumber: "+62431860999" }));
    const [result] = await hub.check([manado({ numberArn: NUMBER_ARN, e164: "+62431860112" })]);
    expect(result).toMatchObject({
      status: "fail",
      detail: "the recorded ARN is number +62431860999, the tenant file says +62431860112",
    });
  });

  it("fails a malformed ARN without calling Connect for it", async () => {
    const hub = hubWith();
    const [result] = await hub.check([manado({ numberArn: "phone-number/abc" })]);
    expect(result).toMatchObject({
      status: "fail",
      detail: '"phone-number/abc" is not a Connect phone-number ARN',
    });
    expect(hub.connect.commandCalls(DescribePhoneNumberCommand)).toHaveLength(0);
  });

  it("fails every number of a hub whose instance does not exist yet, pointing at the hub stack", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION)).on(ListInstancesCommand).resolves({ InstanceSummaryList: [] });
    const results = await checkPhoneNumbers(
      [manado({ e164: "+62431860112" }), { ...manado({ e164: "+62438000112" }), tenantCode: "71.72" }],
      (r) => aws.connect(r),
    );
    expect(results.map((r) => r.status)).toEqual(["fail", "fail"]);
    expect(results[0].fix).toContain("npx cdk deploy -e siaga112-hub-timur-1");
  });

  it("reports a denied ListFlowAssociations as unknown for the hub's numbers", async () => {
    const aws = sdkClients();
    mockClient(aws.connect(CONNECT_REGION))
      .on(ListInstancesCommand)
      .resolves({
        InstanceSummaryList: [{ Id: INSTANCE_ID, Arn: INSTANCE_ARN, InstanceAlias: "siaga112-timur-1" }],
      })
      .on(ListContactFlowsCommand)
      .resolves({ ContactFlowSummaryList: [] })
      .on(ListFlowAssociationsCommand)
      .rejects(new AccessDeniedException({ message: "denied", $metadata: {} }));
    const [result] = await checkPhoneNumbers([manado({ numberArn: NUMBER_ARN })], (r) => aws.connect(r));
    expect(result).toMatchObject({
      status: "unknown",
      detail: "connect:ListFlowAssociations was denied (AccessDeniedException)",
    });
  });
});
