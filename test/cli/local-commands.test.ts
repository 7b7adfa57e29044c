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
});
