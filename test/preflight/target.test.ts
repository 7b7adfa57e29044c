import { phoneNumberExpectations, preflightTarget } from "../../preflight/target";
import { requireRegistry } from "../../registry/load-registry";

describe("preflightTarget", () => {
  const { platform, tenants } = requireRegistry({ dir: "tenants" });

  it("derives Regions, hubs, numbers and agency topics of the example tenants", () => {
    const { target, elsewhere } = preflightTarget(platform, tenants, "111111111111");
    expect(elsewhere).toEqual([]);
    expect(target.regions).toEqual(["ap-southeast-1", "ap-southeast-3"]);
    expect(target.smsRegions).toEqual(["ap-southeast-3"]);
    expect(target.hubs.map((h) => h.instanceAlias)).toEqual(["siaga112-jawa-1", "siaga112-timur-1"]);
    const damkar = target.agencyTopics.find((t) => t.tenantCode === "71.71" && t.agencyId === "damkar");
    expect(damkar).toEqual({
      tenantCode: "71.71",
      agencyId: "damkar",
      region: "ap-southeast-3",
      topicArn: "arn:aws:sns:ap-southeast-3:111111111111:siaga112-71-71-agency-damkar",
      emails: [{ address: "piket@damkar.manado.example", contactId: "piket" }],
    });
    expect(target.minSmsSpendUsd).toBeGreaterThan(1);
  });

  it("checks only what lives in the credentials' account and names the rest", () => {
    const split = {
      ...platform,
      hubs: platform.hubs.map((h) => (h.id === "jawa-1" ? { ...h, account: "222222222222" } : h)),
    };
    const moved = tenants.map((t) =>
      t.hub.id === "jawa-1" ? { ...t, hub: { ...t.hub, account: "222222222222" } } : t,
    );
    const { target, elsewhere } = preflightTarget(split, moved, "111111111111");
    expect(target.hubs.map((h) => h.id)).toEqual(["timur-1"]);
    expect(target.phoneNumbers.map((p) => p.tenantCode)).toEqual(["71.71"]);
    expect(elsewhere).toEqual(["hub jawa-1 (account 222222222222)"]);
  });
});

describe("phoneNumberExpectations", () => {
  it("turns the tenant file's phone model into what the number check needs", () => {
    const { tenants } = requireRegistry({ dir: "tenants" });
    const manado = phoneNumberExpectations(tenants).find((p) => p.tenantCode === "71.71");
    expect(manado).toEqual({
      tenantCode: "71.71",
      hub: { id: "timur-1", connectRegion: "ap-southeast-1", instanceAlias: "siaga112-timur-1" },
      numberArn:
        "arn:aws:connect:ap-southeast-1:111111111111:phone-number/0a1b2c3d-7171-4000-8000-000000000001",
      e164: "+62431860112",
      inboundFlowName: "siaga112-71-71-inbound",
    });
  });

  it("has nothing to check for a tenant whose number Connect will claim and whose DID is not recorded yet", () => {
    const { tenants } = requireRegistry({ dir: "tenants" });
    const claiming = tenants.map((t) =>
      t.code === "71.71"
        ? { ...t, phone: { claim: { country: "SG", type: "DID" as const }, overflow: t.phone.overflow } }
        : t,
    );
    expect(phoneNumberExpectations(claiming).map((p) => p.tenantCode)).toEqual(["31", "35.78"]);
  });
});
