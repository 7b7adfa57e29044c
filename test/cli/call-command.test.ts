import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { interactiveCall } from "../../cli/call-command";
import { buildProgram } from "../../cli/main";
import { incidentKey } from "../../domain/incident-table";
import type { LocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";
import { runningCentre } from "../support/running-centre";

const running = runningCentre();
const printed = running.printed;
let centre: LocalCentre;
beforeAll(() => {
  centre = running.centre;
});

/** A caller at the terminal giving these answers in turn; `questions` records what was asked. */
function caller(...answers: string[]) {
  const questions: string[] = [];
  const ask = async (question: string) => {
    questions.push(question);
    return answers.length > 1 ? answers.shift()! : answers[0];
  };
  return { questions, ask };
}

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
    const { questions, ask } = caller("1");
    const report = await interactiveCall(new CentreClient(centre.url), { tenant: "31", queue: "open" }, ask);
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
    printed.length = 0;
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

describe("siaga112 call, as people type", () => {
  it("takes --from as an Indonesian writes it and stores the caller in E.164", async () => {
    await run("call", "31", "--press", "2", "--from", "0812-3456-7001", "--json", "--centre", centre.url);
    const report = JSON.parse(printed.join("\n"));
    const stored = await centre.dynamo.documents.send(
      new GetCommand({
        TableName: centre.tenants.get("31")!.tableName,
        Key: incidentKey(report.incident.incidentId),
      }),
    );
    expect(stored.Item?.callerNumber).toBe("+6281234567001");
  });

  it("refuses a --from that is no phone number, naming the option, before calling", async () => {
    const program = buildProgram();
    for (const command of [program, ...program.commands]) {
      command.exitOverride().configureOutput({ writeErr: () => {} });
    }
    await expect(
      program.parseAsync(["node", "siaga112", "call", "31", "--from", "0812345", "--centre", centre.url]),
    ).rejects.toThrow('--from "0812345": not a phone number');
  });

  it("asks again at a menu when the answer is not a phone key, instead of ending the call", async () => {
    const { questions, ask } = caller("x", "22", "1");
    const report = await interactiveCall(new CentreClient(centre.url), { tenant: "31", queue: "open" }, ask);
    expect(questions).toHaveLength(3);
    expect(printed.join("\n")).toContain('"x" bukan satu tombol telepon');
    expect(printed.join("\n")).toContain('"22" bukan satu tombol telepon');
    expect(report.category).toBe("medical");
    expect(report.incident?.shortCode).toMatch(/^[2-9A-Z]{6}$/);
  });
});
