/**
 * Signed location links: the one link a caller gets by SMS to share where they are. A token names
 * the incident's short code and an expiry; its HMAC-SHA256 (the tenant's signing secret, the one
 * acknowledgement links use, under its own purpose prefix so neither kind of token passes for the
 * other) also covers the tenant code and the full incident id, so a link works for exactly one
 * tenant and incident, and stops at its expiry.
 * Token: `<shortCode>.<expiry, epoch seconds base 36>.<signature, 12 base64url>` (26 characters).
 */
import { type LinkVerdict, linkSignature, linkVerdict } from "./link-signature";

const TOKEN = /^([2-9A-HJ-NP-Z]{6})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{12})$/;
/** Path segment of location links under the location function's base URL. */
export const LOCATION_LINK_PATH = "/l/";

export interface LocationLinkClaims {
  readonly tenant: string;
  readonly incidentId: string;
  readonly shortCode: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

function signature(claims: Omit<LocationLinkClaims, "shortCode">, secret: string): Buffer {
  return linkSignature(secret, ["loc1", claims.tenant, claims.incidentId, claims.expiresAt]);
}

/**
 * Signs a location link token.
 *
 * @example
 * signLocationToken({ tenant: "71.71", incidentId, shortCode: "K7Q2XM", expiresAt }, secret)
 * // "K7Q2XM.t3k9zz.Xy…"
 */
export function signLocationToken(claims: LocationLinkClaims, secret: string): string {
  const sig = signature(claims, secret).toString("base64url");
  return `${claims.shortCode}.${claims.expiresAt.toString(36)}.${sig}`;
}

/**
 * The link of a token under the location function's base URL.
 *
 * @example
 * locationUrl("https://abc.lambda-url.ap-southeast-3.on.aws", token) // "https://abc.lambda-url.ap-southeast-3.on.aws/l/K7Q2XM.…"
 */
export function locationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${LOCATION_LINK_PATH}${token}`;
}

export interface ParsedLocationToken {
  readonly shortCode: string;
  readonly expiresAt: number;
  readonly signature: string;
}

/**
 * Reads a token's parts without trusting them (the signature is checked by `verifyLocationToken`).
 *
 * @example
 * parseLocationToken("K7Q2XM.t3k9zz.XyZ…")?.shortCode // "K7Q2XM"
 */
export function parseLocationToken(token: string): ParsedLocationToken | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  return { shortCode: match[1]!, expiresAt: Number.parseInt(match[2]!, 36), signature: match[3]! };
}

/**
 * Checks a parsed token against the incident it claims to be for, in constant time. A forged or
 * altered token (another incident, another tenant, a later expiry) is `bad-signature`.
 *
 * @example
 * verifyLocationToken(parsed, { tenant: "71.71", incidentId }, secret, Date.now() / 1000) // "valid"
 */
export function verifyLocationToken(
  token: ParsedLocationToken,
  bound: { readonly tenant: string; readonly incidentId: string },
  secret: string,
  nowSeconds: number,
): LinkVerdict {
  const expected = signature({ ...bound, expiresAt: token.expiresAt }, secret);
  return linkVerdict(token.signature, expected, token.expiresAt, nowSeconds);
}
