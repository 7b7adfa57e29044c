/**
 * The tenant's 112 number in its hub's instance, pointed at the inbound flow.
 *
 * Connect never hands out one specific number: `AWS::Connect::PhoneNumber` claims *any* number of
 * a country and type from Connect's inventory (`TargetArn`, `CountryCode`, `Type`; `Prefix` only
 * narrows the search to numbers starting with it), and Indonesian numbers are not in that inventory
 * (they come through AWS Support). So the number is either one already in the instance
 * (`numberArn`, the normal path for Indonesia) or a claim by country and type; never a full number
 * as `Prefix`. Sources:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-connect-phonenumber.html,
 * https://docs.aws.amazon.com/connect/latest/adminguide/phone-number-requirements.html.
 *
 * CloudFormation has no property for the association with a flow, so a custom resource calls
 * `AssociatePhoneNumberContactFlow` (and `DisassociatePhoneNumberContactFlow` when the stack is
 * deleted): https://docs.aws.amazon.com/connect/latest/APIReference/API_AssociatePhoneNumberContactFlow.html
 */
import { Fn, Stack } from "aws-cdk-lib";
import * as connect from "aws-cdk-lib/aws-connect";
import * as iam from "aws-cdk-lib/aws-iam";
import * as cr from "aws-cdk-lib/custom-resources";
import { Construct } from "constructs";
import { acknowledgeCustomResourceProvider } from "./nag-acknowledgements";

export interface TenantPhoneNumberProps {
  readonly instanceArn: string;
  readonly instanceId: string;
  /** ARN of the inbound flow (`AWS::Connect::ContactFlow`). */
  readonly inboundFlowArn: string;
  /** A number already in the instance. Give this or `claim`. */
  readonly numberArn?: string;
  /** Claim any number of this ISO country code and type from Connect's inventory. */
  readonly claim?: { readonly countryCode: string; readonly type: "DID" | "TOLL_FREE" };
  /** Tenant code, for the description. */
  readonly tenantCode: string;
}

/**
 * @example
 * new TenantPhoneNumber(this, "Number", { instanceArn, instanceId, inboundFlowArn, numberArn, tenantCode: "71.71" });
 */
export class TenantPhoneNumber extends Construct {
  /** ARN of the tenant's number. */
  readonly numberArn: string;
  readonly association: cr.AwsCustomResource;

  constructor(scope: Construct, id: string, props: TenantPhoneNumberProps) {
    super(scope, id);
    if (!props.claim === !props.numberArn) {
      throw new Error(
        `TenantPhoneNumber props.numberArn "${props.numberArn ?? ""}" / props.claim ${JSON.stringify(props.claim ?? null)}: give exactly one`,
      );
    }
    if (props.claim && !/^[A-Z]{2}$/.test(props.claim.countryCode)) {
      throw new Error(
        `TenantPhoneNumber props.claim.countryCode "${props.claim.countryCode}": expected an ISO 3166-1 alpha-2 code, e.g. SG`,
      );
    }
    if (props.claim) {
      const number = new connect.CfnPhoneNumber(this, "Number", {
        targetArn: props.instanceArn,
        countryCode: props.claim.countryCode,
        type: props.claim.type,
        description: `siaga112 112 line of ${props.tenantCode}`,
      });
      this.numberArn = number.attrPhoneNumberArn;
    } else {
      this.numberArn = props.numberArn as string;
    }
    const phoneNumberId = Fn.select(1, Fn.split("phone-number/", this.numberArn));
    const contactFlowId = Fn.select(1, Fn.split("/contact-flow/", props.inboundFlowArn));
    const call = (action: string, parameters: Record<string, string>): cr.AwsSdkCall => ({
      service: "Connect",
      action,
      parameters,
      physicalResourceId: cr.PhysicalResourceId.of(`${props.tenantCode}-inbound-number`),
    });
    this.association = new cr.AwsCustomResource(this, "AssociateWithInboundFlow", {
      resourceType: "Custom::PhoneNumberContactFlow",
      onCreate: call("AssociatePhoneNumberContactFlow", {
        PhoneNumberId: phoneNumberId,
        InstanceId: props.instanceId,
        ContactFlowId: contactFlowId,
      }),
      onUpdate: call("AssociatePhoneNumberContactFlow", {
        PhoneNumberId: phoneNumberId,
        InstanceId: props.instanceId,
        ContactFlowId: contactFlowId,
      }),
      onDelete: call("DisassociatePhoneNumberContactFlow", {
        PhoneNumberId: phoneNumberId,
        InstanceId: props.instanceId,
      }),
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({
          actions: ["connect:AssociatePhoneNumberContactFlow", "connect:DisassociatePhoneNumberContactFlow"],
          resources: [this.numberArn, props.inboundFlowArn, props.instanceArn],
        }),
      ]),
      installLatestAwsSdk: false,
    });
    acknowledgeCustomResourceProvider(Stack.of(this));
  }
}
