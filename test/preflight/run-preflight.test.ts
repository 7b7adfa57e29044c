import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { sdkClients } from "../../preflight/aws-clients";
import { type PreflightCheck, resultsOf } from "../../preflight/check";
import { runPreflight } from "../../preflight/run-preflight";
import { requireRegistry } from "../../registry/load-registry";

const registry = requireRegistry({ dir: "tenants" });

function fakeCheck(id: string, run: PreflightCheck["run"]): PreflightCheck {
  return { id, title: id, calls: [`test:${id}`], source: "https://example.invalid", run };
}

function signedInAs(account: string) {
  const aws = sdkClients();
  mockClient(aws.sts()).on(GetCallerIdentityCommand).resolves({ Account: account });
  return aws;
}

describe("runPreflight", () => {
  it("runs the checks in order after the account, with what the registry expects", async () => {
    const seen: string[] = [];
    const checks = [
      fakeCheck("first", async (target) => {
        seen.push(target.regions.join(","));
        return [resultsOf("first").pass("x", "ok")];
      }),
      fakeCheck("second", async () => [resultsOf("second").fail("y", "broken", "repair it")]),
    ];
    const results = await runPreflight(registry, signedInAs("111111111111"), { checks });
    expect(results.map((r) => `${r.check}:${r.status}`)).toEqual([
      "account:pass",
      "first:pass",
      "second:fail",
    ]);
    expect(seen).toEqual(["ap-southeast-1,ap-southeast-3"]);
  });

  it("checks nothing else when the credentials are for another account", async () => {
    const run = jest.fn();
    const results = await runPreflight(registry, signedInAs("999999999999"), {
      checks: [fakeCheck("never", run)],
    });
    expect(results.map((r) => r.status)).toEqual(["fail"]);
    expect(run).not.toHaveBeenCalled();
  });

  it("turns a check that throws into one unknown result and goes on", async () => {
    const results = await runPreflight(registry, signedInAs("111111111111"), {
      checks: [
        fakeCheck("throws", async () => {
          throw new TypeError("Cannot read properties of undefined");
        }),
        fakeCheck("after", async () => [resultsOf("after").pass("z", "ok")]),
      ],
    });
    expect(results.slice(1)).toEqual([
      expect.objectContaining({ check: "throws", status: "unknown", subject: "(whole check)" }),
      expect.objectContaining({ check: "after", status: "pass" }),
    ]);
  });
});
