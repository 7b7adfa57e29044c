import fc from "fast-check";
import { signAckToken } from "../../domain/ack-link";
import {
  locationUrl,
  parseLocationToken,
  signLocationToken,
  verifyLocationToken,
} from "../../domain/location-link";

const claims = {
  tenant: "71.71",
  incidentId: "8d2a6f0e-1b2c-4d5e-8f90-123456789abc",
  shortCode: "K7Q2XM",
  expiresAt: 2_000_000_000,
};
const secret = "s3cret-of-manado";
const keys = { current: secret };

describe("location links", () => {
  it("verify for the tenant and incident they were signed for, until they expire", () => {
    const parsed = parseLocationToken(signLocationToken(claims, secret))!;
    expect(parsed).toMatchObject({ shortCode: "K7Q2XM", expiresAt: claims.expiresAt });
    expect(verifyLocationToken(parsed, claims, keys, claims.expiresAt - 1)).toBe("valid");
    expect(verifyLocationToken(parsed, claims, keys, claims.expiresAt + 1)).toBe("expired");
  });

  it("do not work for another tenant, another incident or another tenant's secret", () => {
    const parsed = parseLocationToken(signLocationToken(claims, secret))!;
    expect(verifyLocationToken(parsed, { ...claims, tenant: "35.78" }, keys, 0)).toBe("bad-signature");
    expect(verifyLocationToken(parsed, { ...claims, incidentId: "other" }, keys, 0)).toBe("bad-signature");
    expect(verifyLocationToken(parsed, claims, { current: "secret-of-surabaya" }, 0)).toBe("bad-signature");
  });

  it("cannot be stretched: a later expiry under the same signature is a forgery", () => {
    const parsed = parseLocationToken(signLocationToken(claims, secret))!;
    const stretched = { ...parsed, expiresAt: parsed.expiresAt + 86_400 };
    expect(verifyLocationToken(stretched, claims, keys, 0)).toBe("bad-signature");
  });

  it("reject any change to a character of the token", () => {
    const token = signLocationToken(claims, secret);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."abcdefXYZ234-_"), (index, ch) => {
        const tampered = token.slice(0, index) + ch + token.slice(index + 1);
        if (tampered === token) return;
        const parsed = parseLocationToken(tampered);
        if (parsed && parsed.shortCode === claims.shortCode) {
          expect(verifyLocationToken(parsed, claims, keys, 0)).toBe("bad-signature");
        }
      }),
    );
  });

  it("are not acknowledgement links: the same secret signs each kind under its own purpose", () => {
    const ack = signAckToken({ ...claims, agencyId: "damkar" }, secret);
    const [shortCode, , expiry, signature] = ack.split(".");
    const posing = parseLocationToken(`${shortCode}.${expiry}.${signature}`)!;
    expect(verifyLocationToken(posing, claims, keys, 0)).toBe("bad-signature");
  });

  it("signed before a rotation keep working with the previous secret until they expire", () => {
    const parsed = parseLocationToken(signLocationToken(claims, secret))!;
    const rotated = { current: "new-secret", previous: secret, currentSince: claims.expiresAt - 3600 };
    expect(verifyLocationToken(parsed, claims, rotated, claims.expiresAt - 1)).toBe("valid");
    expect(verifyLocationToken(parsed, claims, rotated, claims.expiresAt + 1)).toBe("expired");
    expect(verifyLocationToken(parsed, claims, { current: "new-secret" }, 0)).toBe("bad-signature");
  });

  it("signed with the previous secret long after a rotation are refused (a leaked old secret mints nothing)", () => {
    const parsed = parseLocationToken(signLocationToken(claims, secret))!;
    const rotatedLongBefore = {
      current: "new-secret",
      previous: secret,
      currentSince: claims.expiresAt - 30 * 86_400,
    };
    expect(verifyLocationToken(parsed, claims, rotatedLongBefore, 0)).toBe("bad-signature");
  });

  it("are short enough for an SMS and read nothing from garbage", () => {
    expect(signLocationToken(claims, secret)).toHaveLength(26);
    expect(locationUrl("https://abc.lambda-url.ap-southeast-3.on.aws/", "T")).toBe(
      "https://abc.lambda-url.ap-southeast-3.on.aws/l/T",
    );
    fc.assert(fc.property(fc.string(), (garbage) => expect(() => parseLocationToken(garbage)).not.toThrow()));
    expect(parseLocationToken("../../etc/passwd")).toBeUndefined();
  });
});
