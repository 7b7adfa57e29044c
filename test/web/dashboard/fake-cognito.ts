/**
 * A stand-in for the Cognito user-pool API, written from the server side of SRP-6a (verifier,
 * B = kv + g^b, S = (A v^u)^b) with node:crypto, independently of the page's client code: one
 * officer, USER_SRP_AUTH, then an authenticator-app code.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const N = BigInt(
  "0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);
const g = 2n;

function pad(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Number.parseInt(hex[0], 16) >= 8 ? `00${hex}` : hex;
}
const H = (hex: string) => BigInt(`0x${createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex")}`);
function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % N;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
  }
  return result;
}

export interface FakeCognito {
  readonly endpoint: string;
  readonly config: { region: string; userPoolId: string; userPoolClientId: string; cognitoEndpoint: string };
  readonly calls: string[];
  stop(): Promise<void>;
}

export async function startFakeCognito(officer: {
  email: string;
  password: string;
  mfaCode: string;
}): Promise<FakeCognito> {
  const userPoolId = "ap-southeast-3_Nas10nal";
  const poolName = "Nas10nal";
  const userId = "5f1c2a7e-0d3b-4c55-9a1e-112112112112";
  const k = H(pad(N) + pad(g));
  const pending = new Map<string, { A: bigint; b: bigint; B: bigint; v: bigint }>();
  const calls: string[] = [];
  const server: Server = createServer((request, response) => {
    // Cognito answers browsers from any origin (CORS), preflight included.
    response.setHeader("access-control-allow-origin", "*");
    response.setHeader("access-control-allow-headers", "content-type, x-amz-target");
    response.setHeader("access-control-allow-methods", "POST");
    if (request.method === "OPTIONS") {
      response.writeHead(204);
      response.end();
      return;
    }
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const action = String(request.headers["x-amz-target"]).split(".").pop() ?? "";
      calls.push(action);
      const input = JSON.parse(body);
      const reply = (status: number, value: unknown) => {
        response.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
        response.end(JSON.stringify(value));
      };
      const refuse = () =>
        reply(400, { __type: "NotAuthorizedException", message: "Incorrect username or password." });
      if (action === "InitiateAuth") {
        if (input.AuthFlow !== "USER_SRP_AUTH" || input.AuthParameters.USERNAME !== officer.email)
          return refuse();
        const A = BigInt(`0x${input.AuthParameters.SRP_A}`);
        if (A % N === 0n) return refuse();
        const salt = randomBytes(16).toString("hex");
        const inner = createHash("sha256").update(`${poolName}${userId}:${officer.password}`).digest("hex");
        const x = H(pad(BigInt(`0x${salt}`)) + inner);
        const v = power(g, x);
        const b = BigInt(`0x${randomBytes(64).toString("hex")}`);
        const B = (k * v + power(g, b)) % N;
        const secretBlock = randomBytes(48).toString("base64");
        pending.set(secretBlock, { A, b, B, v });
        return reply(200, {
          ChallengeName: "PASSWORD_VERIFIER",
          ChallengeParameters: {
            SALT: salt,
            SRP_B: B.toString(16),
            SECRET_BLOCK: secretBlock,
            USER_ID_FOR_SRP: userId,
            USERNAME: userId,
          },
        });
      }
      if (action === "RespondToAuthChallenge" && input.ChallengeName === "PASSWORD_VERIFIER") {
        const r = input.ChallengeResponses;
        const state = pending.get(r.PASSWORD_CLAIM_SECRET_BLOCK);
        if (!state || !/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2} UTC \d{4}$/.test(r.TIMESTAMP))
          return refuse();
        const u = H(pad(state.A) + pad(state.B));
        const S = power(state.A * power(state.v, u), state.b);
        const prk = createHmac("sha256", Buffer.from(pad(u), "hex"))
          .update(Buffer.from(pad(S), "hex"))
          .digest();
        const hkdf = createHmac("sha256", prk)
          .update(Buffer.concat([Buffer.from("Caldera Derived Key"), Buffer.from([1])]))
          .digest()
          .subarray(0, 16);
        const expected = createHmac("sha256", hkdf)
          .update(
            Buffer.concat([
              Buffer.from(poolName),
              Buffer.from(userId),
              Buffer.from(r.PASSWORD_CLAIM_SECRET_BLOCK, "base64"),
              Buffer.from(r.TIMESTAMP),
            ]),
          )
          .digest("base64");
        if (expected !== r.PASSWORD_CLAIM_SIGNATURE || r.USERNAME !== userId) return refuse();
        return reply(200, {
          ChallengeName: "SOFTWARE_TOKEN_MFA",
          Session: "session-mfa",
          ChallengeParameters: { USERNAME: userId },
        });
      }
      if (action === "RespondToAuthChallenge" && input.ChallengeName === "SOFTWARE_TOKEN_MFA") {
        if (
          input.Session !== "session-mfa" ||
          input.ChallengeResponses.SOFTWARE_TOKEN_MFA_CODE !== officer.mfaCode
        )
          return reply(400, { __type: "CodeMismatchException", message: "Invalid code received for user" });
        return reply(200, {
          AuthenticationResult: { AccessToken: "access-token-for-officer", ExpiresIn: 3600 },
        });
      }
      return reply(400, { __type: "InvalidParameterException", message: `unexpected ${action}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    endpoint,
    calls,
    config: {
      region: "ap-southeast-3",
      userPoolId,
      userPoolClientId: "dashboard-client",
      cognitoEndpoint: endpoint,
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
