/**
 * Each tenant's 112 number is in its hub's Connect instance, claimed, and either free or
 * associated with the tenant's own inbound flow (never with another flow: that number would ring
 * someone else's queue).
 *
 * Connect never hands out one specific number, and Indonesian numbers are added to an instance
 * through an AWS Support case with documents; porting them is not supported.
 * https://docs.aws.amazon.com/connect/latest/adminguide/number-request.html
 * https://docs.aws.amazon.com/connect/latest/adminguide/phone-number-requirements.html
 * The flow a number is associated with: ListFlowAssociations with ResourceType VOICE_PHONE_NUMBER.
 * https://docs.aws.amazon.com/connect/latest/APIReference/API_ListFlowAssociations.html
 */
import {
  type ConnectClient,
  type ContactFlowSummary,
  DescribePhoneNumberCommand,
  type FlowAssociationSummary,
  type InstanceSummary,
  ListContactFlowsCommand,
  ListFlowAssociationsCommand,
  ListPhoneNumbersV2Command,
} from "@aws-sdk/client-connect";
import { stackNames } from "../../domain/naming";
import { cannotCheck, errorName } from "../aws-errors";
import { type CheckResult, type PreflightCheck, resultsOf } from "../check";
import { connectInstances } from "../connect-instances";
import { allPages } from "../pages";
import type { PhoneNumberExpectation } from "../target";

const ID = "hub-phone-numbers";
const result = resultsOf(ID);

type Connect = Pick<ConnectClient, "send">;

interface ClaimedNumber {
  readonly id: string;
  readonly arn: string;
  readonly e164?: string;
  readonly targetArn?: string;
  readonly status?: string;
  readonly statusMessage?: string;
}

/** What the instance knows: its flows by name and its numbers' flow associations. */
interface InstanceView {
  readonly instance: Required<Pick<InstanceSummary, "Id" | "Arn" | "InstanceAlias">>;
  readonly flows: readonly ContactFlowSummary[];
  readonly associations: readonly FlowAssociationSummary[];
}

export const hubPhoneNumbers: PreflightCheck = {
  id: ID,
  title: "each tenant's 112 number is claimed in its hub's instance, free or on the tenant's inbound flow",
  calls: [
    "connect:ListInstances",
    "connect:ListContactFlows",
    "connect:ListFlowAssociations",
    "connect:DescribePhoneNumber",
    "connect:ListPhoneNumbersV2",
  ],
  source: "https://docs.aws.amazon.com/connect/latest/adminguide/number-request.html",
  run: (target, aws) => checkPhoneNumbers(target.phoneNumbers, (region) => aws.connect(region)),
};

/**
 * The number check on its own, over any list of expectations (the tenant file's phone model is
 * turned into this list by `phoneNumberExpectations`).
 *
 * @example
 * await checkPhoneNumbers([{ tenantCode: "71.71", hub, e164: "+62431860112", inboundFlowName: "siaga112-71-71-inbound" }], (r) => new ConnectClient({ region: r }));
 */
export async function checkPhoneNumbers(
  expectations: readonly PhoneNumberExpectation[],
  connect: (region: string) => Connect,
): Promise<CheckResult[]> {
  const byHub = new Map<string, PhoneNumberExpectation[]>();
  for (const e of expectations) byHub.set(e.hub.id, [...(byHub.get(e.hub.id) ?? []), e]);
  const results = await Promise.all(
    [...byHub.values()].map(async (numbers) => {
      const client = connect(numbers[0].hub.connectRegion);
      const view = await viewOfInstance(numbers[0], client);
      if (!("instance" in view)) return numbers.map(view.resultFor);
      return Promise.all(numbers.map((expected) => checkNumber(expected, client, view)));
    }),
  );
  return results.flat();
}

const subjectOf = (e: PhoneNumberExpectation) => `${e.tenantCode} ${e.e164 ?? e.numberArn ?? "(no number)"}`;

async function viewOfInstance(
  first: PhoneNumberExpectation,
  client: Connect,
): Promise<InstanceView | { resultFor: (e: PhoneNumberExpectation) => CheckResult }> {
  const { id: hub, connectRegion: region, instanceAlias: alias } = first.hub;
  const unknown = (error: unknown, action: string) => ({
    resultFor: (e: PhoneNumberExpectation) => cannotCheck(ID, subjectOf(e), error, action, region),
  });
  let found: InstanceSummary | undefined;
  try {
    found = (await connectInstances(client)).find((i) => i.InstanceAlias === alias);
  } catch (error) {
    return unknown(error, "connect:ListInstances");
  }
  if (!found?.Id || !found.Arn) {
    return {
      resultFor: (e) =>
        result.fail(
          subjectOf(e),
          `hub ${hub} has no Connect instance "${alias}" in ${region}, so the number cannot be in it`,
          `deploy the hub first (\`npx cdk deploy -e ${stackNames.hub({ id: hub })}\`), then have the number added to its instance (docs/deploy.md)`,
        ),
    };
  }
  const instance = { Id: found.Id, Arn: found.Arn, InstanceAlias: alias };
  try {
    const flows = await allPages(async (NextToken) => {
      const page = await client.send(
        new ListContactFlowsCommand({
          InstanceId: instance.Id,
          ContactFlowTypes: ["CONTACT_FLOW"],
          NextToken,
        }),
      );
      return { items: page.ContactFlowSummaryList, next: page.NextToken };
    });
    try {
      const associations = await allPages(async (NextToken) => {
        const page = await client.send(
          new ListFlowAssociationsCommand({
            InstanceId: instance.Id,
            ResourceType: "VOICE_PHONE_NUMBER",
            NextToken,
          }),
        );
        return { items: page.FlowAssociationSummaryList, next: page.NextToken };
      });
      return { instance, flows, associations };
    } catch (error) {
      return unknown(error, "connect:ListFlowAssociations");
    }
  } catch (error) {
    return unknown(error, "connect:ListContactFlows");
  }
}

const PHONE_NUMBER_ARN = /^arn:aws[\w-]*:connect:[\w-]+:\d{12}:phone-number\/([\w-]+)$/;

async function checkNumber(
  expected: PhoneNumberExpectation,
  client: Connect,
  view: InstanceView,
): Promise<CheckResult> {
  const subject = subjectOf(expected);
  const { region, alias } = { region: expected.hub.connectRegion, alias: view.instance.InstanceAlias };
  const obtain = `Indonesian numbers come through an AWS Support case with documents (porting is not supported): ask for a number in instance ${alias}, then record what AWS added in the tenant file (docs/deploy.md)`;
  let number: ClaimedNumber | undefined;
  try {
    number = await findNumber(expected, client, view);
  } catch (error) {
    if (errorName(error) === "ResourceNotFoundException") {
      return result.fail(subject, `no such number in ${region} for this account`, obtain);
    }
    if (error instanceof MalformedArn) return result.fail(subject, error.message, error.fix);
    const action = expected.numberArn ? "connect:DescribePhoneNumber" : "connect:ListPhoneNumbersV2";
    return cannotCheck(ID, subject, error, action, region);
  }
  if (!number) return result.fail(subject, `${expected.e164} is not in instance ${alias}`, obtain);
  if (number.targetArn !== view.instance.Arn) {
    return result.fail(
      subject,
      `claimed to ${number.targetArn ?? "nothing"}, not to hub ${expected.hub.id}'s instance ${alias}`,
      "correct the tenant's hub or number in its tenant file, or move the number to the hub's instance",
    );
  }
  if (expected.e164 && number.e164 && number.e164 !== expected.e164) {
    return result.fail(
      subject,
      `the recorded ARN is number ${number.e164}, the tenant file says ${expected.e164}`,
      "make the tenant file's number and ARN name the same number",
    );
  }
  if (number.status === "IN_PROGRESS") {
    return result.warn(
      subject,
      "the claim is still IN_PROGRESS",
      "wait for it to finish; run preflight again",
    );
  }
  if (number.status === "FAILED") {
    return result.fail(
      subject,
      `the claim FAILED: ${number.statusMessage ?? "no message"}`,
      "open an AWS Support case about the number",
    );
  }
  return flowVerdict(expected, number, view);
}

class MalformedArn extends Error {
  readonly fix = "record the ARN as Connect shows it: arn:aws:connect:<region>:<account>:phone-number/<id>";
}

async function findNumber(
  expected: PhoneNumberExpectation,
  client: Connect,
  view: InstanceView,
): Promise<ClaimedNumber | undefined> {
  if (expected.numberArn) {
    const id = PHONE_NUMBER_ARN.exec(expected.numberArn)?.[1];
    if (!id) throw new MalformedArn(`"${expected.numberArn}" is not a Connect phone-number ARN`);
    const { ClaimedPhoneNumberSummary: n } = await client.send(
      new DescribePhoneNumberCommand({ PhoneNumberId: id }),
    );
    return {
      id,
      arn: n?.PhoneNumberArn ?? expected.numberArn,
      e164: n?.PhoneNumber,
      targetArn: n?.TargetArn,
      status: n?.PhoneNumberStatus?.Status,
      statusMessage: n?.PhoneNumberStatus?.Message,
    };
  }
  if (!expected.e164) return undefined;
  const listed = await allPages(async (NextToken) => {
    const page = await client.send(
      new ListPhoneNumbersV2Command({
        TargetArn: view.instance.Arn,
        PhoneNumberPrefix: expected.e164,
        NextToken,
      }),
    );
    return { items: page.ListPhoneNumbersSummaryList, next: page.NextToken };
  });
  const n = listed.find((p) => p.PhoneNumber === expected.e164);
  if (!n?.PhoneNumberId || !n.PhoneNumberArn) return undefined;
  return { id: n.PhoneNumberId, arn: n.PhoneNumberArn, e164: n.PhoneNumber, targetArn: n.TargetArn };
}

function flowVerdict(
  expected: PhoneNumberExpectation,
  number: ClaimedNumber,
  view: InstanceView,
): CheckResult {
  const subject = subjectOf(expected);
  const alias = view.instance.InstanceAlias;
  const onNumber = view.associations.filter((a) => a.ResourceId === number.id || a.ResourceId === number.arn);
  const isFlow = (flow: ContactFlowSummary | undefined, flowId: string | undefined) =>
    flow !== undefined && (flowId === flow.Id || flowId === flow.Arn);
  if (onNumber.length === 0) {
    return result.pass(
      subject,
      `${number.arn} is in ${alias} and free (the call stack associates it with ${expected.inboundFlowName})`,
    );
  }
  const inbound = view.flows.find((f) => f.Name === expected.inboundFlowName);
  const other = onNumber.find((a) => !isFlow(inbound, a.FlowId));
  if (!other) return result.pass(subject, `${number.arn} is in ${alias}, on ${expected.inboundFlowName}`);
  const otherName = view.flows.find((f) => isFlow(f, other.FlowId))?.Name ?? other.FlowId;
  return result.fail(
    subject,
    `the number is associated with flow ${otherName}, not ${expected.inboundFlowName}`,
    "it answers another flow (another tenant's, or one set in the Connect admin website): correct the tenant file, or disassociate the number before deploying",
  );
}
