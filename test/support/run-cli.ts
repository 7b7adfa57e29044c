/** Runs the siaga112 CLI in-process and returns what it printed and its exit code. */
import { run } from "../../cli/main";

export interface CliResult {
  readonly out: string;
  readonly err: string;
  readonly code: number;
}

/**
 * @example
 * const { out, code } = await siaga112("tenant", "list");
 */
export async function siaga112(...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const error = jest.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  process.exitCode = 0;
  try {
    await run(["node", "siaga112", ...args]);
    return { out: out.join("\n"), err: err.join("\n"), code: Number(process.exitCode ?? 0) };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
  }
}
