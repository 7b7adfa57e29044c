/**
 * `siaga112 preflight`: checks an AWS account read-only before (and after) deploying, and prints
 * each check with what to do when it fails. The checks live in preflight/.
 */
import type { Command } from "commander";
import { PREFLIGHT_CHECKS } from "../preflight/all-checks";
import { type AwsClients, sdkClients } from "../preflight/aws-clients";
import { exitCodeOf, formatResults } from "../preflight/report";
import { runPreflight } from "../preflight/run-preflight";
import { requireRegistry } from "../registry/load-registry";

interface PreflightFlags {
  readonly profile?: string;
  readonly dir: string;
  readonly minSmsSpend?: number;
  readonly only?: readonly string[];
  readonly json?: boolean;
}

/**
 * Registers `preflight`; `clients` is how the command gets its SDK clients (tests keep the default
 * and mock the client classes).
 *
 * @example
 * registerPreflightCommand(new Command("siaga112"));
 */
export function registerPreflightCommand(
  program: Command,
  clients: (options: { profile?: string }) => AwsClients = sdkClients,
): void {
  program
    .command("preflight")
    .description(
      "check an AWS account read-only: Regions, CDK bootstrap, Connect quota and numbers, SMS, e-mail confirmations",
    )
    .option("--profile <name>", "AWS profile (default: the SDK's default credential chain)")
    .option("--dir <dir>", "tenants folder", "tenants")
    .option(
      "--min-sms-spend <usd>",
      "fail when the SNS monthly SMS spend limit is below this (default: above the 1.00 USD start value)",
      parseUsd,
    )
    .option("--only <checks>", "run only these checks (comma-separated ids, see below)", parseCheckIds)
    .option("--json", "print the results as JSON")
    .addHelpText("after", helpText())
    .action(async (flags: PreflightFlags) => {
      const registry = requireRegistry({ dir: flags.dir });
      const results = await runPreflight(registry, clients({ profile: flags.profile }), {
        minSmsSpendUsd: flags.minSmsSpend,
        checks: flags.only ? PREFLIGHT_CHECKS.filter((c) => flags.only?.includes(c.id)) : undefined,
      });
      if (flags.json) console.log(JSON.stringify(results, null, 2));
      else for (const line of formatResults(results, PREFLIGHT_CHECKS)) console.log(line);
      process.exitCode = exitCodeOf(results);
    });
}

function parseUsd(value: string): number {
  const usd = Number(value);
  if (!Number.isFinite(usd) || usd <= 0) {
    throw new Error(`--min-sms-spend "${value}": expected a positive amount in USD, e.g. 200`);
  }
  return usd;
}

function parseCheckIds(value: string): string[] {
  const ids = value.split(",").map((id) => id.trim());
  const known = PREFLIGHT_CHECKS.map((c) => c.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new Error(`--only "${value}": unknown check ${unknown.join(", ")}; checks: ${known.join(", ")}`);
  }
  return ids;
}

function helpText(): string {
  const checks = PREFLIGHT_CHECKS.flatMap((c) => [
    `  ${c.id}`,
    `      ${c.title}`,
    `      calls: ${c.calls.join(", ")}`,
    `      see: ${c.source}`,
  ]);
  return [
    "",
    "Example:",
    "  $ siaga112 preflight --profile siaga112-prod",
    "  $ siaga112 preflight --only sms-sandbox,sms-spend-limit --min-sms-spend 200",
    "",
    "Reads tenants/platform.yaml and the tenant files, checks that the credentials belong to the",
    "account platform.yaml names, then runs every check below read-only. Each result is PASS, WARN,",
    "FAIL or UNKNOWN (could not be checked), with what to do. Exits 1 when any check fails.",
    "",
    "Checks:",
    ...checks,
    "",
    "The identity running it needs sts:GetCallerIdentity and the read-only calls above.",
    "Steps and sources: docs/deploy.md.",
  ].join("\n");
}
