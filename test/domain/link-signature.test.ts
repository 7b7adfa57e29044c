import { createHmac } from "node:crypto";
import { linkSignature, linkVerdict } from "../../domain/link-signature";

describe("the signature of signed links", () => {
  it("is the first 72 bits of HMAC-SHA256 over the fields joined by |, so links already sent stay valid", () => {
    const fields = ["ack1", "71.71", "c0ffee", "damkar", 2_000_000_000];
    const expected = createHmac("sha256", "s3cret").update("ack1|71.71|c0ffee|damkar|2000000000").digest();
    expect(linkSignature("s3cret", fields)).toEqual(expected.subarray(0, 9));
    expect(linkSignature("s3cret", fields).toString("base64url")).toHaveLength(12);
  });

  it("is valid until its expiry, and any other signature is refused", () => {
    const expected = linkSignature("s3cret", ["loc1", "71.71", "c0ffee", 100]);
    const given = expected.toString("base64url");
    expect(linkVerdict(given, expected, 100, 99)).toBe("valid");
    expect(linkVerdict(given, expected, 100, 101)).toBe("expired");
    expect(linkVerdict(`${given.slice(0, -1)}A`, expected, 100, 0)).toBe(
      given.endsWith("A") ? "valid" : "bad-signature",
    );
    expect(linkVerdict("short", expected, 100, 0)).toBe("bad-signature");
  });
});
