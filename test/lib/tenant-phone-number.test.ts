import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { TenantPhoneNumber } from "../../lib/tenant-phone-number";

const base = {
  instanceArn: "arn:aws:connect:ap-southeast-1:111111111111:instance/i-1",
  instanceId: "i-1",
  inboundFlowArn: "arn:aws:connect:ap-southeast-1:111111111111:instance/i-1/contact-flow/f-1",
  tenantCode: "71.71",
};
const stack = () => new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-1" } });

describe("TenantPhoneNumber", () => {
  it("uses a number already claimed without claiming another", () => {
    const s = stack();
    new TenantPhoneNumber(s, "N", {
      ...base,
      numberArn: "arn:aws:connect:ap-southeast-1:111111111111:phone-number/p-1",
    });
    const template = Template.fromStack(s);
    template.resourceCountIs("AWS::Connect::PhoneNumber", 0);
    template.resourceCountIs("Custom::PhoneNumberContactFlow", 1);
  });

  it("needs exactly one of did and numberArn", () => {
    expect(() => new TenantPhoneNumber(stack(), "N", base)).toThrow(/give exactly one/);
  });

  it("names a DID that is not Indonesian E.164", () => {
    expect(() => new TenantPhoneNumber(stack(), "N", { ...base, did: "0431-860112" })).toThrow(
      'TenantPhoneNumber props.did "0431-860112": expected an Indonesian E.164 number',
    );
  });
});
