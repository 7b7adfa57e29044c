// A stand-in for a Cognito pool's hosted sign-in in browser tests: panva's oidc-provider (an
// OpenID Certified authorization server) with PKCE required for the public client, JWT access
// tokens carrying `cognito:groups`, `username`, `client_id` and the API scope, refresh tokens, and
// Cognito's `/logout` and `/oauth2/revoke` paths. Runs in its own process (oidc-provider is ESM).
//
// Usage: node oidc-stand-in-server.mjs '<json: { clientId, redirectUri, scope, resource, groups,
//   groupsByLogin?, accessTokenSeconds }>'
// Prints one line: { "issuer": "http://127.0.0.1:<port>", "jwks": { "keys": [<public JWK>] } }.

import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";

const options = JSON.parse(process.argv[2]);
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = "stand-in-key";
const signing = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
const verifying = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };

const server = createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
/** Requests the stand-in saw (method, path, query), for the test to inspect (GET /requests). */
const seen = [];

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: options.clientId,
      token_endpoint_auth_method: "none",
      redirect_uris: [options.redirectUri],
      post_logout_redirect_uris: [options.redirectUri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    },
  ],
  jwks: { keys: [signing] },
  scopes: ["openid", "email", "offline_access", options.scope],
  claims: { openid: ["sub"], email: ["email"] },
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => options.resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: options.scope,
        audience: options.resource,
        accessTokenFormat: "jwt",
        accessTokenTTL: options.accessTokenSeconds,
        jwt: { sign: { alg: "RS256" } },
      }),
    },
  },
  // Cognito issues a refresh token with every code grant of a client that allows it.
  issueRefreshToken: () => true,
  // A first-party client: no consent page, everything asked for is granted.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(`openid email offline_access ${options.scope}`);
    grant.addResourceScope(options.resource, options.scope);
    await grant.save();
    return grant;
  },
  findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, email: id }) }),
  extraTokenClaims: async (_ctx, token) =>
    token.kind === "AccessToken"
      ? {
          "cognito:groups": options.groupsByLogin?.[token.accountId] ?? options.groups,
          username: token.accountId,
        }
      : undefined,
});
provider.proxy = false;

const callback = provider.callback();
server.on("request", (request, response) => {
  const url = new URL(request.url, issuer);
  seen.push({ method: request.method, path: url.pathname, query: url.search });
  if (url.pathname === "/requests") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(seen));
    return;
  }
  // Cognito's sign-out endpoint, /logout?client_id=&logout_uri=: it ends the hosted session (here,
  // oidc-provider's session cookies) and stops on a page, for the test to read its parameters.
  if (url.pathname === "/logout") {
    const ended = (name) => `${name}=; Path=/; Max-Age=0; HttpOnly`;
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "set-cookie": [
        ended("_session"),
        ended("_session.sig"),
        ended("_session.legacy"),
        ended("_session.legacy.sig"),
      ],
    });
    response.end("<!doctype html><title>Keluar</title><p>Anda sudah keluar.</p>");
    return;
  }
  // Cognito's revocation endpoint path.
  if (url.pathname === "/oauth2/revoke") request.url = "/token/revocation";
  callback(request, response);
});

process.stdout.write(`${JSON.stringify({ issuer, jwks: { keys: [verifying] } })}\n`);
