/**
 * The links messages carry: the contact's duty board (every SMS and e-mail) and the incident's
 * own page for the agency (e-mail), both signed with the tenant's current secret.
 */
import { ACK_LINK_TTL_SECONDS, ackUrl, signAckToken } from "../../domain/ack-link";
import { boardLinkExpiry, boardUrl, signBoardToken } from "../../domain/board-link";
import type { SigningKeys } from "../../domain/signing-keys";
import type { SenderDeps } from "../shared/ports";

/** Signs the links of one message. */
export interface LinkSigner {
  /** The duty board of a contact of an agency. */
  board(agencyId: string, contactId: string): string;
  /** One incident's page for an agency. */
  incident(incident: { readonly incidentId: string; readonly shortCode: string }, agencyId: string): string;
}

/**
 * A signer with the current secret at the current time.
 *
 * @example
 * const links = linkSigner(deps, await deps.secret.get());
 * links.board("damkar", "piket") // "https://…/p/damkar.piket.…"
 */
export function linkSigner(
  deps: Pick<SenderDeps, "tenant" | "clock" | "ackBaseUrl">,
  keys: SigningKeys,
): LinkSigner {
  const nowSeconds = Math.floor(deps.clock.now() / 1000);
  return {
    board: (agencyId, contactId) =>
      boardUrl(
        deps.ackBaseUrl,
        signBoardToken(
          { tenant: deps.tenant.code, agencyId, contactId, expiresAt: boardLinkExpiry(nowSeconds) },
          keys.current,
        ),
      ),
    incident: (incident, agencyId) =>
      ackUrl(
        deps.ackBaseUrl,
        signAckToken(
          {
            tenant: deps.tenant.code,
            incidentId: incident.incidentId,
            shortCode: incident.shortCode,
            agencyId,
            expiresAt: nowSeconds + ACK_LINK_TTL_SECONDS,
          },
          keys.current,
        ),
      ),
  };
}
