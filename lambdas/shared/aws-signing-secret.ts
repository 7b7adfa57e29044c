/**
 * The link signing secret from Secrets Manager: the `AWSCURRENT` version (signs and checks) and
 * the `AWSPREVIOUS` one (checks links signed before the last rotation, until they expire), cached
 * for a few minutes so a rotation takes effect without a redeploy.
 * `PutSecretValue` moves `AWSCURRENT` to the new version and `AWSPREVIOUS` to the one it replaced;
 * `GetSecretValue` reads a version by its staging label (`VersionStage`) and returns the version's
 * `CreatedDate`, which is when the rotation happened:
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/whats-in-a-secret.html (versions and staging labels)
 */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { SigningKeys } from "../../domain/signing-keys";
import { ENV } from "./environment";
import type { Clock, SigningSecret } from "./ports";
import { requireEnv } from "./table-client";

export const SECRET_CACHE_MILLIS = 5 * 60_000;
/** A signing secret shorter than this is refused. */
const MIN_LENGTH = 32;

/**
 * @example
 * const secret = secretsManagerSigningSecret(new SecretsManagerClient({}), process.env.ACK_SECRET_ARN!, Date);
 * const { current, previous } = await secret.get();
 */
export function secretsManagerSigningSecret(
  client: Pick<SecretsManagerClient, "send">,
  secretId: string,
  clock: Clock,
): SigningSecret {
  let cached: { keys: SigningKeys; until: number } | undefined;
  const read = async (stage: "AWSCURRENT" | "AWSPREVIOUS") => {
    const { SecretString, CreatedDate } = await client.send(
      new GetSecretValueCommand(
        stage === "AWSCURRENT" ? { SecretId: secretId } : { SecretId: secretId, VersionStage: stage },
      ),
    );
    if (!SecretString || SecretString.length < MIN_LENGTH) {
      throw new Error(
        `secret ${secretId} (${stage}): SecretString missing or shorter than ${MIN_LENGTH} characters`,
      );
    }
    return { value: SecretString, createdAt: CreatedDate };
  };
  const previous = () =>
    read("AWSPREVIOUS").catch((error: unknown) => {
      // Never rotated (no AWSPREVIOUS version), or its label was removed to revoke old links.
      if ((error as { name?: string } | null)?.name === "ResourceNotFoundException") return undefined;
      throw error;
    });
  return {
    async get() {
      if (cached && cached.until > clock.now()) return cached.keys;
      const [current, before] = await Promise.all([read("AWSCURRENT"), previous()]);
      const keys: SigningKeys = {
        current: current.value,
        ...(before ? { previous: before.value } : {}),
        ...(current.createdAt ? { currentSince: Math.floor(current.createdAt.getTime() / 1000) } : {}),
      };
      cached = { keys, until: clock.now() + SECRET_CACHE_MILLIS };
      return keys;
    },
  };
}

/**
 * The tenant's link signing secret named by the function's environment (`ENV.ackSecretArn`).
 *
 * @example
 * const secret = signingSecretFromEnv();
 */
export function signingSecretFromEnv(): SigningSecret {
  return secretsManagerSigningSecret(new SecretsManagerClient({}), requireEnv(ENV.ackSecretArn), Date);
}
