import { interactiveCall } from "../../cli/local-commands";
import { buildProgram } from "../../cli/main";
import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";

let centre: LocalCentre;
let printed: string[];
beforeAll(async () => {
  centre = await startLocalCentre({ port: 0 });
});
afterAll(() => centre.stop());
beforeEach(() => {
  printed = [];
  jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    printed.push(args.join(" "));
  });
  jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());

const run = (...args: string[]) => buildProgram().parseAsync(["node", "siaga112", ...args]);

describe("siaga112 call", () => {
  it("places a scripted call and prints the prompts as text and the incident's code", async () => {
    await run("call", "31", "--press", "2", "--centre", centre.url);
    const text = printed.join("\n");
    expect(text).toContain('"Satu satu dua. Medis satu, kebakaran dua, polisi tiga."');
    expect(text).toContain("(menekan 2)");
    expect(text).toContain("Tersambung ke antrean petugas 112 DKI Jakarta.");
    expect(text).toMatch(/Insiden tercatat: kode [2-9A-Z]{6}/);
  });

  it("finds a tenant by its name and names the running ones when it cannot", async () => {
    await run("call", "kota-manado", "--silent", "--no-sim", "--centre", centre.url);
    expect(printed.join("\n")).toContain("Kota Manado");
    await expect(run("call", "kota-bogor", "--centre", centre.url)).rejects.toThrow(
      'tenant "kota-bogor": not running',
    );
  });

  it("asks for a key at each menu when interactive, then places the real call", async () => {
    const questions: string[] = [];
    const report = await interactiveCall(
      new CentreClient(centre.url),
      { tenant: "31", queue: "open" },
      async (q) => {
        questions.push(q);
        return "1";
      },
    );
    expect(questions).toHaveLength(1);
    expect(report.category).toBe("medical");
    expect(report.incident?.shortCode).toMatch(/^[2-9A-Z]{6}$/);
  });

  it("hangs up when the caller types t at a menu", async () => {
    const report = await interactiveCall(
      new CentreClient(centre.url),
      { tenant: "31", queue: "open" },
      async () => "t",
    );
    expect(report.outcome).toBe("caller-hung-up");
  });

  it("tells when a call-taker answered, or that the caller gave up waiting in the queue", async () => {
    await run("call", "31", "--press", "2", "--queue-wait", "7", "--centre", centre.url);
    expect(printed.join("\n")).toMatch(/Petugas 112 menjawab setelah [\d.]+ detik\./);
    printed = [];
    await run(
      "call",
      "31",
      "--press",
      "2",
      "--queue-wait",
      "600",
      "--hang-up-after",
      "90",
      "--centre",
      centre.url,
    );
    expect(printed.join("\n")).toContain(
      "Penelepon menutup telepon setelah menunggu 90 detik; belum dijawab petugas.",
    );
  });

  it("says how to start the centre when none is running", async () => {
    await expect(run("call", "31", "--press", "2", "--centre", "http://127.0.0.1:9")).rejects.toThrow(
      'start it with "npm start"',
    );
  });
});

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
