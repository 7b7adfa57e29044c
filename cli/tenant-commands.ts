/**
 * `siaga112 tenant add|validate|list`.
 */
import type { Command } from "commander";

export function registerTenantCommands(program: Command): void {
  program.command("tenant").description("manage the tenant registry (one file per kabupaten/kota)");
}
