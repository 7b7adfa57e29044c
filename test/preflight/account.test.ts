import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { identifyAccount } from "../../preflight/account";
import { sdkClients } from "../../preflight/aws-clients";
import { requireRegistry } from "../../registry/load-registry";

describe("identifyAccount", () => {
  const { platform } = requireRegistry({ dir: "tenants" });

  it("accepts credentials of the account platform.yaml names", async () => {
    const aws = sdkClients();
    mockClient(aws.sts())
      .on(GetCallerIdentityCommand)
      .resolves({ Account: "111111111111", Arn: "arn:aws:iam::111111111111:user/platform", UserId: "AIDA" });
    const { account, result } = await identifyAccount(platform, aws.sts());
    expect(account).toBe("111111111111");
    expect(result).toMatchObject({ status: "pass", subject: "account 111111111111" });
  });

  it("refuses credentials of another account, so nothing else is checked against it", async () => {
    const aws = sdkClients();
    mockClient(aws.sts()).on(GetCallerIdentityCommand).resolves({ Account: "999999999999" });
    const { account, result } = await identifyAccount(platform, aws.sts());
    expect(account).toBeUndefined();
    expect(result.status).toBe("fail");
    expect(result.detail).toBe(
      "the credentials are for account 999999999999, tenants/platform.yaml names 111111111111",
    );
  });

  it("fails without credentials, saying how to sign in", async () => {
    const aws = sdkClients();
    mockClient(aws.sts())
      .on(GetCallerIdentityCommand)
      .rejects(
        Object.assign(new Error("Could not load credentials from any providers"), {
          name: "CredentialsProviderError",
        }),
      );
    const { account, result } = await identifyAccount(platform, aws.sts());
    expect(account).toBeUndefined();
    expect(result.fix).toContain("--profile");
  });
});
