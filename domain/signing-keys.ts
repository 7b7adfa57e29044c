/**
 * The one signature scheme of the signed links siaga112 sends (acknowledgement and duty board links
 * to agencies, location links to callers): HMAC-SHA256 under the tenant's secret, cut to 72 bits
 * (checked online, bound to an expiry). Each kind of link starts its payload with its own purpose
 * (`ack1`, `board1`, `loc1`), so a token of one kind never passes for another.
 *
 * A link is signed with the current secret; after a rotation, links signed with the previous one
 * keep working until they expire (Secrets Manager keeps it under the `AWSPREVIOUS` staging label),
 * but no link the previous secret could sign later: a previous-secret link must expire within
 * `ttlSeconds` of the rotation (plus the functions' cache of the secret), so a leaked old secret
 * cannot mint long-lived links.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The secrets of a tenant, as the signing-secret port returns them. */
export interface SigningKeys {
  /** `AWSCURRENT`: signs new links. */
  readonly current: string;
  /** `AWSPREVIOUS`, when the secret was rotated: checks links signed before the rotation. */
  readonly previous?: string;
  /** Epoch seconds the current version was created (the rotation), when known. */
  readonly currentSince?: number;
}

/** Functions may go on signing with the previous secret this long after a rotation (their cache). */
export const ROTATION_GRACE_SECONDS = 15 * 60;

/**
 * The secrets a link expiring at `expiresAt` may have been signed with: the current one, and the
 * previous one while that could have signed it.
 *
 * @example
 * candidateSecrets({ current: "new", previous: "old", currentSince: 1000 }, 1000 + 3600, 72 * 3600) // ["new", "old"]
 */
export function candidateSecrets(keys: SigningKeys, expiresAt: number, ttlSeconds: number): string[] {
  const secrets = [keys.current];
  if (keys.previous !== undefined && keys.previous !== keys.current) {
    const signedBeforeRotation =
      keys.currentSince === undefined || expiresAt <= keys.currentSince + ttlSeconds + ROTATION_GRACE_SECONDS;
    if (signedBeforeRotation) secrets.push(keys.previous);
  }
  return secrets;
}

/** Bytes of a link signature (72 bits: checked online, bound to an expiry). */
export const SIGNATURE_BYTES = 9;

/**
 * The truncated HMAC-SHA256 of `payload` under `secret`.
 *
 * @example
 * linkSignature("ack1|71.71|c0ffee|damkar|2000000000", secret).length // 9
 */
export function linkSignature(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest().subarray(0, SIGNATURE_BYTES);
}

/**
 * Whether a base64url signature is the one of `payload` under any of `secrets`, in constant time
 * per secret.
 *
 * @example
 * signedByAny("Xy…", "ack1|…", ["new", "old"]) // true
 */
export function signedByAny(signature: string, payload: string, secrets: readonly string[]): boolean {
  const given = Buffer.from(signature, "base64url");
  let matched = false;
  for (const secret of secrets) {
    const expected = linkSignature(payload, secret);
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched;
}

export type LinkVerdict = "valid" | "expired" | "bad-signature";

/** What a verdict reads of a parsed token. */
export interface SignedToken {
  readonly signature: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/**
 * The verdict on a token signed over `payload`: its signature is checked against every candidate
 * secret (links of a kind live at most `ttlSeconds`), then its expiry.
 *
 * @example
 * linkVerdict(parsed, "loc1|71.71|c0ffee|2000000000", keys, 24 * 3600, Date.now() / 1000) // "valid"
 */
export function linkVerdict(
  token: SignedToken,
  payload: string,
  keys: SigningKeys,
  ttlSeconds: number,
  nowSeconds: number,
): LinkVerdict {
  const secrets = candidateSecrets(keys, token.expiresAt, ttlSeconds);
  if (!signedByAny(token.signature, payload, secrets)) return "bad-signature";
  return nowSeconds > token.expiresAt ? "expired" : "valid";
}
