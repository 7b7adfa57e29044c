import { mayAct, ROLE_ACTS, TENANT_ROLES } from "../../domain/roles";

describe("acts of the tenant roles", () => {
  it("let call-takers handle calls, supervisors also reopen and reassign, and read-only staff only read", () => {
    expect(mayAct(["call-taker"], "handle")).toBe(true);
    expect(mayAct(["call-taker"], "reopen")).toBe(false);
    expect(mayAct(["supervisor"], "reopen")).toBe(true);
    expect(mayAct(["supervisor"], "reassign")).toBe(true);
    expect(mayAct(["read-only"], "handle")).toBe(false);
    expect(mayAct(["manager"], "handle")).toBe(false);
    expect(mayAct(["read-only", "call-taker"], "handle")).toBe(true);
    expect(mayAct(["admins"], "read")).toBe(false);
    for (const role of TENANT_ROLES) expect(ROLE_ACTS[role]).toContain("read");
  });
});

describe("the city's figures", () => {
  it("are for supervisors and the manager, not for call-takers or read-only staff", () => {
    expect(TENANT_ROLES.filter((role) => mayAct([role], "city-figures"))).toEqual(["supervisor", "manager"]);
  });
});
