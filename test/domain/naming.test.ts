import { ccpUrl, consoleNames, dataArns, nationalBusArn, stackNames, tenantNames } from "../../domain/naming";
import { requireRegistry } from "../../registry/load-registry";

describe("names a platform engineer can guess from the tenant code", () => {
  const { platform, tenants } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });
  const manado = tenants.find((t) => t.code === "71.71")!;

  it("names stacks after the tenant code and hub id", () => {
    expect([
      stackNames.data(manado),
      stackNames.call(manado),
      stackNames.hub(manado.hub),
      stackNames.national(),
    ]).toEqual(["siaga112-71-71-data", "siaga112-71-71-call", "siaga112-hub-timur-1", "siaga112-national"]);
    expect(stackNames.data({ code: "31" })).toBe("siaga112-31-data");
  });

  it("names the tenant's resources deterministically", () => {
    const names = tenantNames(manado);
    expect([names.incidentTable, names.keyAlias, names.scheduleGroup, names.signingSecret]).toEqual([
      "siaga112-71-71-incidents",
      "alias/siaga112-71-71",
      "siaga112-71-71",
      "siaga112-71-71/ack-signing",
    ]);
    expect([names.inboundFlow, names.customerQueueFlow]).toEqual([
      "siaga112-71-71-inbound",
      "siaga112-71-71-queue",
    ]);
  });

  it("builds the data Region's ARNs from account, Region and name, with no token", () => {
    expect(dataArns(manado).incidentTable).toBe(
      "arn:aws:dynamodb:ap-southeast-3:111111111111:table/siaga112-71-71-incidents",
    );
    expect(nationalBusArn(platform)).toBe(
      "arn:aws:events:ap-southeast-3:111111111111:event-bus/siaga112-national",
    );
  });

  it("names the one console site, the tenant's settings file in it and its hosted sign-in domain", () => {
    expect(stackNames.console()).toBe("siaga112-console");
    expect(consoleNames(platform).bucket).toBe("siaga112-console-111111111111-ap-southeast-3");
    expect(tenantNames(manado).consoleConfig).toBe("config/71.71.json");
    expect(tenantNames({ code: "31" }).consoleConfig).toBe("config/31.json");
    expect(tenantNames(manado).signInDomain("111111111111")).toBe("siaga112-71-71-111111111111");
  });

  it("finds the hub's contact control panel from its instance alias", () => {
    expect(ccpUrl(manado.hub)).toBe("https://siaga112-timur-1.my.connect.aws/ccp-v2/");
  });
});
