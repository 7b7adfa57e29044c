// Sign-in of siaga112 staff, the same on every page (call-taker console, national dashboard).
//
// In the cloud the page reads its sign-in settings (a JSON the stacks write: the dashboard's
// `config.json`, the console's `/config/<code>.json`) and signs the user in on the Cognito pool's
// hosted pages (managed login) with the authorization-code flow and PKCE, through oidc-client-ts
// (`/shared/vendor/oidc-client-ts.min.js`, loaded before this file: it defines the global `oidc`).
// The page sends the ACCESS token to its API: it carries `cognito:groups`, `username` and the API's
// scope, which API Gateway's JWT authorizer requires (an ID token is refused).
//
// In the local centre there is no settings file (404): the local centre vouches for the user, and
// the page says how through `configure({ local })`.
//
// Global `siaga112SignIn`:
//   configure({ settingsUrl, local? }) -> { mode: "cloud" | "local", settings }   once, first;
//                   an unreadable settings file throws an Error with the HTTP `status`
//   signIn()        -> identity; in the cloud, leaves for the hosted sign-in page when not signed in
//   signOut()       -> forgets the tokens and ends the hosted session (back to the site's address)
//   accessToken()   -> a valid access token (renewed with the refresh token), or null locally
//   identity()      -> { username, groups, tenant } or null before sign-in
//   authorizedFetch(url, init) -> fetch with the token (or the local headers); renews once on a 401
//   session()       -> signs in when needed: { accessToken, username, groups, tenant } (a token
//                      lives an hour: ask again before each call, or use authorizedFetch)
//   settings()      -> the settings file's content (cloud) or null (local)

/* global oidc */

(() => {
  /** The settings file of a sign-in in progress, read again when the hosted page sends the user back. */
  const PENDING_KEY = "siaga112.signIn.settingsUrl";
  /** Renew a token this close to its expiry (seconds). */
  const RENEW_BEFORE_SECONDS = 60;

  let configured;
  let mode;
  let settingsUrl;
  let settings = null;
  let manager;
  let localIdentity = null;

  /**
   * Loads the page's sign-in settings and, when the hosted page has just sent the user back with a
   * code, exchanges it (with the PKCE verifier) and restores the address the page had: the pool has
   * one callback address, so when sign-in started on another page of the same site, the browser goes
   * back to that page (and this never resolves).
   * `local` (local centre only): async () => ({ username, groups, tenant, headers }).
   */
  function configure(options = {}) {
    configured ??= load(options);
    return configured;
  }

  async function load({ settingsUrl: wanted, local }) {
    const query = new URLSearchParams(location.search);
    const returning = query.has("code") && query.has("state");
    const pending = sessionStorage.getItem(PENDING_KEY);
    const url = returning && pending ? pending : wanted && new URL(wanted, location.href).href;
    if (!url) throw new Error("siaga112SignIn.configure: settingsUrl is missing");
    const response = await fetch(url, { cache: "no-store" });
    if (response.status === 404) {
      mode = "local";
      localIdentity = local ? await local() : null;
      return { mode, settings: null };
    }
    if (!response.ok) {
      const error = new Error(`Pengaturan masuk tidak dapat dibaca (${url}: HTTP ${response.status})`);
      // The page tells a missing file (403 from S3 behind CloudFront) from a failure.
      error.status = response.status;
      throw error;
    }
    settingsUrl = url;
    settings = await response.json();
    mode = "cloud";
    manager = new oidc.UserManager({
      authority: settings.authority,
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      post_logout_redirect_uri: settings.redirectUri,
      response_type: "code",
      scope: settings.scope,
      loadUserInfo: false,
      automaticSilentRenew: false,
      userStore: new oidc.WebStorageStateStore({ store: sessionStorage }),
      // Cognito's discovery document names no revocation endpoint; its hosted domain has one.
      metadataSeed: { revocation_endpoint: `${settings.signInDomain}/oauth2/revoke` },
      // The hosted pages in Bahasa Indonesia.
      extraQueryParams: { lang: "id" },
    });
    if (returning && pending) {
      sessionStorage.removeItem(PENDING_KEY);
      const user = await manager.signinRedirectCallback();
      const back = returnAddress(user.state?.returnTo);
      if (back.pathname !== location.pathname) {
        // The pool returns to its one callback (the site's root); the user came from another page
        // of the site (the city page on the console site): go there, it finds the tokens in this
        // origin's sessionStorage. Nothing after this resolves.
        location.replace(back.href);
        return new Promise(() => {});
      }
      history.replaceState(null, "", back.href);
    }
    return { mode, settings };
  }

  /** Where to go back after sign-in: the page the user left, on this site only, else the callback. */
  function returnAddress(returnTo) {
    const fallback = new URL(settings.redirectUri, location.href);
    if (typeof returnTo !== "string") return fallback;
    try {
      const back = new URL(returnTo, location.href);
      return back.origin === location.origin ? back : fallback;
    } catch {
      return fallback;
    }
  }

  function requireConfigured() {
    if (!mode) throw new Error("siaga112SignIn.configure() must finish first");
  }

  /** Signed in already: the identity. Otherwise, in the cloud, off to the hosted sign-in page. */
  async function signIn() {
    requireConfigured();
    if (mode === "local") return localIdentity;
    const user = await manager.getUser();
    if (user && !user.expired) return identity();
    sessionStorage.setItem(PENDING_KEY, settingsUrl);
    await manager.signinRedirect({ state: { returnTo: location.href } });
    // The browser is leaving for the hosted page: nothing after this resolves.
    return new Promise(() => {});
  }

  async function signOut() {
    requireConfigured();
    if (mode === "local") {
      localIdentity = null;
      return;
    }
    try {
      await manager.revokeTokens(["refresh_token"]);
    } catch {
      // Revocation is a courtesy: the hosted session still ends below.
    }
    await manager.removeUser();
    const logout = new URL(`${settings.signInDomain}/logout`);
    logout.searchParams.set("client_id", settings.clientId);
    logout.searchParams.set("logout_uri", settings.redirectUri);
    location.assign(logout.href);
    return new Promise(() => {});
  }

  /** A valid access token: renewed with the refresh token near expiry, or a new sign-in. */
  async function accessToken() {
    requireConfigured();
    if (mode === "local") return null;
    let user = await manager.getUser();
    if (user && (user.expires_in ?? 0) < RENEW_BEFORE_SECONDS) user = await renew();
    if (!user) return signIn();
    return user.access_token;
  }

  let renewing = null;
  /**
   * New tokens from the refresh token; null when it is gone or refused. Calls made at once (the
   * console asks for four lists together) share one renewal: a refresh token that the pool rotates
   * is good for one exchange only.
   */
  function renew() {
    renewing ??= manager
      .signinSilent()
      .catch(async () => {
        await manager.removeUser();
        return null;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  }

  /** Who is signed in: `{ username, groups, tenant }` from the stored access token (the API checks it). */
  async function currentIdentity() {
    if (mode === "local") return localIdentity;
    const user = await manager.getUser();
    if (!user) return null;
    const claims = claimsOf(user.access_token);
    return {
      username: claims.username ?? claims["cognito:username"] ?? claims.sub,
      groups: claims["cognito:groups"] ?? [],
      tenant: settings.tenant?.code ?? null,
    };
  }

  /** The payload of a JWT, read (not verified: only the API's authorizer decides). */
  function claimsOf(token) {
    const base64 = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  let lastIdentity = null;
  /** The identity known since the last sign-in, token renewal or configure (synchronous). */
  function identity() {
    return mode === "local" ? localIdentity : lastIdentity;
  }

  async function refreshIdentity() {
    lastIdentity = await currentIdentity();
    return lastIdentity;
  }

  /** `fetch` with the user's token (cloud) or the local centre's headers; renews once on a 401. */
  async function authorizedFetch(url, init = {}) {
    requireConfigured();
    if (mode === "local") {
      return fetch(url, { ...init, headers: { ...init.headers, ...(localIdentity?.headers ?? {}) } });
    }
    const send = (token) =>
      fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    const response = await send(await accessToken());
    if (response.status !== 401) return response;
    const renewed = await renew();
    if (!renewed) return signIn();
    await refreshIdentity();
    return send(renewed.access_token);
  }

  globalThis.siaga112SignIn = {
    configure: async (options) => {
      const result = await configure(options);
      await refreshIdentity();
      return result;
    },
    signIn: async () => {
      await signIn();
      return refreshIdentity();
    },
    signOut,
    accessToken: async () => {
      const token = await accessToken();
      await refreshIdentity();
      return token;
    },
    identity,
    authorizedFetch,
    session: async () => {
      await signIn();
      const token = await accessToken();
      const who = await refreshIdentity();
      return {
        accessToken: token,
        username: who?.username,
        groups: who?.groups ?? [],
        tenant: who?.tenant ?? null,
      };
    },
    settings: () => settings,
  };
})();
