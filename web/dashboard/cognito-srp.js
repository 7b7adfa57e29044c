// Amazon Cognito user-pool sign-in (SRP, new password, authenticator-app MFA and its setup) with
// no library or CDN: BigInt and WebCrypto only. Used by sign-in.js; runs in browsers and in
// Node 20 (tests load it with require).

(() => {
  // RFC 5054 / RFC 3526 3072-bit group, as Cognito uses it.
  const N_HEX =
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";
  const N = BigInt(`0x${N_HEX}`);
  const g = 2n;
  const encoder = new TextEncoder();
  const subtle = globalThis.crypto.subtle;

  /** Even-length hex with a leading 00 when the top bit is set (Java BigInteger.toByteArray). */
  function padHex(value) {
    let hex = value.toString(16);
    if (hex.length % 2 === 1) hex = `0${hex}`;
    return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
  }
  function hexToBytes(hex) {
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return bytes;
  }
  function bytesToHex(bytes) {
    return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
  async function sha256Hex(bytes) {
    return bytesToHex(await subtle.digest("SHA-256", bytes));
  }
  async function hmac(key, data) {
    const k = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", k, data));
  }
  function modPow(base, exponent, modulus) {
    let result = 1n;
    let b = ((base % modulus) + modulus) % modulus;
    let e = exponent;
    while (e > 0n) {
      if (e & 1n) result = (result * b) % modulus;
      b = (b * b) % modulus;
      e >>= 1n;
    }
    return result;
  }
  function base64ToBytes(text) {
    const raw = atob(text);
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }
  function bytesToBase64(bytes) {
    return btoa(String.fromCharCode(...bytes));
  }

  /** `Tue Nov 3 01:02:03 UTC 2026`: the TIMESTAMP format Cognito expects. */
  function cognitoTimestamp(date) {
    const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const two = (n) => String(n).padStart(2, "0");
    return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(
      date.getUTCMinutes(),
    )}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
  }

  /** The client half of Cognito's SRP: A to send, then the PASSWORD_VERIFIER answer. */
  async function srpClient(userPoolId) {
    const random = new Uint8Array(128);
    globalThis.crypto.getRandomValues(random);
    const a = BigInt(`0x${bytesToHex(random)}`) % N;
    const A = modPow(g, a, N);
    const k = BigInt(`0x${await sha256Hex(hexToBytes(padHex(N) + padHex(g)))}`);
    const poolName = userPoolId.split("_")[1];
    return {
      A: A.toString(16),
      async passwordVerifier(parameters, password, now = new Date()) {
        const B = BigInt(`0x${parameters.SRP_B}`);
        if (B % N === 0n) throw new Error("SRP_B: zero modulo N (refusing the server's value)");
        const u = BigInt(`0x${await sha256Hex(hexToBytes(padHex(A) + padHex(B)))}`);
        if (u === 0n) throw new Error("SRP u is zero");
        const userHash = await sha256Hex(
          encoder.encode(`${poolName}${parameters.USER_ID_FOR_SRP}:${password}`),
        );
        const salt = BigInt(`0x${parameters.SALT}`);
        const x = BigInt(`0x${await sha256Hex(hexToBytes(padHex(salt) + userHash))}`);
        const S = modPow(B - k * modPow(g, x, N), a + u * x, N);
        const prk = await hmac(hexToBytes(padHex(u)), hexToBytes(padHex(S)));
        const hkdf = (
          await hmac(prk, concat(encoder.encode("Caldera Derived Key"), new Uint8Array([1])))
        ).slice(0, 16);
        const timestamp = cognitoTimestamp(now);
        const message = concat(
          encoder.encode(poolName),
          encoder.encode(parameters.USER_ID_FOR_SRP),
          base64ToBytes(parameters.SECRET_BLOCK),
          encoder.encode(timestamp),
        );
        return {
          USERNAME: parameters.USER_ID_FOR_SRP,
          PASSWORD_CLAIM_SECRET_BLOCK: parameters.SECRET_BLOCK,
          TIMESTAMP: timestamp,
          PASSWORD_CLAIM_SIGNATURE: bytesToBase64(await hmac(hkdf, message)),
        };
      },
    };
  }

  /** One call of the Cognito user-pool API (unauthenticated actions only). */
  async function cognito(config, action, body) {
    const endpoint = config.cognitoEndpoint || `https://cognito-idp.${config.region}.amazonaws.com/`;
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
    const value = await response.json();
    if (!response.ok) {
      const error = new Error(value.message || value.__type || `HTTP ${response.status}`);
      error.code = String(value.__type || "")
        .split("#")
        .pop();
      throw error;
    }
    return value;
  }

  /**
   * Signs in; `ask(step, detail)` collects what a challenge needs and resolves to the answer:
   * "mfa-code", "new-password", or "mfa-setup" (detail: the secret to add to the authenticator).
   */
  async function signIn(config, email, password, ask) {
    const srp = await srpClient(config.userPoolId);
    let step = await cognito(config, "InitiateAuth", {
      AuthFlow: "USER_SRP_AUTH",
      ClientId: config.userPoolClientId,
      AuthParameters: { USERNAME: email, SRP_A: srp.A },
    });
    const respond = (name, responses, session) =>
      cognito(config, "RespondToAuthChallenge", {
        ClientId: config.userPoolClientId,
        ChallengeName: name,
        ChallengeResponses: responses,
        Session: session,
      });
    let username = email;
    for (let round = 0; round < 6 && !step.AuthenticationResult; round++) {
      const parameters = step.ChallengeParameters || {};
      username = parameters.USER_ID_FOR_SRP || parameters.USERNAME || username;
      switch (step.ChallengeName) {
        case "PASSWORD_VERIFIER":
          step = await respond(
            "PASSWORD_VERIFIER",
            await srp.passwordVerifier(parameters, password),
            step.Session,
          );
          break;
        case "NEW_PASSWORD_REQUIRED":
          step = await respond(
            "NEW_PASSWORD_REQUIRED",
            { USERNAME: username, NEW_PASSWORD: await ask("new-password") },
            step.Session,
          );
          break;
        case "SOFTWARE_TOKEN_MFA":
          step = await respond(
            "SOFTWARE_TOKEN_MFA",
            { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: await ask("mfa-code") },
            step.Session,
          );
          break;
        case "MFA_SETUP": {
          const association = await cognito(config, "AssociateSoftwareToken", { Session: step.Session });
          const code = await ask("mfa-setup", association.SecretCode);
          const verified = await cognito(config, "VerifySoftwareToken", {
            Session: association.Session,
            UserCode: code,
            FriendlyDeviceName: "siaga112",
          });
          step = await respond("MFA_SETUP", { USERNAME: username }, verified.Session);
          break;
        }
        default:
          throw new Error(`Cognito asked for ${step.ChallengeName}, which this page cannot answer`);
      }
    }
    if (!step.AuthenticationResult) throw new Error("sign-in did not finish");
    const result = step.AuthenticationResult;
    return { token: result.AccessToken, expiresAt: Date.now() + (result.ExpiresIn || 3600) * 1000 };
  }

  const api = { padHex, cognitoTimestamp, srpClient, signIn, N, g };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else globalThis.siaga112Cognito = api;
})();
