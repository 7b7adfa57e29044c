/**
 * A call-taker of one city at another city's API: each city's JWT authorizer (as synthesized)
 * names only its own pool as issuer, its own console client as audience and the console scope. The
 * authorizers are then replayed with aws-jwt-verify, the way API Gateway checks a Cognito access
 * token (issuer, `client_id`, `token_use`, scope, signature), against locally made keys.
 */
import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { CognitoJwtVerifier } from "aws-jwt-verify";
import { synthExampleApp } from "../../support/example-app";

type Resource = { Type: string; Properties: Record<string, unknown> };
type Template = { Resources: Record<string, Resource> };

/** Physical ids the cities' pools and clients would get when deployed. */
const DEPLOYED = {
  "siaga112-71-71-data": { poolId: "ap-southeast-3_Manado7171", clientId: "manado0console0client" },
  "siaga112-35-78-data": { poolId: "ap-southeast-3_Surabaya3578", clientId: "surabaya0console0client" },
} as const;
type City = keyof typeof DEPLOYED;

describe("a call-taker of one city at another city's API", () => {
  const { assembly } = synthExampleApp();

  /** The stack's JWT authorizer, its Refs resolved to the ids the stack's own pool and client get. */
  function authorizerOf(city: City) {
    const template = assembly.getStackByName(city).template as Template;
    const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
    const [[poolLogicalId, pool]] = ofType("AWS::Cognito::UserPool");
    const clients = ofType("AWS::Cognito::UserPoolClient");
    const [[authorizerId, authorizer]] = ofType("AWS::ApiGatewayV2::Authorizer");
    const [[, route]] = ofType("AWS::ApiGatewayV2::Route");
    expect([ofType("AWS::Cognito::UserPool").length, clients.length]).toEqual([1, 1]);
    const deployed = DEPLOYED[city];
    const refs: Record<string, string> = {
      [poolLogicalId]: deployed.poolId,
      [clients[0][0]]: deployed.clientId,
      "AWS::URLSuffix": "amazonaws.com",
    };
    const resolve = (value: unknown): string => {
      if (typeof value === "string") return value;
      const v = value as { Ref?: string; "Fn::Join"?: [string, unknown[]] };
      if (v.Ref && v.Ref in refs) return refs[v.Ref];
      if (v["Fn::Join"]) return v["Fn::Join"][1].map(resolve).join(v["Fn::Join"][0]);
      throw new Error(`${city}: unexpected value in the authorizer: ${JSON.stringify(value)}`);
    };
    const jwt = authorizer.Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
    expect((route.Properties.AuthorizerId as { Ref: string }).Ref).toBe(authorizerId);
    return {
      poolName: pool.Properties.UserPoolName,
      issuer: resolve(jwt.Issuer),
      audience: jwt.Audience.map(resolve),
      scopes: route.Properties.AuthorizationScopes as string[],
    };
  }

  it("names only the city's own pool as issuer and its own console client as audience", () => {
    expect(authorizerOf("siaga112-71-71-data")).toEqual({
      poolName: "siaga112-71-71-call-takers",
      issuer: "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Manado7171",
      audience: ["manado0console0client"],
      scopes: ["siaga112/console"],
    });
    expect(authorizerOf("siaga112-35-78-data")).toEqual({
      poolName: "siaga112-35-78-call-takers",
      issuer: "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Surabaya3578",
      audience: ["surabaya0console0client"],
      scopes: ["siaga112/console"],
    });
  });

  describe("replayed on tokens", () => {
    const keys = { manado: signingKey("manado-key"), surabaya: signingKey("surabaya-key") };
    const surabaya = authorizerOf("siaga112-35-78-data");
    const manado = authorizerOf("siaga112-71-71-data");
    const verifier = CognitoJwtVerifier.create({
      userPoolId: DEPLOYED["siaga112-35-78-data"].poolId,
      tokenUse: "access",
      clientId: surabaya.audience,
      scope: surabaya.scopes,
    });
    verifier.cacheJwks({ keys: [keys.surabaya.jwk] });
    const accessToken = (issuer: string, clientId: string, extra: Record<string, unknown> = {}) => ({
      iss: issuer,
      client_id: clientId,
      token_use: "access",
      scope: "openid email siaga112/console",
      "cognito:groups": ["call-taker"],
      username: "petugas-1",
      sub: randomUUID(),
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600,
      ...extra,
    });

    it("accepts Surabaya's own call-taker (the replay is not refusing everything)", async () => {
      const token = sign(keys.surabaya, accessToken(surabaya.issuer, surabaya.audience[0]));
      await expect(verifier.verify(token)).resolves.toMatchObject({ "cognito:groups": ["call-taker"] });
    });

    it("refuses a Manado call-taker's token at Surabaya's API", async () => {
      const token = sign(keys.manado, accessToken(manado.issuer, manado.audience[0]));
      await expect(verifier.verify(token)).rejects.toThrow(/[Ii]ssuer/);
    });

    it("refuses Surabaya's ID token and an access token without the console scope", async () => {
      const idToken = sign(
        keys.surabaya,
        accessToken(surabaya.issuer, surabaya.audience[0], { token_use: "id", aud: surabaya.audience[0] }),
      );
      await expect(verifier.verify(idToken)).rejects.toThrow(/Token use not allowed: id/);
      const unscoped = sign(
        keys.surabaya,
        accessToken(surabaya.issuer, surabaya.audience[0], { scope: "openid" }),
      );
      await expect(verifier.verify(unscoped)).rejects.toThrow(/Scope not allowed: openid/);
    });
  });
});

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: { kid: string; kty: "RSA"; alg: "RS256"; use: "sig"; n: string; e: string };
}

/** An RSA key like a pool's signing key, with its public half as a JWK. */
function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  return { kid, privateKey, jwk: { kid, kty: "RSA", alg: "RS256", use: "sig", n, e } };
}

/** A compact RS256 JWS, as Cognito issues its tokens. */
function sign(key: SigningKey, claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ kid: key.kid, alg: "RS256" })}.${part(claims)}`;
  const signature = createSign("RSA-SHA256").update(input).sign(key.privateKey).toString("base64url");
  return `${input}.${signature}`;
}
