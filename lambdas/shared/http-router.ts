/**
 * A small routing table for the plain HTTP functions (call-taker API, acknowledgement page): each
 * route is a method, a path template with `{name}` segments and a handler. The same table serves
 * the Lambda and the local centre, since both hand it the plain `HttpRequest`.
 */
import type { HttpRequest, HttpResponse } from "./ports";

export interface Route<Deps> {
  readonly method: "GET" | "HEAD" | "POST";
  /** e.g. `/incidents/{incidentId}/classification`; a `{name}` matches one non-empty segment. */
  readonly path: string;
  readonly handle: (
    deps: Deps,
    request: HttpRequest,
    params: Readonly<Record<string, string>>,
  ) => Promise<HttpResponse>;
}

export type RouteMatch<Deps> =
  | { readonly kind: "found"; readonly route: Route<Deps>; readonly params: Readonly<Record<string, string>> }
  /** The path is known but not for this method: `allowed` lists the methods that are. */
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly string[] }
  | { readonly kind: "not-found" };

interface CompiledRoute<Deps> {
  readonly route: Route<Deps>;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/**
 * Builds a router from a table of routes.
 *
 * @example
 * const match = router([{ method: "GET", path: "/incidents/{id}", handle }])({ method: "GET", path: "/incidents/c0ffee", ... });
 * // { kind: "found", route, params: { id: "c0ffee" } }
 */
export function router<Deps>(routes: readonly Route<Deps>[]): (request: HttpRequest) => RouteMatch<Deps> {
  const compiled: CompiledRoute<Deps>[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split("/")
      .map((segment) => {
        const param = /^\{([A-Za-z]+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(param[1]!);
        return "([^/]+)";
      })
      .join("/");
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });
  return (request) => {
    const method = request.method.toUpperCase();
    const allowed: string[] = [];
    for (const { route, pattern, names } of compiled) {
      const match = pattern.exec(request.path);
      if (!match) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = match[i + 1]!;
      });
      return { kind: "found", route, params };
    }
    return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  };
}
