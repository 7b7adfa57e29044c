import fc from "fast-check";
import {
  BOARD_LINK_TTL_SECONDS,
  boardLinkExpiry,
  boardUrl,
  parseBoardToken,
  signBoardToken,
  verifyBoardToken,
} from "../../domain/board-link";

const claims = { tenant: "71.71", agencyId: "damkar", contactId: "piket", expiresAt: 2_000_000_000 };
const secret = "s3cret-of-manado";
const keys = { current: secret };

describe("duty board links", () => {
  it("verify for the tenant, agency and contact they were signed for, until they expire", () => {
    const parsed = parseBoardToken(signBoardToken(claims, secret))!;
    expect(parsed).toMatchObject({ agencyId: "damkar", contactId: "piket", expiresAt: claims.expiresAt });
    expect(verifyBoardToken(parsed, "71.71", keys, claims.expiresAt - 1)).toBe("valid");
    expect(verifyBoardToken(parsed, "71.71", keys, claims.expiresAt + 1)).toBe("expired");
    expect(verifyBoardToken(parsed, "35.78", keys, 0)).toBe("bad-signature");
    expect(verifyBoardToken(parsed, "71.71", { current: "another-secret" }, 0)).toBe("bad-signature");
  });

  it("reject any change to the agency, contact, expiry or signature", () => {
    const token = signBoardToken(claims, secret);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."abcdefXYZ234-_"), (index, ch) => {
        const tampered = token.slice(0, index) + ch + token.slice(index + 1);
        if (tampered === token) return;
        const parsed = parseBoardToken(tampered);
        if (parsed) expect(verifyBoardToken(parsed, "71.71", keys, 0)).toBe("bad-signature");
      }),
    );
  });

  it("last at least their TTL, rounded up to the hour so the messages of an hour share one link", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_700_000_000, max: 2_100_000_000 }), (now) => {
        const expiry = boardLinkExpiry(now);
        expect(expiry % 3600).toBe(0);
        expect(expiry - now).toBeGreaterThanOrEqual(BOARD_LINK_TTL_SECONDS);
        expect(expiry - now).toBeLessThan(BOARD_LINK_TTL_SECONDS + 3600);
      }),
    );
    expect(boardLinkExpiry(1_764_248_400 + 1)).toBe(boardLinkExpiry(1_764_248_400 + 1800));
  });

  it("keep working after a rotation until they expire, and are short enough for an SMS", () => {
    const rotatedAt = claims.expiresAt - BOARD_LINK_TTL_SECONDS + 60;
    const parsed = parseBoardToken(signBoardToken(claims, secret))!;
    const rotated = { current: "the-new-secret", previous: secret, currentSince: rotatedAt };
    expect(verifyBoardToken(parsed, "71.71", rotated, rotatedAt + 60)).toBe("valid");
    const longest = { ...claims, agencyId: "a".repeat(30), contactId: "b".repeat(30) };
    expect(signBoardToken(longest, secret).length).toBeLessThanOrEqual(82);
    expect(boardUrl("https://112.manadokota.go.id/", "T")).toBe("https://112.manadokota.go.id/p/T");
    fc.assert(fc.property(fc.string(), (garbage) => expect(() => parseBoardToken(garbage)).not.toThrow()));
    expect(parseBoardToken("../../etc/passwd")).toBeUndefined();
  });
});
