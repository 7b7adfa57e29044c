import { rmSync } from "node:fs";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { buildSiaga112, siaga112AppProps } from "../../lib/siaga112-app";
import { requireRegistry } from "../../registry/load-registry";
import { standInLambdas } from "../support/example-app";

describe("buildSiaga112", () => {
  const { platform, tenants } = requireRegistry({ dir: "tenants", promptsDir: "prompts" });

  it("builds no hub stack for a hub without tenants", () => {
    const manado = tenants.filter((t) => t.code === "71.71");
    const lambdasDir = standInLambdas();
    const stacks = buildSiaga112(new App(), {
      platform,
      tenants: manado,
      nag: false,
      lambdasDir,
      bundlesDir: join(lambdasDir, "out"),
    });
    expect([...stacks.hubs.keys()]).toEqual(["timur-1"]);
    expect([...stacks.data.keys()]).toEqual(["71.71"]);
  });

  it("leaves one entry per runtime in lambda.Runtime.ALL (cdk-nag's L1 rule sorts it per function)", () => {
    const lambdasDir = standInLambdas();
    const build = () =>
      buildSiaga112(new App(), {
        platform,
        tenants,
        nag: false,
        lambdasDir,
        bundlesDir: join(lambdasDir, "out"),
      });
    build();
    const after = lambda.Runtime.ALL.length;
    const stacks = build();
    // The custom-resource providers of every tenant made runtimes again; none of them stays listed.
    expect(stacks.data.size).toBeGreaterThan(1);
    expect(lambda.Runtime.ALL.length).toBe(after);
    const keys = lambda.Runtime.ALL.map((r) => `${r.name}|${r.family}|${r.isVariable}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("refuses a hub holding more tenants than its Connect quotas allow", () => {
    const small = {
      ...platform,
      hubs: platform.hubs.map((h) => ({ ...h, quotas: { ...h.quotas, phoneNumbers: 1 } })),
    };
    const squeezed = tenants.map((t) => ({ ...t, hub: small.hubs.find((h) => h.id === t.hub.id)! }));
    expect(() => buildSiaga112(new App(), { platform: small, tenants: squeezed, nag: false })).toThrow(
      'hub "jawa-1": 2 tenants, but its Connect quotas hold 1',
    );
  });

  it("refuses a manifest function whose handler is missing", () => {
    const lambdasDir = standInLambdas();
    rmSync(join(lambdasDir, "reescalate"), { recursive: true });
    expect(() =>
      buildSiaga112(new App(), {
        platform,
        tenants,
        nag: false,
        lambdasDir,
        bundlesDir: join(lambdasDir, "out"),
      }),
    ).toThrow(/lambdas\/manifest\.ts lists reescalate, but .*reescalate\/handler\.ts does not exist/);
  });

  it("turns off construct stack traces and tree metadata for large synths", () => {
    const props = siaga112AppProps({ context: { extra: 1 } });
    expect(props.treeMetadata).toBe(false);
    expect(props.context).toMatchObject({ "aws:cdk:disable-stack-trace": true, extra: 1 });
  });
});
