/**
 * The signature of the signed links siaga112 sends (acknowledgement links to agencies, location
 * links to callers): HMAC-SHA256 under the tenant's secret over the fields the link is bound to,
 * cut to 72 bits (checked online, bound to an expiry). Each kind of link starts its fields with
 * its own purpose (`ack1`, `loc1`), so a token of one kind never passes for the other.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** 72 bits: 12 base64url characters. */
const SIGNATURE_BYTES = 9;

export type LinkVerdict = "valid" | "expired" | "bad-signature";

/**
 * The signature over `fields`, joined by `|`.
 *
 * @example
 * linkSignature(secret, ["loc1", "71.71", incidentId, expiresAt]).toString("base64url") // 12 characters
 */
export function linkSignature(secret: string, fields: readonly (string | number)[]): Buffer {
  return createHmac("sha256", secret).update(fields.join("|")).digest().subarray(0, SIGNATURE_BYTES);
}

/**
 * Compares a token's signature with the expected one in constant time, then its expiry.
 *
 * @example
 * linkVerdict(parsed.signature, linkSignature(secret, fields), parsed.expiresAt, Date.now() / 1000) // "valid"
 */
export function linkVerdict(
  given: string,
  expected: Buffer,
  expiresAtSeconds: number,
  nowSeconds: number,
): LinkVerdict {
  const bytes = Buffer.from(given, "base64url");
  if (bytes.length !== expected.length || !timingSafeEqual(bytes, expected)) return "bad-signature";
  return nowSeconds > expiresAtSeconds ? "expired" : "valid";
}
