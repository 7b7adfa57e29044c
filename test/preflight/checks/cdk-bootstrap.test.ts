import { GetParameterCommand, ParameterNotFound } from "@aws-sdk/client-ssm";
import { DefaultStackSynthesizer } from "aws-cdk-lib";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../../preflight/aws-clients";
import { BOOTSTRAP_VERSION_PARAMETER, cdkBootstrap } from "../../../preflight/checks/cdk-bootstrap";
import { preflightTargetFixture } from "../../support/preflight-target";

const bootstrapped = (version: string) => ({
  Parameter: { Name: BOOTSTRAP_VERSION_PARAMETER, Type: "String" as const, Value: version, Version: 1 },
});

describe("cdk-bootstrap", () => {
  it("reads the CDK's own bootstrap-version parameter", () => {
    expect(BOOTSTRAP_VERSION_PARAMETER).toBe("/cdk-bootstrap/hnb659fds/version");
    expect(BOOTSTRAP_VERSION_PARAMETER).toBe(
      DefaultStackSynthesizer.DEFAULT_BOOTSTRAP_STACK_VERSION_SSM_PARAMETER.replace(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the CDK's own placeholder
        "${Qualifier}",
        DefaultStackSynthesizer.DEFAULT_QUALIFIER,
      ),
    );
  });

  it("passes both Regions when each has a bootstrap version of 6 or later", async () => {
    const aws = sdkClients();
    const singapore = mockClient(aws.ssm("ap-southeast-1"));
    singapore.on(GetParameterCommand).resolves(bootstrapped("29"));
    mockClient(aws.ssm("ap-southeast-3")).on(GetParameterCommand).resolves(bootstrapped("29"));
    const results = await cdkBootstrap.run(preflightTargetFixture(), aws);
    expect(results.map((r) => r.status)).toEqual(["pass", "pass"]);
    expect(singapore.commandCalls(GetParameterCommand)[0].args[0].input).toEqual({
      Name: "/cdk-bootstrap/hnb659fds/version",
    });
  });

  it("fails a Region that was never bootstrapped, with the bootstrap command for it", async () => {
    const aws = sdkClients();
    mockClient(aws.ssm("ap-southeast-1")).on(GetParameterCommand).resolves(bootstrapped("29"));
    mockClient(aws.ssm("ap-southeast-3"))
      .on(GetParameterCommand)
      .rejects(new ParameterNotFound({ message: "", $metadata: {} }));
    const [, jakarta] = await cdkBootstrap.run(preflightTargetFixture(), aws);
    expect(jakarta).toMatchObject({ status: "fail", subject: "ap-southeast-3" });
    expect(jakarta.fix).toContain("npx cdk bootstrap aws://111111111111/ap-southeast-3");
  });

  it("fails a bootstrap older than the templates require", async () => {
    const aws = sdkClients();
    mockClient(aws.ssm("ap-southeast-3")).on(GetParameterCommand).resolves(bootstrapped("5"));
    const [jakarta] = await cdkBootstrap.run(preflightTargetFixture({ regions: ["ap-southeast-3"] }), aws);
    expect(jakarta.status).toBe("fail");
    expect(jakarta.detail).toContain('"5" is older than 6');
  });

  it("points at the Region's opt-in status when the Region refuses the credentials", async () => {
    const aws = sdkClients();
    const refused = Object.assign(new Error("The security token included in the request is invalid."), {
      name: "UnrecognizedClientException",
    });
    mockClient(aws.ssm("ap-southeast-3")).on(GetParameterCommand).rejects(refused);
    const [jakarta] = await cdkBootstrap.run(preflightTargetFixture({ regions: ["ap-southeast-3"] }), aws);
    expect(jakarta.status).toBe("unknown");
    expect(jakarta.fix).toContain("Region ap-southeast-3 is enabled");
  });
});
