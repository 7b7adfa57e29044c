import { App, Duration, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { StaffUserPool } from "../../lib/staff-user-pool";

function template(props: ConstructorParameters<typeof StaffUserPool>[2]) {
  const stack = new Stack(new App(), "staff");
  new StaffUserPool(stack, "Staff", props);
  return Template.fromStack(stack);
}

describe("StaffUserPool", () => {
  it("lets no one sign up, requires an authenticator code and a strong password, and is kept", () => {
    const pool = template({ userPoolName: "siaga112-71-71-call-takers" });
    pool.hasResource("AWS::Cognito::UserPool", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        UserPoolName: "siaga112-71-71-call-takers",
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: "ON",
        EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
        DeletionProtection: "ACTIVE",
        UserPoolTier: "PLUS",
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
        UsernameAttributes: ["email"],
      }),
    });
  });

  it("takes the sign-in aliases and temporary password validity of its users", () => {
    const pool = template({
      userPoolName: "p",
      signInAliases: { username: true, email: true },
      tempPasswordValidity: Duration.days(3),
    });
    pool.hasResourceProperties("AWS::Cognito::UserPool", {
      AliasAttributes: ["email"],
      Policies: { PasswordPolicy: Match.objectLike({ TemporaryPasswordValidityDays: 3 }) },
    });
  });

  it("refuses a pool without a name, naming the prop", () => {
    expect(() => template({ userPoolName: "" })).toThrow(
      "StaffUserPool Staff props.userPoolName: expected a name",
    );
  });
});
