/**
 * Signed acknowledgement links of one incident for one agency (carried by e-mails; SMS carry the
 * duty board link, domain/board-link.ts). A token names the incident's short code, the agency and
 * an expiry; its HMAC-SHA256 (per-tenant secret) also covers the tenant code and the full incident
 * id, so a link works for exactly one tenant, incident and agency, and stops at its expiry.
 * Token: `<shortCode>.<agencyId>.<expiry, epoch seconds base 36>.<signature, 12 base64url>`.
 */
import { type LinkVerdict, linkSignature, linkVerdict, type SigningKeys } from "./signing-keys";

/** Links stay valid this long: agencies report progress for hours after the alert. */
export const ACK_LINK_TTL_SECONDS = 72 * 3600;
const TOKEN = /^([2-9A-HJ-NP-Z]{6})\.([a-z0-9][a-z0-9-]{0,39})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{12})$/;

export interface AckLinkClaims {
  readonly tenant: string;
  readonly incidentId: string;
  readonly shortCode: string;
  readonly agencyId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

function payload(claims: Omit<AckLinkClaims, "shortCode">): string {
  return `ack1|${claims.tenant}|${claims.incidentId}|${claims.agencyId}|${claims.expiresAt}`;
}

/**
 * Signs a link token.
 *
 * @example
 * signAckToken({ tenant: "71.71", incidentId, shortCode: "K7Q2XM", agencyId: "damkar", expiresAt }, secret)
 * // "K7Q2XM.damkar.t3k9zz.Xy…"
 */
export function signAckToken(claims: AckLinkClaims, secret: string): string {
  const sig = linkSignature(payload(claims), secret).toString("base64url");
  return `${claims.shortCode}.${claims.agencyId}.${claims.expiresAt.toString(36)}.${sig}`;
}

/**
 * The link of a token under the ack function's base URL.
 *
 * @example
 * ackUrl("https://112.manadokota.go.id", token) // "https://112.manadokota.go.id/a/K7Q2XM.damkar.…"
 */
export function ackUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/a/${token}`;
}

export interface ParsedAckToken {
  readonly shortCode: string;
  readonly agencyId: string;
  readonly expiresAt: number;
  readonly signature: string;
}

/**
 * Reads a token's parts without trusting them (the signature is checked by `verifyAckToken`).
 *
 * @example
 * parseAckToken("K7Q2XM.damkar.t3k9zz.XyZ…")?.agencyId // "damkar"
 */
export function parseAckToken(token: string): ParsedAckToken | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  return {
    shortCode: match[1]!,
    agencyId: match[2]!,
    expiresAt: Number.parseInt(match[3]!, 36),
    signature: match[4]!,
  };
}

export type AckVerdict = LinkVerdict;

/**
 * Checks a parsed token against the incident it claims to be for, with the current secret and,
 * for links signed before a rotation, the previous one.
 *
 * @example
 * verifyAckToken(parsed, { tenant: "71.71", incidentId }, { current: secret }, Date.now() / 1000) // "valid"
 */
export function verifyAckToken(
  token: ParsedAckToken,
  bound: { readonly tenant: string; readonly incidentId: string },
  keys: SigningKeys,
  nowSeconds: number,
): AckVerdict {
  const signed = payload({ ...bound, agencyId: token.agencyId, expiresAt: token.expiresAt });
  return linkVerdict(token, signed, keys, ACK_LINK_TTL_SECONDS, nowSeconds);
}
