import { localIdentity, localMonitoringIdentity } from "../../local/local-identity";

describe("the identity the local centre vouches for", () => {
  it("is a call-taker on the console when the headers are missing, and the role the page chose otherwise", () => {
    expect(localIdentity({}).groups).toEqual(["call-taker"]);
    expect(localIdentity({ "x-siaga112-user": "rina", "x-siaga112-role": "supervisor" })).toEqual({
      subject: "local:rina",
      username: "rina",
      groups: ["supervisor"],
    });
  });

  it("on the monitoring API is the national centre, or a city page's staff of the kab/kota it names", () => {
    expect(localMonitoringIdentity({}).groups).toEqual(["national"]);
    expect(
      localMonitoringIdentity({ "x-siaga112-role": "manager", "x-siaga112-tenant": "71.71" }),
    ).toMatchObject({
      groups: ["manager"],
      tenant: "71.71",
    });
    expect(() =>
      localMonitoringIdentity({ "x-siaga112-role": "manager", "x-siaga112-tenant": "Manado" }),
    ).toThrow('x-siaga112-tenant "Manado"');
  });
});
