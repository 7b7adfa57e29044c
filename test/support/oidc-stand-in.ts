/**
 * Starts the hosted sign-in stand-in (test/support/oidc-stand-in-server.mjs) in a child process and tells
 * where it listens and which key signs its tokens.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface StandInOptions {
  readonly clientId: string;
  readonly redirectUri: string;
  /** The API scope its access tokens carry, e.g. `siaga112/monitoring`. */
  readonly scope: string;
  /** Audience (`aud`) of its access tokens. */
  readonly resource: string;
  readonly groups: readonly string[];
  /** Other groups for some logins (the name typed on the hosted page). @default everyone has `groups` */
  readonly groupsByLogin?: Readonly<Record<string, readonly string[]>>;
  /** @default 3600 */
  readonly accessTokenSeconds?: number;
}

export interface StandIn {
  readonly issuer: string;
  readonly jwks: { keys: object[] };
  /** Method, path and query of every request it answered. */
  requests(): Promise<{ method: string; path: string; query: string }[]>;
  stop(): Promise<void>;
}

/**
 * @example
 * const idp = await startStandIn({ clientId: "dashboard", redirectUri, scope: "siaga112/monitoring", resource: "urn:x", groups: ["national"] });
 */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, "oidc-stand-in-server.mjs"), JSON.stringify({ accessTokenSeconds: 3600, ...options })],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  // oidc-provider warns about its development settings on stderr; keep it for a failure's message.
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) =>
      reject(new Error(`oidc-stand-in-server.mjs exited with ${code} before listening:\n${stderr}`)),
    );
  });
  const { issuer, jwks } = JSON.parse(first) as { issuer: string; jwks: { keys: object[] } };
  return {
    issuer,
    jwks,
    requests: async () => (await fetch(`${issuer}/requests`)).json(),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
