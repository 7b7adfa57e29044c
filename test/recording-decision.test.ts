/**
 * The recording decision, held in four places that must agree: calls are NOT recorded. Connect
 * stores recordings in the S3 bucket of the instance storage configuration, in the Connect Region
 * (Singapore); PP 71/2019 keeps government data in Indonesia and recordings are personal data under
 * UU 27/2022. So: no flow turns recording on, no prompt tells a caller the call is recorded, the hub
 * has no storage configuration, and docs/deploy.md says so.
 */
import { readdirSync, readFileSync } from "node:fs";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { loadPromptSet, PROMPT_NAMES } from "../flows/prompt-set";
import { buildCustomerQueueFlow, buildInboundFlow, placeholderRefs } from "../flows/tenant-flows";
import { HubStack } from "../lib/stacks/hub-stack";
import { requireRegistry } from "../registry/load-registry";

const { platform, tenants } = requireRegistry({ dir: "tenants" });
/** Words a prompt would use to say a call is recorded ("direkam", "rekaman", "merekam"). */
const RECORDING_WORDS = /rekam/i;

describe("calls are not recorded, and everything says so", () => {
  it("no tenant's flow turns recording on", () => {
    for (const tenant of tenants) {
      const refs = placeholderRefs(tenant);
      const actions = [
        ...buildInboundFlow(tenant, refs).Actions,
        ...buildCustomerQueueFlow(tenant, refs).Actions,
      ];
      expect(actions.filter((a) => a.Type === "UpdateContactRecordingBehavior")).toEqual([]);
    }
  });

  it("no prompt of any prompt set tells the caller the call is recorded", () => {
    const sets = readdirSync("prompts", { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) {
      const prompts = loadPromptSet(set.name).prompts;
      for (const name of PROMPT_NAMES)
        expect(`${name}: ${prompts[name].transcript}`).not.toMatch(RECORDING_WORDS);
    }
  });

  it("no hub has recording storage (no instance storage configuration, no bucket)", () => {
    for (const hub of platform.hubs) {
      const template = Template.fromStack(
        new HubStack(new App(), `hub-${hub.id}`, {
          hub,
          consoleOrigin: "https://d111111abcdef8.cloudfront.net",
        }),
      );
      template.resourceCountIs("AWS::Connect::InstanceStorageConfig", 0);
      template.resourceCountIs("AWS::S3::Bucket", 0);
    }
  });

  it("docs/deploy.md records the decision and its reason", () => {
    const doc = readFileSync("docs/deploy.md", "utf8");
    const section = doc.slice(doc.indexOf("## Call recording"));
    expect(section).toMatch(/^## Call recording\n/);
    expect(section).toContain("Calls are not recorded");
    expect(section).toContain("PP 71/2019");
  });
});
