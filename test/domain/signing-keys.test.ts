import { createHmac } from "node:crypto";
import {
  candidateSecrets,
  linkSignature,
  linkVerdict,
  ROTATION_GRACE_SECONDS,
  signedByAny,
} from "../../domain/signing-keys";

describe("signing keys", () => {
  const ttl = 72 * 3600;
  it("check with the current secret, and with the previous one only for links it could have signed", () => {
    const keys = { current: "new", previous: "old", currentSince: 1_000_000 };
    expect(candidateSecrets(keys, 1_000_000 + ttl, ttl)).toEqual(["new", "old"]);
    expect(candidateSecrets(keys, 1_000_000 + ttl + ROTATION_GRACE_SECONDS, ttl)).toEqual(["new", "old"]);
    expect(candidateSecrets(keys, 1_000_000 + ttl + ROTATION_GRACE_SECONDS + 1, ttl)).toEqual(["new"]);
    expect(candidateSecrets({ current: "new" }, 0, ttl)).toEqual(["new"]);
    // Rotation time unknown: the previous secret is accepted (the link's own expiry still applies).
    expect(candidateSecrets({ current: "new", previous: "old" }, 0, ttl)).toEqual(["new", "old"]);
  });

  it("match a signature made with any candidate, and nothing else", () => {
    const signature = linkSignature("payload", "old").toString("base64url");
    expect(signedByAny(signature, "payload", ["new", "old"])).toBe(true);
    expect(signedByAny(signature, "payload", ["new"])).toBe(false);
    expect(signedByAny(signature, "other payload", ["new", "old"])).toBe(false);
    expect(signedByAny("short", "payload", ["old"])).toBe(false);
  });

  it("sign with the first 72 bits of HMAC-SHA256 over the payload, so links already sent stay valid", () => {
    const payload = "ack1|71.71|c0ffee|damkar|2000000000";
    const expected = createHmac("sha256", "s3cret").update(payload).digest();
    expect(linkSignature(payload, "s3cret")).toEqual(expected.subarray(0, 9));
    expect(linkSignature(payload, "s3cret").toString("base64url")).toHaveLength(12);
  });

  it("give a link valid until its expiry, and refuse any other signature", () => {
    const payload = "loc1|71.71|c0ffee|100";
    const signature = linkSignature(payload, "s3cret").toString("base64url");
    const keys = { current: "s3cret" };
    expect(linkVerdict({ signature, expiresAt: 100 }, payload, keys, ttl, 99)).toBe("valid");
    expect(linkVerdict({ signature, expiresAt: 100 }, payload, keys, ttl, 101)).toBe("expired");
    const altered = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect(linkVerdict({ signature: altered, expiresAt: 100 }, payload, keys, ttl, 0)).toBe("bad-signature");
    expect(linkVerdict({ signature: "short", expiresAt: 100 }, payload, keys, ttl, 0)).toBe("bad-signature");
  });

  it("give a link signed with the previous secret its verdict while that secret could have signed it", () => {
    const payload = "board1|71.71|damkar|piket|2000000000";
    const signature = linkSignature(payload, "old").toString("base64url");
    const token = { signature, expiresAt: 2_000_000_000 };
    const rotatedRecently = { current: "new", previous: "old", currentSince: 2_000_000_000 - 3600 };
    expect(linkVerdict(token, payload, rotatedRecently, ttl, 2_000_000_001)).toBe("expired");
    const rotatedLongAgo = { current: "new", previous: "old", currentSince: 2_000_000_000 - 2 * ttl };
    expect(linkVerdict(token, payload, rotatedLongAgo, ttl, 0)).toBe("bad-signature");
  });
});
