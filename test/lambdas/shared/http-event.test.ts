import { claimList, identityOfClaims, toHttpRequest } from "../../../lambdas/shared/http-event";

describe("identity from an HTTP API JWT authorizer", () => {
  it("reads cognito:groups in every form the authorizer or a client may pass it", () => {
    expect(claimList("[call-taker supervisor]")).toEqual(["call-taker", "supervisor"]);
    expect(claimList('["call-taker","read-only"]')).toEqual(["call-taker", "read-only"]);
    expect(claimList(["supervisor"])).toEqual(["supervisor"]);
    expect(claimList("call-taker,manager")).toEqual(["call-taker", "manager"]);
    expect(claimList(undefined)).toEqual([]);
  });

  it("fills HttpRequest.identity from the claims, and leaves it out without a sub", () => {
    const request = toHttpRequest({
      rawPath: "/incidents",
      requestContext: {
        http: { method: "GET" },
        authorizer: { jwt: { claims: { sub: "a1", username: "rina", "cognito:groups": "[call-taker]" } } },
      },
    } as never);
    expect(request.identity).toEqual({ subject: "a1", username: "rina", groups: ["call-taker"] });
    expect(request.authorized).toBe(true);
    expect(identityOfClaims({ "cognito:groups": "[supervisor]" })).toBeUndefined();
    expect(
      toHttpRequest({ rawPath: "/", requestContext: { http: { method: "GET" } } } as never).identity,
    ).toBeUndefined();
  });
});
