import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { ConnectInstance } from "../../lib/connect-instance";

describe("ConnectInstance", () => {
  it("can run without contact flow logs, and then creates no log group", () => {
    const stack = new Stack(new App(), "S");
    new ConnectInstance(stack, "C", { instanceAlias: "siaga112-jawa-1", contactFlowLogs: false });
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::Logs::LogGroup", 0);
    template.resourceCountIs("Custom::ConnectFlowLogGroup", 0);
    template.hasResourceProperties("AWS::Connect::Instance", { Attributes: { ContactflowLogs: false } });
  });

  it("names an alias Connect would refuse", () => {
    expect(() => new ConnectInstance(new Stack(new App(), "S"), "C", { instanceAlias: "-jawa" })).toThrow(
      'ConnectInstance props.instanceAlias "-jawa"',
    );
  });
});
