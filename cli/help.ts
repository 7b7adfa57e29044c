/**
 * What every `siaga112` command's `--help` ends with: an example to copy. One helper so every
 * command shows its examples the same way (a test walks all commands).
 */
import type { Command } from "commander";

/**
 * Adds `Examples:` lines after the command's help.
 *
 * @example
 * withExamples(program.command("tenant add"), "siaga112 tenant add 71.72   # writes tenants/71.72-kota-bitung.yaml");
 */
export function withExamples<C extends Command>(command: C, ...examples: string[]): C {
  command.addHelpText("after", `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}`);
  return command;
}
