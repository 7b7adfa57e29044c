/**
 * Roles enforced by the API from the identity the authorizer vouched for (domain/roles.ts), not
 * only hidden in the page: read-only staff cannot write, a call-taker cannot reopen or act on
 * another desk, a token stamped with another city's tenant is refused.
 */
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { toHttpRequest } from "../../../lambdas/shared/http-event";
import type { HttpRequest, RequestIdentity } from "../../../lambdas/shared/ports";
import { centrePerTest } from "../support/centre";

const t = centrePerTest();

const RINA: RequestIdentity = { subject: "c-1", username: "rina", groups: ["call-taker"] };
const BUDI: RequestIdentity = { subject: "c-2", username: "budi", groups: ["call-taker"] };
const SARI: RequestIdentity = { subject: "s-1", username: "sari", groups: ["supervisor"] };
const LIHAT: RequestIdentity = { subject: "r-1", username: "lihat", groups: ["read-only"] };

async function send(identity: RequestIdentity, method: string, path: string, body?: unknown) {
  const request: HttpRequest = {
    method,
    path,
    headers: {},
    query: {},
    body: body === undefined ? undefined : JSON.stringify(body),
    authorized: true,
    identity,
  };
  const response = await handleCallTakerRequest(t.centre.api, request);
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

describe("roles in the call-taker API", () => {
  it("refuses a read-only user's write with 403, and lets them read", async () => {
    const id = await t.centre.call();
    const write = await send(LIHAT, "POST", `/incidents/${id}/outcome`, { outcome: "prank" });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: "forbidden", act: "handle" });
    expect((await send(LIHAT, "GET", `/incidents/${id}`)).body).toMatchObject({ state: "received" });
    expect((await send({ ...LIHAT, groups: ["manager"] }, "POST", `/incidents/${id}/close`, {})).status).toBe(
      403,
    );
  });

  it("refuses a call-taker's reopen, and lets a supervisor reopen to the state it was closed from", async () => {
    const id = await t.centre.call();
    expect((await send(RINA, "POST", `/incidents/${id}/outcome`, { outcome: "prank" })).status).toBe(200);
    const refused = await send(RINA, "POST", `/incidents/${id}/reopen`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('may "reopen"');
    const reopened = await send(SARI, "POST", `/incidents/${id}/reopen`, {});
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ state: "received" });
    expect(reopened.body.outcome).toBeUndefined();
    expect((await send(SARI, "POST", `/incidents/${id}/reopen`, {})).status).toBe(409);
  });

  it("puts an incident on the desk of the call-taker who handles it; another call-taker is refused until a supervisor reassigns it", async () => {
    const id = await t.centre.call();
    expect(
      (await send(RINA, "POST", `/incidents/${id}/assignment`, { assignee: "rina" })).body.assignee,
    ).toBe("rina");
    const other = await send(BUDI, "POST", `/incidents/${id}/outcome`, { outcome: "information" });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: "other-desk", assignee: "rina" });
    expect((await send(BUDI, "POST", `/incidents/${id}/assignment`, { assignee: "budi" })).status).toBe(403);
    // Budi's desk does not show it; the supervisor sees every desk.
    expect((await send(BUDI, "GET", "/incidents")).body.incidents).toEqual([]);
    expect((await send(SARI, "GET", "/incidents")).body.incidents).toHaveLength(1);
    const allDesks = await handleCallTakerRequest(t.centre.api, {
      method: "GET",
      path: "/incidents",
      headers: {},
      query: { desk: "all" },
      authorized: true,
      identity: BUDI,
    });
    expect(allDesks.statusCode).toBe(400);
    expect(JSON.parse(allDesks.body).problems[0].field).toBe("desk");
    expect(
      (await send(SARI, "POST", `/incidents/${id}/assignment`, { assignee: "budi" })).body.assignee,
    ).toBe("budi");
    expect((await send(BUDI, "POST", `/incidents/${id}/outcome`, { outcome: "information" })).status).toBe(
      200,
    );
  });

  it("refuses a token of another city's pool (custom:tenant) presented to this city's API", async () => {
    await t.centre.call();
    const event = {
      rawPath: "/incidents",
      headers: {},
      requestContext: {
        stage: "$default",
        http: { method: "GET" },
        authorizer: {
          jwt: {
            claims: {
              sub: "x-1",
              "cognito:username": "andi",
              "cognito:groups": "[call-taker]",
              "custom:tenant": "35.78",
            },
          },
        },
      },
    };
    const foreign = await handleCallTakerRequest(t.centre.api, toHttpRequest(event as never));
    expect(foreign.statusCode).toBe(403);
    expect(JSON.parse(foreign.body).message).toContain('custom:tenant "35.78"');
    const own = { ...event.requestContext.authorizer.jwt.claims, "custom:tenant": "71.71" };
    const home = await handleCallTakerRequest(
      t.centre.api,
      toHttpRequest({
        ...event,
        requestContext: { ...event.requestContext, authorizer: { jwt: { claims: own } } },
      } as never),
    );
    expect(home.statusCode).toBe(200);
  });

  it("refuses a user in no known group", async () => {
    const response = await send({ subject: "z", groups: ["admins"] }, "GET", "/incidents");
    expect(response.status).toBe(403);
  });
});
