import {
  candidateSecrets,
  linkSignature,
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
});
