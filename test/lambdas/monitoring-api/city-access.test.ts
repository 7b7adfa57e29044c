import { cityAccess } from "../../../lambdas/monitoring-api/city-access";

const names = { "71.71": "Kota Manado", "35.78": "Kota Surabaya" };
const status = (access: ReturnType<typeof cityAccess>) => ("refusal" in access ? access.refusal.status : 200);

describe("cityAccess", () => {
  it("scopes a supervisor or manager to the kab/kota of the token, whatever the query", () => {
    const supervisor = { subject: "s", groups: ["supervisor"], tenant: "71.71" };
    expect(cityAccess(supervisor, undefined, names)).toEqual({ tenant: "71.71" });
    expect(cityAccess(supervisor, "71.71", names)).toEqual({ tenant: "71.71" });
    expect(status(cityAccess(supervisor, "35.78", names))).toBe(403);
  });

  it("gives read-only staff no city figures", () => {
    expect(
      status(cityAccess({ subject: "r", groups: ["read-only"], tenant: "71.71" }, undefined, names)),
    ).toBe(403);
  });

  it("names a malformed or unknown kab/kota code", () => {
    const officer = { subject: "n", groups: ["national"] };
    const bad = cityAccess(officer, "Manado", names);
    expect(bad).toEqual({ refusal: { status: 400, message: expect.stringContaining('tenant "Manado"') } });
    expect(status(cityAccess(officer, "11.01", names))).toBe(404);
  });
});
