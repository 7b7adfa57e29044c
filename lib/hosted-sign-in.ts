/**
 * Hosted sign-in for a staff pool (Cognito managed login): the pool's prefix domain, its groups,
 * one API scope, and the browser's app client. The client is public (no secret: a page cannot keep
 * one) and uses only the authorization-code grant, which the page runs with PKCE
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/using-pkce-in-authorization-code.html):
 * no implicit grant, and no password or SRP flow of its own, since the hosted pages take the
 * password and the authenticator code. Sign-in returns to, and sign-out lands on, the site's URL.
 *
 * The API requires the scope (`<resource server>/<name>`), which only access tokens carry: an ID
 * token of the same client is refused, as API Gateway advises for JWT authorizers
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html).
 * Access tokens carry `cognito:groups`, `username`, `sub` and `client_id`
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html).
 */
import { Duration, Stack, Token } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";

/** What a page needs to sign its users in (the `config.json` or `config/<code>.json` it reads). */
export interface SignInSettings {
  /** OIDC issuer of the pool: `https://cognito-idp.<region>.amazonaws.com/<pool id>` (discovery lives below it). */
  readonly authority: string;
  readonly clientId: string;
  /** The pool's managed login domain, e.g. `https://siaga112-71-71-111111111111.auth.ap-southeast-3.amazoncognito.com`. */
  readonly signInDomain: string;
  /** Where sign-in returns and sign-out lands: the site's own address. */
  readonly redirectUri: string;
  /** Scopes the page asks for; the API requires the last one. */
  readonly scope: string;
}

export interface HostedSignInProps {
  readonly userPool: cognito.UserPool;
  /** Prefix of `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** The pool's groups (Cognito group name and what it allows). */
  readonly groups: readonly { readonly name: string; readonly description: string }[];
  /** The site's URL, where sign-in returns and sign-out lands, e.g. `https://d111111abcdef8.cloudfront.net/`. */
  readonly siteUrl: string;
  /** The scope the API requires, e.g. `{ resourceServer: "siaga112", name: "console" }`. */
  readonly apiScope: { readonly resourceServer: string; readonly name: string; readonly description: string };
  /** @default 1 hour */
  readonly accessTokenValidity?: Duration;
  /** How long a signed-in page may renew its tokens without a new sign-in. @default 12 hours (a shift) */
  readonly refreshTokenValidity?: Duration;
}

/** Cognito refuses prefix domains containing these words (the service's error: "Domain cannot contain reserved word"). */
const RESERVED_DOMAIN_WORDS = ["aws", "amazon", "cognito"] as const;

/**
 * @example
 * const signIn = new HostedSignIn(this, "SignIn", {
 *   userPool, domainPrefix: "siaga112-71-71-111111111111", siteUrl: "https://d111111abcdef8.cloudfront.net/",
 *   groups: [{ name: "call-taker", description: "..." }],
 *   apiScope: { resourceServer: "siaga112", name: "console", description: "The call-taker API" },
 * });
 */
export class HostedSignIn extends Construct {
  readonly domain: cognito.UserPoolDomain;
  readonly client: cognito.UserPoolClient;
  /** The scope string the API's routes require, e.g. `siaga112/console`. */
  readonly apiScope: string;
  readonly settings: SignInSettings;

  constructor(scope: Construct, id: string, props: HostedSignInProps) {
    super(scope, id);
    checkDomainPrefix(props.domainPrefix);
    if (!Token.isUnresolved(props.siteUrl) && !/^https:\/\/[^/]+\/$/.test(props.siteUrl)) {
      throw new Error(
        `HostedSignIn props.siteUrl "${props.siteUrl}": expected the site's https address ending in "/", e.g. https://d111111abcdef8.cloudfront.net/`,
      );
    }
    const { userPool } = props;

    for (const group of props.groups) {
      new cognito.CfnUserPoolGroup(this, `Group-${group.name}`, {
        userPoolId: userPool.userPoolId,
        groupName: group.name,
        description: group.description,
      });
    }
    const apiScope = new cognito.ResourceServerScope({
      scopeName: props.apiScope.name,
      scopeDescription: props.apiScope.description,
    });
    const resourceServer = userPool.addResourceServer("Api", {
      identifier: props.apiScope.resourceServer,
      scopes: [apiScope],
    });
    this.apiScope = `${props.apiScope.resourceServer}/${props.apiScope.name}`;

    this.domain = userPool.addDomain("Domain", {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.client = userPool.addClient("Browser", {
      generateSecret: false,
      // Only refresh-token sign-in through the API: the password and MFA happen on the hosted pages.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [
          cognito.OAuthScope.OPENID,
          cognito.OAuthScope.EMAIL,
          cognito.OAuthScope.resourceServer(resourceServer, apiScope),
        ],
        callbackUrls: [props.siteUrl],
        logoutUrls: [props.siteUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: props.accessTokenValidity ?? Duration.hours(1),
      idTokenValidity: props.accessTokenValidity ?? Duration.hours(1),
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    // Managed login pages need a style; Cognito's own defaults are enough.
    new cognito.CfnManagedLoginBranding(this, "Style", {
      userPoolId: userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const stack = Stack.of(this);
    this.settings = {
      authority: `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${userPool.userPoolId}`,
      clientId: this.client.userPoolClientId,
      signInDomain: this.domain.baseUrl(),
      redirectUri: props.siteUrl,
      scope: ["openid", "email", this.apiScope].join(" "),
    };
  }
}

/**
 * Checks a Cognito prefix domain: lowercase letters, digits and inner hyphens, at most 63 characters
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html),
 * none of the reserved words.
 *
 * @example
 * checkDomainPrefix("siaga112-71-71-111111111111") // passes
 */
export function checkDomainPrefix(prefix: string): void {
  if (Token.isUnresolved(prefix)) return;
  const reserved = RESERVED_DOMAIN_WORDS.find((word) => prefix.includes(word));
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || reserved) {
    throw new Error(
      `HostedSignIn props.domainPrefix "${prefix}": ${reserved ? `contains the reserved word "${reserved}"` : "not a Cognito prefix domain"}; expected 1-63 of a-z 0-9 and inner "-", without ${RESERVED_DOMAIN_WORDS.join(", ")}`,
    );
  }
}
