/**
 * API Gateway HTTP API (payload 2.0) / function URL events to and from the plain `HttpRequest`.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import type { HttpRequest, HttpResponse, RequestIdentity } from "./ports";

/**
 * Reads a multi-valued claim. The HTTP API JWT authorizer passes every claim value as a string and
 * writes an array claim such as `cognito:groups` as `[a b]` (bracketed, space-separated), e.g.
 * https://github.com/aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock/pull/803;
 * a native array, a JSON array or a comma-separated list are read too.
 *
 * @example
 * claimList("[call-taker supervisor]") // ["call-taker", "supervisor"]
 */
export function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value !== "string") return [];
  const text = value.trim();
  if (text.startsWith('["')) {
    try {
      return claimList(JSON.parse(text));
    } catch {
      // not JSON after all: read as bracketed below
    }
  }
  const inner = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  return inner.split(/[\s,]+/).filter((v) => v.length > 0);
}

/**
 * The identity in an HTTP API JWT authorizer's claims (`requestContext.authorizer.jwt.claims`),
 * or undefined when there are none (no authorizer, or one without a `sub`).
 *
 * @example
 * identityOfClaims({ sub: "a1", "cognito:username": "rina", "cognito:groups": "[call-taker]" })
 * // { subject: "a1", username: "rina", groups: ["call-taker"] }
 */
export function identityOfClaims(claims: unknown): RequestIdentity | undefined {
  if (typeof claims !== "object" || claims === null) return undefined;
  const c = claims as Record<string, unknown>;
  if (typeof c.sub !== "string" || c.sub === "") return undefined;
  const username = c["cognito:username"] ?? c.username;
  const tenant = c["custom:tenant"];
  return {
    subject: c.sub,
    ...(typeof username === "string" && username ? { username } : {}),
    groups: claimList(c["cognito:groups"]),
    ...(typeof tenant === "string" && tenant ? { tenant } : {}),
  };
}

/**
 * The plain request of an HTTP API event; the stage prefix is removed from the path.
 *
 * @example
 * toHttpRequest(event).path // "/incidents/c0ffee"
 */
export function toHttpRequest(event: APIGatewayProxyEventV2): HttpRequest {
  const context = event?.requestContext;
  const stage = context?.stage && context.stage !== "$default" ? `/${context.stage}` : "";
  const rawPath = typeof event?.rawPath === "string" ? event.rawPath : "/";
  const path = stage && rawPath.startsWith(`${stage}/`) ? rawPath.slice(stage.length) : rawPath;
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event?.headers ?? {})) headers[name.toLowerCase()] = value;
  const body =
    typeof event?.body === "string" && event.isBase64Encoded
      ? Buffer.from(event.body, "base64").toString("utf8")
      : event?.body;
  const authorizer = (context as { authorizer?: { jwt?: { claims?: unknown } } } | undefined)?.authorizer;
  const identity = identityOfClaims(authorizer?.jwt?.claims);
  return {
    method: context?.http?.method ?? "GET",
    path,
    headers,
    query: { ...(event?.queryStringParameters ?? {}) },
    body: typeof body === "string" ? body : undefined,
    authorized: Boolean(authorizer),
    ...(identity ? { identity } : {}),
  };
}

/** @example toHttpResult({ statusCode: 200, headers: {}, body: "{}" }) */
export function toHttpResult(response: HttpResponse): APIGatewayProxyResultV2 {
  return { statusCode: response.statusCode, headers: response.headers, body: response.body };
}
