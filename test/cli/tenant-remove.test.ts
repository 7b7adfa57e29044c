import { join, relative } from "node:path";
import { siaga112 } from "../support/run-cli";
import { editFile, scratchTenants } from "../support/scratch-tenants";

describe("siaga112 tenant remove", () => {
  const dir = scratchTenants();
  const file = join(dir, "71.71-kota-manado.yaml");
  const shown = relative(process.cwd(), file);

  it("refuses while the hub still routes the tenant's number, showing how to take it off", async () => {
    const { err, out, code } = await siaga112("tenant", "remove", "71.71", "--dir", dir);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toContain(
      `refused: hub timur-1 still routes arn:aws:connect:ap-southeast-1:111111111111:phone-number/0a1b2c3d-7171-4000-8000-000000000001 (phone.numberArn in ${shown}) to the 112 flow of Kota Manado`,
    );
    expect(err).toContain("Have every telco route 112 calls from Kota Manado to the centre taking over");
    expect(err).toContain(`In ${shown}, delete phone.numberArn and add "offboarding: true"`);
    expect(err).toContain("npx cdk deploy -e siaga112-71-71-call");
    expect(err).toContain("visible only in the account");
  });

  it("refuses a file that is offboarding but still names its number", async () => {
    editFile(file, (text) => text.replace(/^phone:/m, "offboarding: true\nphone:"));
    const { err, code } = await siaga112("tenant", "validate", "--dir", dir, file);
    expect(code).toBe(1);
    expect(err).toContain(
      `${shown}: offboarding true: the hub still routes a number to this tenant: remove phone.numberArn / phone.claim once the operators route 112 elsewhere (siaga112 tenant remove 71.71 lists the steps)`,
    );
  });

  it("once the file names no number, lists the stacks to destroy and what is kept for how long", async () => {
    editFile(file, (text) => text.replace(/^ {2}numberArn: .*\n/m, ""));
    expect((await siaga112("tenant", "validate", "--dir", dir, file)).code).toBe(0);
    const { out, code } = await siaga112("tenant", "remove", "71.71", "--dir", dir);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("Kota Manado (71.71) names no number any more: its stacks can be destroyed.");
    expect(lines.filter((l) => l.includes("npx cdk destroy"))).toEqual([
      "     npx cdk destroy -e siaga112-71-71-call    # ap-southeast-1: queue, hours, prompts, flows and intake in hub timur-1",
      "     npx cdk destroy -e siaga112-71-71-data    # ap-southeast-3: incidents, agency topics, escalation, call-taker API",
    ]);
    expect(out).toContain(
      "  - siaga112-71-71-incidents (AWS::DynamoDB::Table, ap-southeast-3): kept with deletion protection on",
    );
    expect(out).toContain("scheduled deletion waits 30 days (7 to 30)");
    expect(out).toContain(
      "  - siaga112-71-71/ack-signing (AWS::SecretsManager::Secret, ap-southeast-3): kept;",
    );
    expect(out).toContain("restorable for 30 days by default (7 to 30)");
    expect(out).toContain(`2. Delete ${shown}.`);
  });

  it("names an unknown tenant", async () => {
    const { err, code } = await siaga112("tenant", "remove", "71.72", "--dir", dir);
    expect(code).toBe(1);
    expect(err).toBe(`tenant "71.72": no such tenant in ${dir}/; tenants: 31, 35.78, 71.71`);
  });
});
