import fc from "fast-check";
import { ackUrl, parseAckToken, signAckToken, verifyAckToken } from "../../domain/ack-link";

const claims = {
  tenant: "71.71",
  incidentId: "8d2a6f0e-1b2c-4d5e-8f90-123456789abc",
  shortCode: "K7Q2XM",
  agencyId: "damkar",
  expiresAt: 2_000_000_000,
};
const secret = "s3cret-of-manado";
const keys = { current: secret };

describe("acknowledgement links", () => {
  it("verify for the tenant, incident and agency they were signed for, until they expire", () => {
    const parsed = parseAckToken(signAckToken(claims, secret))!;
    expect(parsed.agencyId).toBe("damkar");
    expect(verifyAckToken(parsed, claims, keys, claims.expiresAt - 1)).toBe("valid");
    expect(verifyAckToken(parsed, claims, keys, claims.expiresAt + 1)).toBe("expired");
  });

  it("do not work for another tenant, another incident, another secret", () => {
    const parsed = parseAckToken(signAckToken(claims, secret))!;
    expect(verifyAckToken(parsed, { ...claims, tenant: "35.78" }, keys, 0)).toBe("bad-signature");
    expect(verifyAckToken(parsed, { ...claims, incidentId: "other" }, keys, 0)).toBe("bad-signature");
    expect(verifyAckToken(parsed, claims, { current: "another-secret" }, 0)).toBe("bad-signature");
  });

  it("keep working after a rotation until they expire, signed with the previous secret", () => {
    const rotatedAt = claims.expiresAt - 3600; // signed 71 hours before the rotation
    const parsed = parseAckToken(signAckToken(claims, secret))!;
    const rotated = { current: "the-new-secret", previous: secret, currentSince: rotatedAt };
    expect(verifyAckToken(parsed, claims, rotated, rotatedAt + 60)).toBe("valid");
    expect(verifyAckToken(parsed, claims, rotated, claims.expiresAt + 1)).toBe("expired");
    // Without AWSPREVIOUS (its label removed to revoke every old link) they stop at once.
    expect(verifyAckToken(parsed, claims, { current: "the-new-secret" }, rotatedAt + 60)).toBe(
      "bad-signature",
    );
  });

  it("are not minted with the previous secret after a rotation: its links expire within a TTL of it", () => {
    const rotatedAt = 1_900_000_000;
    const forged = { ...claims, expiresAt: rotatedAt + 30 * 86_400 };
    const parsed = parseAckToken(signAckToken(forged, secret))!;
    const rotated = { current: "the-new-secret", previous: secret, currentSince: rotatedAt };
    expect(verifyAckToken(parsed, forged, rotated, rotatedAt + 60)).toBe("bad-signature");
  });

  it("reject any change to the agency, expiry or signature", () => {
    const token = signAckToken(claims, secret);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."abcdefXYZ234-_"), (index, ch) => {
        const tampered = token.slice(0, index) + ch + token.slice(index + 1);
        if (tampered === token) return;
        const parsed = parseAckToken(tampered);
        if (parsed && parsed.shortCode === claims.shortCode) {
          expect(verifyAckToken(parsed, claims, keys, 0)).toBe("bad-signature");
        }
      }),
    );
  });

  it("are short enough for an SMS and read nothing from garbage", () => {
    expect(signAckToken(claims, secret).length).toBeLessThanOrEqual(40);
    expect(ackUrl("https://112.manadokota.go.id/", "T")).toBe("https://112.manadokota.go.id/a/T");
    fc.assert(fc.property(fc.string(), (garbage) => expect(() => parseAckToken(garbage)).not.toThrow()));
    expect(parseAckToken("../../etc/passwd")).toBeUndefined();
  });
});
