import { router } from "../../../lambdas/shared/http-router";
import type { HttpRequest } from "../../../lambdas/shared/ports";

const request = (method: string, path: string): HttpRequest => ({
  method,
  path,
  headers: {},
  query: {},
  authorized: false,
});
const handle = async () => ({ statusCode: 200, headers: {}, body: "" });

describe("http router", () => {
  const match = router([
    { method: "GET", path: "/incidents", handle },
    { method: "GET", path: "/incidents/{incidentId}", handle },
    { method: "POST", path: "/incidents/{incidentId}/close", handle },
  ]);

  it("finds the route of a method and path, with its parameters", () => {
    const found = match(request("get", "/incidents/c0ffee"));
    expect(found).toMatchObject({ kind: "found", params: { incidentId: "c0ffee" } });
    expect(match(request("POST", "/incidents/c0ffee/close/"))).toMatchObject({ kind: "found" });
  });

  it("tells a known path with the wrong method from an unknown path", () => {
    expect(match(request("POST", "/incidents/c0ffee"))).toEqual({
      kind: "method-not-allowed",
      allowed: ["GET"],
    });
    expect(match(request("GET", "/incidents/c0ffee/unknown"))).toEqual({ kind: "not-found" });
    expect(match(request("GET", "/incidents//close"))).toEqual({ kind: "not-found" });
  });

  it("matches parameters literally, never as patterns", () => {
    const dotted = router([{ method: "GET", path: "/a.b/{token}", handle }]);
    expect(dotted(request("GET", "/axb/t"))).toEqual({ kind: "not-found" });
    expect(dotted(request("GET", "/a.b/t.1.2"))).toMatchObject({ params: { token: "t.1.2" } });
  });
});
