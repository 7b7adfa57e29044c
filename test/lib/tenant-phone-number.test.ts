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

  it("claims any number of a country and type: never a full number as Prefix", () => {
    const s = stack();
    new TenantPhoneNumber(s, "N", { ...base, claim: { countryCode: "SG", type: "DID" } });
    const template = Template.fromStack(s);
    const numbers = Object.values(template.findResources("AWS::Connect::PhoneNumber"));
    expect(numbers.map((n) => n.Properties)).toEqual([
      {
        TargetArn: base.instanceArn,
        CountryCode: "SG",
        Type: "DID",
        Description: "siaga112 112 line of 71.71",
      },
    ]);
    template.resourceCountIs("Custom::PhoneNumberContactFlow", 1);
  });

  it("needs exactly one of numberArn and claim", () => {
    expect(() => new TenantPhoneNumber(stack(), "N", base)).toThrow(/give exactly one/);
    expect(
      () =>
        new TenantPhoneNumber(stack(), "N", {
          ...base,
          numberArn: "arn:aws:connect:ap-southeast-1:111111111111:phone-number/p-1",
          claim: { countryCode: "SG", type: "DID" },
        }),
    ).toThrow(/give exactly one/);
  });

  it("names a country code that is not ISO 3166-1 alpha-2", () => {
    expect(
      () => new TenantPhoneNumber(stack(), "N", { ...base, claim: { countryCode: "+65", type: "DID" } }),
    ).toThrow(
      'TenantPhoneNumber props.claim.countryCode "+65": expected an ISO 3166-1 alpha-2 code, e.g. SG',
    );
  });
});
