/**
 * Signed duty board links (papan tugas): one per tenant, agency and contact, opening the page of
 * every open alert of the agency, each with its own buttons. Every SMS carries the contact's link,
 * so a contact can act on every alert of a burst from any one message it received.
 * Token: `<agencyId>.<contactId>.<expiry, epoch seconds base 36>.<signature, 12 base64url>`; the
 * HMAC also covers the tenant code.
 */
import { type LinkVerdict, linkSignature, linkVerdict, type SigningKeys } from "./signing-keys";

/** Board links stay valid this long after the message that carried them (every message renews). */
export const BOARD_LINK_TTL_SECONDS = 72 * 3600;
/** Expiries are rounded up to the hour, so the messages of one hour carry the same link. */
const EXPIRY_STEP_SECONDS = 3600;
const ID = "[a-z][a-z0-9-]{0,39}";
const TOKEN = new RegExp(`^(${ID})\\.(${ID})\\.([0-9a-z]{1,10})\\.([A-Za-z0-9_-]{12})$`);

export interface BoardLinkClaims {
  readonly tenant: string;
  readonly agencyId: string;
  readonly contactId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

function payload(claims: BoardLinkClaims): string {
  return `board1|${claims.tenant}|${claims.agencyId}|${claims.contactId}|${claims.expiresAt}`;
}

/**
 * When a board link signed at `nowSeconds` expires: at least the TTL, rounded up to the hour.
 *
 * @example
 * boardLinkExpiry(1_764_248_400) // 1_764_507_600
 */
export function boardLinkExpiry(nowSeconds: number): number {
  return Math.ceil((nowSeconds + BOARD_LINK_TTL_SECONDS) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
}

/**
 * Signs a board token.
 *
 * @example
 * signBoardToken({ tenant: "71.71", agencyId: "damkar", contactId: "piket", expiresAt }, secret)
 * // "damkar.piket.t3k9zz.Xy…"
 */
export function signBoardToken(claims: BoardLinkClaims, secret: string): string {
  const sig = linkSignature(payload(claims), secret).toString("base64url");
  return `${claims.agencyId}.${claims.contactId}.${claims.expiresAt.toString(36)}.${sig}`;
}

/**
 * The board link of a token under the ack function's base URL.
 *
 * @example
 * boardUrl("https://112.manadokota.go.id", token) // "https://112.manadokota.go.id/p/damkar.piket.…"
 */
export function boardUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/p/${token}`;
}

export interface ParsedBoardToken {
  readonly agencyId: string;
  readonly contactId: string;
  readonly expiresAt: number;
  readonly signature: string;
}

/**
 * Reads a board token's parts without trusting them.
 *
 * @example
 * parseBoardToken("damkar.piket.t3k9zz.XyZ…")?.contactId // "piket"
 */
export function parseBoardToken(token: string): ParsedBoardToken | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  return {
    agencyId: match[1]!,
    contactId: match[2]!,
    expiresAt: Number.parseInt(match[3]!, 36),
    signature: match[4]!,
  };
}

/**
 * Checks a parsed board token for a tenant with the current secret and, for links signed before a
 * rotation, the previous one.
 *
 * @example
 * verifyBoardToken(parsed, "71.71", { current: secret }, Date.now() / 1000) // "valid"
 */
export function verifyBoardToken(
  token: ParsedBoardToken,
  tenant: string,
  keys: SigningKeys,
  nowSeconds: number,
): LinkVerdict {
  const signed = payload({ ...token, tenant });
  return linkVerdict(token, signed, keys, BOARD_LINK_TTL_SECONDS + EXPIRY_STEP_SECONDS, nowSeconds);
}
