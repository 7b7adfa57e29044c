/**
 * The `siaga112` command line. Each command group lives in its own file and registers itself here.
 */
import { Command } from "commander";
import { registerCallCommand } from "./call-command";
import { registerFlowCommands } from "./flow-commands";
import { withExamples } from "./help";
import { registerSimulateCommand, registerStartCommand } from "./local-commands";
import { quietNodeVersionNotice } from "./node-version";
import { registerPreflightCommand } from "./preflight-command";
import { registerTenantCommands } from "./tenant-commands";

/**
 * Builds the program; exported so tests can run commands in-process.
 *
 * @example
 * await buildProgram().parseAsync(["node", "siaga112", "tenant", "list"]);
 */
export function buildProgram(): Command {
  const program = withExamples(
    new Command("siaga112")
      .description("siaga112: the 112 emergency-line platform for Indonesia's kabupaten/kota")
      .showHelpAfterError(),
    "siaga112 tenant add 71.72",
    "siaga112 start",
    "siaga112 call 71.71",
  );
  registerTenantCommands(program);
  registerFlowCommands(program);
  registerStartCommand(program);
  registerCallCommand(program);
  registerSimulateCommand(program);
  registerPreflightCommand(program);
  return program;
}

/**
 * Runs the CLI on `process.argv`; a failing command prints its message and exits 1.
 *
 * @example
 * run(); // siaga112 tenant list
 */
export function run(argv: readonly string[] = process.argv): Promise<void> {
  quietNodeVersionNotice();
  return buildProgram()
    .parseAsync([...argv])
    .then(() => undefined)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}

if (require.main === module) void run();
