/**
 * The acknowledgement-link signing secret from Secrets Manager, cached for a few minutes so a
 * rotation takes effect without a redeploy.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { Clock, SigningSecret } from "./ports";

export const SECRET_CACHE_MILLIS = 5 * 60_000;

/**
 * @example
 * const secret = secretsManagerSigningSecret(new SecretsManagerClient({}), process.env.ACK_SECRET_ARN!, Date);
 */
export function secretsManagerSigningSecret(
  client: Pick<SecretsManagerClient, "send">,
  secretId: string,
  clock: Clock,
): SigningSecret {
  let cached: { value: string; until: number } | undefined;
  return {
    async get() {
      if (cached && cached.until > clock.now()) return cached.value;
      const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      if (!SecretString || SecretString.length < 32) {
        throw new Error(`secret ${secretId}: SecretString missing or shorter than 32 characters`);
      }
      cached = { value: SecretString, until: clock.now() + SECRET_CACHE_MILLIS };
      return SecretString;
    },
  };
}
