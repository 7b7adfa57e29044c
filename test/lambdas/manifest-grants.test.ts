/**
 * Every AWS call a function's bundle can make is granted to it in the manifest: a command added
 * to the code without its IAM action fails here, not in production.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { FUNCTIONS } from "../../lambdas/manifest";

/** SDK command class to the IAM action it needs. */
const ACTION_OF: Readonly<Record<string, string>> = {
  GetCommand: "dynamodb:GetItem",
  PutCommand: "dynamodb:PutItem",
  UpdateCommand: "dynamodb:UpdateItem",
  DeleteCommand: "dynamodb:DeleteItem",
  QueryCommand: "dynamodb:Query",
  BatchGetCommand: "dynamodb:BatchGetItem",
  GetItemCommand: "dynamodb:GetItem",
  PutItemCommand: "dynamodb:PutItem",
  UpdateItemCommand: "dynamodb:UpdateItem",
  CreateScheduleCommand: "scheduler:CreateSchedule",
  DeleteScheduleCommand: "scheduler:DeleteSchedule",
  PublishCommand: "sns:Publish",
  PutEventsCommand: "events:PutEvents",
  GetSecretValueCommand: "secretsmanager:GetSecretValue",
};

/** Commands bundled but never sent by a function, with the reason. */
const NEVER_SENT: Readonly<Record<string, readonly string[]>> = {
  // ack only cancels schedules; the shared scheduler adapter also knows how to create them. It
  // reads duty boards; taking alerts off them is the relay's (board-entries also knows that).
  ack: ["CreateScheduleCommand", "DeleteCommand"],
  // Opening escalations puts alerts on duty boards; taking alerts off boards is the relay's.
  "calltaker-api": ["DeleteCommand"],
  // The caller's page reads one incident; items/incidents.ts also batch-reads (duty boards, alerts panel).
  location: ["BatchGetCommand"],
};

const WIRED = FUNCTIONS.flatMap((f) => ("wiring" in f ? [f] : []));

async function commandsOf(name: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(__dirname, "../../lambdas", name, "handler.ts")],
    bundle: true,
    platform: "node",
    write: false,
    metafile: true,
    outfile: "out.js",
    logLevel: "silent",
  });
  const own = Object.keys(result.metafile.inputs).filter((i) => /^(lambdas|domain)\//.test(i));
  const commands = new Set<string>();
  for (const file of own) {
    const code = readFileSync(join(__dirname, "../..", file), "utf8")
      .split("\n")
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join("\n");
    for (const match of code.matchAll(/new ([A-Za-z]+Command)\(/g)) {
      commands.add(match[1]!);
    }
  }
  return [...commands].sort();
}

describe("the manifest's grants", () => {
  it.each(WIRED.map((f) => [f.name, f] as const))("cover every AWS call of %s", async (name, spec) => {
    const granted = new Set(spec.wiring.grants.flatMap((g) => g.actions));
    const commands = (await commandsOf(name)).filter((c) => !(NEVER_SENT[name] ?? []).includes(c));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const action = ACTION_OF[command];
      expect({ command, action }).toEqual({ command, action: expect.any(String) });
      expect({ command, granted: granted.has(action!) }).toEqual({ command, granted: true });
    }
  });
});
