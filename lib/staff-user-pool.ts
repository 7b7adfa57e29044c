/**
 * A Cognito user pool for the people who work siaga112 (call-takers, supervisors, national
 * officers): no self sign-up, MFA by authenticator app, strong passwords, threat protection,
 * and retained with deletion protection. Callers and agencies never sign in.
 */
import { type Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";

export interface StaffUserPoolProps {
  /** Physical pool name, e.g. `siaga112-71-71-call-takers`. */
  readonly userPoolName: string;
  /** How staff sign in. @default email only */
  readonly signInAliases?: cognito.SignInAliases;
  /** How long an administrator's temporary password stays valid. @default 7 days (Cognito's) */
  readonly tempPasswordValidity?: Duration;
}

/**
 * @example
 * new StaffUserPool(this, "Officers", { userPoolName: "siaga112-national-officers" });
 */
export class StaffUserPool extends cognito.UserPool {
  constructor(scope: Construct, id: string, props: StaffUserPoolProps) {
    if (!props.userPoolName) throw new Error(`StaffUserPool ${id} props.userPoolName: expected a name`);
    super(scope, id, {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: false,
      signInAliases: props.signInAliases ?? { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: props.tempPasswordValidity,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this).acknowledge({
      id: "AwsSolutions-COG3",
      reason:
        "Threat protection is on through the PLUS feature plan (standardThreatProtectionMode FULL_FUNCTION)",
    });
  }
}
