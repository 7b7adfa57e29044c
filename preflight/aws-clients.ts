/**
 * The SDK clients preflight reads the account with, one per service and Region, created on first
 * use. Credentials come from the SDK's default chain, or from `--profile`.
 */
import { AccountClient } from "@aws-sdk/client-account";
import { ConnectClient } from "@aws-sdk/client-connect";
import { PinpointSMSVoiceV2Client } from "@aws-sdk/client-pinpoint-sms-voice-v2";
import { ServiceQuotasClient } from "@aws-sdk/client-service-quotas";
import { SNSClient } from "@aws-sdk/client-sns";
import { SSMClient } from "@aws-sdk/client-ssm";
import { STSClient } from "@aws-sdk/client-sts";

/** Checks only call `send`; tests mock these same clients with aws-sdk-client-mock. */
export interface AwsClients {
  sts(): STSClient;
  /** Account Management is a global API (its endpoint is in the partition's global Region). */
  account(): AccountClient;
  ssm(region: string): SSMClient;
  connect(region: string): ConnectClient;
  serviceQuotas(region: string): ServiceQuotasClient;
  sns(region: string): SNSClient;
  /** AWS End User Messaging SMS (the `pinpoint-sms-voice-v2` API), which SNS sends SMS through. */
  smsVoice(region: string): PinpointSMSVoiceV2Client;
}

/**
 * Real clients on the default credential chain (or a named profile).
 *
 * @example
 * const aws = sdkClients({ profile: "siaga112-prod" });
 * await aws.sns("ap-southeast-3").send(new GetSMSSandboxAccountStatusCommand({}));
 */
export function sdkClients(options: { readonly profile?: string } = {}): AwsClients {
  const made = new Map<string, { send: unknown }>();
  const once = <C extends { send: unknown }>(key: string, make: () => C): C => {
    if (!made.has(key)) made.set(key, make());
    return made.get(key) as C;
  };
  const config = (region: string) => ({ region, profile: options.profile });
  return {
    sts: () => once("sts", () => new STSClient(config("us-east-1"))),
    // The SDK's endpoint rules send Account Management calls to the partition's global Region.
    account: () => once("account", () => new AccountClient(config("us-east-1"))),
    ssm: (region) => once(`ssm:${region}`, () => new SSMClient(config(region))),
    connect: (region) => once(`connect:${region}`, () => new ConnectClient(config(region))),
    serviceQuotas: (region) => once(`quotas:${region}`, () => new ServiceQuotasClient(config(region))),
    sns: (region) => once(`sns:${region}`, () => new SNSClient(config(region))),
    smsVoice: (region) => once(`sms-voice:${region}`, () => new PinpointSMSVoiceV2Client(config(region))),
  };
}
