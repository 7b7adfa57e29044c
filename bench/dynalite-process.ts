/**
 * dynalite in a child process, so that the table's CPU is not the benchmark's (the cloud's
 * DynamoDB is not on the function's CPU either).
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Starts dynalite on a free port in its own process.
 *
 * @example
 * const { endpoint, child } = await startDynaliteProcess();
 * // … new DynamoDBClient({ endpoint, … }) …
 * child.kill();
 */
export async function startDynaliteProcess(): Promise<{ endpoint: string; child: ChildProcess }> {
  const script = join(mkdtempSync(join(tmpdir(), "siaga112-dynalite-")), "dynalite-server.js");
  writeFileSync(
    script,
    `const d=require(${JSON.stringify(require.resolve("dynalite"))})({createTableMs:0});d.listen(0,"127.0.0.1",()=>process.send(d.address().port));`,
  );
  const child = fork(script, [], { stdio: "ignore" });
  const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
  return { endpoint: `http://127.0.0.1:${port}`, child };
}
