/**
 * API Gateway HTTP API (payload 2.0) / function URL events to and from the plain `HttpRequest`.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import type { HttpRequest, HttpResponse } from "./ports";

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
  return {
    method: context?.http?.method ?? "GET",
    path,
    headers,
    query: { ...(event?.queryStringParameters ?? {}) },
    body: typeof body === "string" ? body : undefined,
    authorized: Boolean((context as { authorizer?: unknown } | undefined)?.authorizer),
  };
}

/** @example toHttpResult({ statusCode: 200, headers: {}, body: "{}" }) */
export function toHttpResult(response: HttpResponse): APIGatewayProxyResultV2 {
  return { statusCode: response.statusCode, headers: response.headers, body: response.body };
}
