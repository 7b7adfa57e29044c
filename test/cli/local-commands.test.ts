import { spawn } from "node:child_process";
import { startBanner } from "../../cli/local-commands";
import { buildProgram } from "../../cli/main";
import type { LocalCentre } from "../../local/centre";
import { runningCentre } from "../support/running-centre";

const running = runningCentre();
const printed = running.printed;
let centre: LocalCentre;
beforeAll(() => {
  centre = running.centre;
});

const run = (...args: string[]) => buildProgram().parseAsync(["node", "siaga112", ...args]);

describe("siaga112 simulate", () => {
  it("runs the traffic and reports the mix once the statistics count it all", async () => {
    await run("simulate", "--calls", "12", "--prank", "0.5", "--centre", centre.url);
    const text = printed.join("\n");
    expect(text).toMatch(/12 panggilan dalam [\d.]+ detik/);
    expect(text).toContain("semua tercatat di statistik nasional");
    expect(text).toContain(`Lihat hasilnya: ${centre.url}/dashboard/`);
  });

  it("leaves the given share of callers hanging up in the queue, which the dashboard counts as abandoned", async () => {
    const statistics = async () =>
      (
        (await (await fetch(`${centre.url}/dashboard/api/statistics`)).json()) as {
          national: { abandoned: number; answered: number };
        }
      ).national;
    const before = await statistics();
    await run("simulate", "--calls", "10", "--abandon", "1", "--centre", centre.url);
    expect(printed.join("\n")).toContain("10 ditinggalkan penelepon sebelum dijawab");
    const after = await statistics();
    expect(after.abandoned - before.abandoned).toBe(10);
    expect(after.answered).toBe(before.answered);
  });

  it("refuses an abandon share outside 0 to 1, naming it", async () => {
    const program = buildProgram();
    for (const command of [program, ...program.commands]) {
      command.exitOverride().configureOutput({ writeErr: () => {} });
    }
    await expect(
      program.parseAsync(["node", "siaga112", "simulate", "--abandon", "1.5", "--centre", centre.url]),
    ).rejects.toThrow('--abandon "1.5": a share from 0 to 1');
  });
});

describe("siaga112 start", () => {
  it("prints the landing page, and --centre in the hints when the centre is not at the default address", () => {
    const lines = startBanner(centre, { speed: 1 });
    expect(lines[1]).toBe(`  Halaman awal:         ${centre.url}/`);
    expect(lines).toContain(`  Telepon:              npm run siaga112 -- call 31 --centre ${centre.url}`);
    expect(lines).toContain(
      `  Lalu lintas:          npm run siaga112 -- simulate --calls 1000 --tenants all --centre ${centre.url}`,
    );
    const usual = startBanner({ ...centre, url: "http://127.0.0.1:8112" }, { speed: 1 });
    expect(usual).toContain("  Telepon:              npm run siaga112 -- call 31");
  });

  it("starts clean on Node 20: no AWS SDK Node-version notice, the pages, then stops on Ctrl+C", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", "start", "--port", "0"], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "" },
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        out += chunk;
        if (out.includes("Ctrl+C")) resolve();
      });
      child.on("exit", () => reject(new Error(`start ended early: ${err}`)));
    });
    child.kill("SIGINT");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(out).toMatch(/Halaman awal: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/call 31 --centre http:\/\/127\.0\.0\.1:\d+/);
    expect(err).not.toContain("NodeVersionSupportWarning");
    expect(err).toBe("");
  });
});
