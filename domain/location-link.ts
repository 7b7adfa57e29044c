/**
 * Signed location links: the one link a caller gets by SMS to share where they are. A token names
 * the incident's short code and an expiry; its HMAC-SHA256 (the tenant's signing secret, the one
 * acknowledgement links use, under its own purpose prefix so neither kind of token passes for the
 * other) also covers the tenant code and the full incident id, so a link works for exactly one
 * tenant and incident, and stops at its expiry. Like the agencies' links, a link signed before a
 * rotation of the secret keeps working until it expires (domain/signing-keys.ts).
 * Token: `<shortCode>.<expiry, epoch seconds base 36>.<signature, 12 base64url>` (26 characters).
 */
import { LOCATION_LINK_MINUTES } from "./location-request";
import { type LinkVerdict, linkSignature, linkVerdict, type SigningKeys } from "./signing-keys";

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

/** The longest a location link may live (a tenant file's largest `location.linkMinutes`). */
const LOCATION_LINK_MAX_TTL_SECONDS = LOCATION_LINK_MINUTES.max * 60;

function payload(claims: Omit<LocationLinkClaims, "shortCode">): string {
  return `loc1|${claims.tenant}|${claims.incidentId}|${claims.expiresAt}`;
}

/**
 * Signs a location link token.
 *
 * @example
 * signLocationToken({ tenant: "71.71", incidentId, shortCode: "K7Q2XM", expiresAt }, secret)
 * // "K7Q2XM.t3k9zz.Xy…"
 */
export function signLocationToken(claims: LocationLinkClaims, secret: string): string {
  const sig = linkSignature(payload(claims), secret).toString("base64url");
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
 * Checks a parsed token against the incident it claims to be for, with the current secret and, for
 * links signed before a rotation, the previous one. A forged or altered token (another incident,
 * another tenant, a later expiry) is `bad-signature`.
 *
 * @example
 * verifyLocationToken(parsed, { tenant: "71.71", incidentId }, { current: secret }, Date.now() / 1000) // "valid"
 */
export function verifyLocationToken(
  token: ParsedLocationToken,
  bound: { readonly tenant: string; readonly incidentId: string },
  keys: SigningKeys,
  nowSeconds: number,
): LinkVerdict {
  const signed = payload({ ...bound, expiresAt: token.expiresAt });
  return linkVerdict(token, signed, keys, LOCATION_LINK_MAX_TTL_SECONDS, nowSeconds);
}
