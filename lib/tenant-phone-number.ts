/**
 * The tenant's DID in its hub's instance, pointed at the inbound flow. CloudFormation has no
 * property for that association, so a custom resource calls `AssociatePhoneNumberContactFlow`
 * (and `DisassociatePhoneNumberContactFlow` when the stack is deleted).
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
  /** The DID to claim (E.164), e.g. `+62431860112`. Give this or `numberArn`. */
  readonly did?: string;
  /** A number already claimed in the instance. */
  readonly numberArn?: string;
  /** Tenant code, for the description. */
  readonly tenantCode: string;
}

/**
 * @example
 * new TenantPhoneNumber(this, "Number", { instanceArn, instanceId, inboundFlowArn, did: "+62431860112", tenantCode: "71.71" });
 */
export class TenantPhoneNumber extends Construct {
  /** ARN of the tenant's number. */
  readonly numberArn: string;
  readonly association: cr.AwsCustomResource;

  constructor(scope: Construct, id: string, props: TenantPhoneNumberProps) {
    super(scope, id);
    if (!props.did === !props.numberArn) {
      throw new Error(
        `TenantPhoneNumber props.did "${props.did ?? ""}" / props.numberArn "${props.numberArn ?? ""}": give exactly one`,
      );
    }
    if (props.did && !/^\+62\d{6,13}$/.test(props.did)) {
      throw new Error(
        `TenantPhoneNumber props.did "${props.did}": expected an Indonesian E.164 number, e.g. +62431860112`,
      );
    }
    if (props.did) {
      const number = new connect.CfnPhoneNumber(this, "Number", {
        targetArn: props.instanceArn,
        countryCode: "ID",
        type: "DID",
        prefix: props.did,
        description: `siaga112 112 line of ${props.tenantCode}`,
      });
      this.numberArn = number.attrPhoneNumberArn;
    } else {
      this.numberArn = props.numberArn!;
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
