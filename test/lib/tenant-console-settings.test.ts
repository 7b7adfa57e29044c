import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { consolePageSettings } from "../../domain/console-settings";
import { type ConsoleSettings, TenantConsoleSettings } from "../../lib/tenant-console-settings";
import { requireRegistry } from "../../registry/load-registry";

const manado = requireRegistry({ dir: "tenants", promptsDir: "prompts" }).tenants.find(
  (t) => t.code === "71.71",
)!;

describe("TenantConsoleSettings", () => {
  const settings: ConsoleSettings = {
    authority: "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_x",
    clientId: "c",
    signInDomain: "https://d.auth.ap-southeast-3.amazoncognito.com",
    redirectUri: "https://d111111abcdef8.cloudfront.net/",
    scope: "openid email siaga112/console",
    ...consolePageSettings(manado),
    apiUrl: "https://a.execute-api.ap-southeast-3.amazonaws.com",
    phonePanel: {
      kind: "streams",
      ccpUrl: "https://siaga112-timur-1.my.connect.aws/ccp-v2/",
      region: "ap-southeast-1",
    },
  };
  const setup = (key: string) => {
    const stack = new Stack(new App(), "S", { env: { account: "111111111111", region: "ap-southeast-3" } });
    new TenantConsoleSettings(stack, "Settings", { bucketName: "siaga112-console-b", key, settings });
    return Template.fromStack(stack);
  };

  it("puts the settings as JSON at deploy and deletes them with the stack", () => {
    const [writer] = Object.values(setup("config/71.71.json").findResources("Custom::ConsoleSettings"));
    const create = JSON.parse(writer.Properties.Create);
    expect(create).toMatchObject({
      service: "S3",
      action: "PutObject",
      parameters: { Bucket: "siaga112-console-b", Key: "config/71.71.json", ContentType: "application/json" },
    });
    expect(JSON.parse(create.parameters.Body)).toEqual(settings);
    expect(JSON.parse(writer.Properties.Delete)).toMatchObject({
      action: "DeleteObject",
      parameters: { Bucket: "siaga112-console-b", Key: "config/71.71.json" },
    });
  });

  it("refuses a key outside config/<code>.json", () => {
    expect(() => setup("index.html")).toThrow(
      'TenantConsoleSettings props.key "index.html": expected config/<tenant code>.json',
    );
  });
});
