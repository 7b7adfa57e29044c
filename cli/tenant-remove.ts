/**
 * `siaga112 tenant remove <code>`: offboarding a kab/kota. Offline, "the hub still routes the
 * tenant's number" means the tenant file still names one (`phone.numberArn` or `phone.claim`): then
 * the command refuses and shows how to take the number off first. Once the file says
 * `offboarding: true` and names no number (and that was deployed), it prints the stacks to destroy
 * and what outlives them. It changes nothing itself: every step is the engineer's.
 */
import type { Command } from "commander";
import { stackNames } from "../domain/naming";
import type { Tenant } from "../domain/tenant";
import { loadRegistry } from "../registry/load-registry";
import { formatProblem } from "../registry/problem";
import { CommandError } from "./command-error";
import { withExamples } from "./help";
import { OFFBOARDING_SOURCES, offboardingPlan } from "./offboarding-plan";

/**
 * Registers `tenant remove` under the `tenant` command group.
 *
 * @example
 * registerTenantRemove(program.command("tenant"));
 */
export function registerTenantRemove(tenant: Command): void {
  withExamples(
    tenant
      .command("remove")
      .description(
        "offboard a tenant: refuses while its hub still routes its number, then lists the stacks to destroy and what is kept",
      )
      .argument("<code>", 'Kemendagri code of the tenant, e.g. "71.72"')
      .option("--dir <dir>", "tenants folder", "tenants"),
    "siaga112 tenant remove 71.72",
  ).action((code: string, options: { dir: string }) => removeTenant(code, options));
}

function removeTenant(code: string, options: { dir: string }): void {
  const registry = loadRegistry({ dir: options.dir });
  const tenant = registry.tenants.find((t) => t.code === code);
  if (!tenant) {
    const own = registry.problems.filter((p) => p.file.includes(`/${code}-`));
    throw new CommandError(
      own.length > 0
        ? `tenant ${code}: its file has problems; fix them first (the stacks are destroyed through it):\n${own.map(formatProblem).join("\n")}`
        : `tenant "${code}": no such tenant in ${options.dir}/; tenants: ${registry.tenants.map((t) => t.code).join(", ")}`,
    );
  }
  const routed = routedNumber(tenant);
  if (routed) {
    for (const line of refusal(tenant, routed)) console.error(line);
    process.exitCode = 1;
    return;
  }
  for (const line of removalSteps(tenant)) console.log(line);
}

/** The number the hub routes to the tenant, as the tenant file names it. */
function routedNumber(tenant: Tenant): { field: string; value: string } | undefined {
  if (tenant.phone.numberArn) return { field: "phone.numberArn", value: tenant.phone.numberArn };
  if (tenant.phone.claim) {
    return {
      field: "phone.claim",
      value: tenant.phone.did ?? `a ${tenant.phone.claim.type} number of ${tenant.phone.claim.country}`,
    };
  }
  return undefined;
}

function refusal(tenant: Tenant, routed: { field: string; value: string }): string[] {
  const call = stackNames.call(tenant);
  return [
    `refused: hub ${tenant.hub.id} still routes ${routed.value} (${routed.field} in ${tenant.file}) to the 112 flow of ${tenant.name}; destroying its stacks now would leave 112 callers of ${tenant.name} on a dead number.`,
    "Take the number off the hub first:",
    `  1. Have every telco route 112 calls from ${tenant.name} to the centre taking over (e.g. its backup centre ${tenant.phone.overflow}). Only a test call from each telco's network shows it; nothing in AWS can.`,
    `  2. In ${tenant.file}, delete ${routed.field} and add "offboarding: true"; check it with: siaga112 tenant validate ${tenant.file}`,
    `  3. Deploy the call stack so the hub stops routing the number: npx cdk deploy -e ${call}`,
    routed.field === "phone.numberArn"
      ? `     The number stays claimed in the hub's instance, on no flow. Release it in the Connect admin website only if no centre takes it over: a released number cannot be claimed back (${OFFBOARDING_SOURCES.numberRelease}).`
      : `     The call stack claimed this number (phone.claim), so that deployment releases it, and a released number cannot be claimed back (${OFFBOARDING_SOURCES.numberRelease}).`,
    `  4. Run again: siaga112 tenant remove ${tenant.code}`,
    `Offline this command sees only the tenant file: whether the deployed stack still associates the number is visible only in the account (siaga112 preflight, check hub-phone-numbers, or the instance's phone numbers in the Connect admin website).`,
  ];
}

function removalSteps(tenant: Tenant): string[] {
  const plan = offboardingPlan(tenant);
  return [
    `${tenant.name} (${tenant.code}) names no number any more: its stacks can be destroyed.`,
    `1. Destroy its two stacks, in this order (keep ${tenant.file} until both are gone: cdk finds the stacks through it):`,
    ...plan.stacks.map((s) => `     npx cdk destroy -e ${s.name}    # ${s.region}: ${s.what}`),
    `2. Delete ${tenant.file}. The hub and national stacks stay; the hub's room for one more tenant is free again.`,
    `Kept after the destroy (DeletionPolicy Retain: CloudFormation leaves them in place, ${OFFBOARDING_SOURCES.retain}):`,
    ...plan.retained.map((r) => `  - ${r.name} (${r.type}, ${r.region}): ${r.kept}`),
    "Deleting any of them is a deliberate step under the retention rules for incident data, outside this tool.",
  ];
}
