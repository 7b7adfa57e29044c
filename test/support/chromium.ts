/**
 * Debian's chromium driven by playwright-core, as every browser test launches it: a fresh profile
 * per run and the flags this machine's closed network needs.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless chromium; fails with the install hint when it is missing.
 *
 * @example
 * const browser = await launchChromium(); const page = await browser.context.newPage();
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM}: not found. The end-to-end test needs Debian's chromium; .ci/run installs it (apt-get install -y chromium).`,
    );
  }
  // A fresh profile per run (playwright passes it as --user-data-dir).
  const profile = mkdtempSync(join(tmpdir(), "siaga112-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
