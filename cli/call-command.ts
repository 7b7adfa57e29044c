/**
 * `siaga112 call`: a phone for the running local centre. Scripted (`--press`, `--silent`,
 * `--hang-up-after`) or interactive, menu by menu, with the prompts as text.
 */
import { createInterface } from "node:readline/promises";
import { type Command, InvalidArgumentError, Option } from "commander";
import { CentreClient } from "../local/centre-client";
import type { CallReport, TranscriptLine } from "../local/local-calls";
import { readPhoneNumber } from "../registry/phone-number";
import { withExamples } from "./help";
import { DEFAULT_CENTRE, positiveNumber, pressedKeys } from "./options";

/** Reads `--from` as people type numbers (0812-3456-7890), into E.164. */
function callerNumber(value: string): string {
  const reading = readPhoneNumber(value);
  if (!reading.ok) throw new InvalidArgumentError(`--from "${value}": ${reading.reason}`);
  return reading.e164;
}

/**
 * Registers `siaga112 call`.
 *
 * @example
 * registerCallCommand(new Command("siaga112"));
 */
export function registerCallCommand(program: Command): void {
  withExamples(
    program
      .command("call <tenant>")
      .description(
        "call 112 of a tenant (code such as 71.71, or slug such as kota-manado) on the running centre",
      )
      .option(
        "--press <keys>",
        'keys pressed at each menu in turn, e.g. "2" (a dot = silence at that menu)',
        pressedKeys,
      )
      .option("--silent", "say nothing and press nothing (a ghost call)")
      .option(
        "--hang-up-after <seconds>",
        "hang up this many seconds into the call",
        positiveNumber("--hang-up-after"),
      )
      .option(
        "--queue-wait <seconds>",
        "seconds in the queue until a call-taker answers (hang up sooner with --hang-up-after)",
        (v) => Number(v),
      )
      .option(
        "--from <number>",
        "caller number, as people type it (0812-3456-7890 or +62...)",
        callerNumber,
        "+6281234567890",
      )
      .option("--no-sim", "call without a SIM card (no caller number)")
      .addOption(
        new Option("--queue <state>", "state of the call-takers' queue")
          .choices(["open", "closed", "full"])
          .default("open"),
      )
      .option("--centre <url>", "the running local centre", DEFAULT_CENTRE)
      .option("--json", "print the call report as JSON"),
    "siaga112 call 71.71                  # interactive: type a key at each menu",
    "siaga112 call 31 --press 2 --from 0812-3456-7890",
    "siaga112 call kota-manado --hang-up-after 5 --centre http://127.0.0.1:9000",
  ).action(async (tenantArg: string, options: CallOptions) => {
    const client = new CentreClient(options.centre);
    const tenant = await client.resolveTenant(tenantArg);
    const scripted = options.press !== undefined || options.silent || options.hangUpAfter !== undefined;
    const base = {
      tenant: tenant.code,
      callerNumber: options.sim ? options.from : undefined,
      queue: options.queue,
      hangUpAfterSeconds: options.hangUpAfter,
      queueWaitSeconds: options.queueWait,
    };
    let report: CallReport;
    if (scripted || !process.stdin.isTTY) {
      const inputs = options.silent ? [""] : (options.press ?? []);
      report = await client.call({ ...base, inputs });
    } else {
      console.log(`Menelepon 112 ${tenant.name}…`);
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        report = await interactiveCall(client, base, (question) => terminal.question(question));
      } finally {
        terminal.close();
      }
    }
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report, scripted || !process.stdin.isTTY);
  });
}

interface CallOptions {
  press?: string[];
  silent?: boolean;
  hangUpAfter?: number;
  queueWait?: number;
  from: string;
  sim: boolean;
  queue: "open" | "closed" | "full";
  centre: string;
  json?: boolean;
}

/** Asks the caller for a key at a menu; resolves to what they typed. */
export type AskKey = (question: string) => Promise<string>;

const KEY_QUESTION = "  Tekan tombol (0-9, * atau #), Enter = diam, t = tutup telepon: ";

/**
 * The interactive phone: explores the flow menu by menu with dry runs (nothing recorded), shows
 * each prompt as text, then places the real call with the keys the caller chose. What is not a
 * phone key (a letter, two keys at once) is asked again: a phone has no such key, so the call goes on.
 *
 * @example
 * await interactiveCall(client, { tenant: "31", queue: "open" }, (q) => terminal.question(q));
 */
export async function interactiveCall(
  client: CentreClient,
  base: { tenant: string; callerNumber?: string; queue: "open" | "closed" | "full" },
  ask: AskKey,
): Promise<CallReport> {
  const inputs: string[] = [];
  let printed = 0;
  let hangUpAfterSeconds: number | undefined;
  for (;;) {
    const dry = await client.call({ ...base, inputs, dryRun: true });
    // The end of the call is printed from the real call's report, not from the dry run.
    const shown = dry.awaitingInput ? dry.transcript.slice(printed) : dry.transcript.slice(printed, -1);
    for (const line of shown) printLine(line);
    printed = dry.transcript.length;
    if (!dry.awaitingInput) break;
    const answer = await askKey(ask);
    if (answer === "hang-up") {
      hangUpAfterSeconds = (dry.transcript.at(-1)?.atSeconds ?? 0) + 1;
      break;
    }
    inputs.push(answer);
  }
  return client.call({ ...base, inputs, hangUpAfterSeconds });
}

/** One phone key (or `""` for silence, or hanging up), asking again until the answer is one. */
async function askKey(ask: AskKey): Promise<string> {
  for (;;) {
    const answer = (await ask(KEY_QUESTION)).trim();
    if (answer.toLowerCase() === "t") return "hang-up";
    if (/^[0-9*#]?$/.test(answer)) return answer;
    console.log(
      `  "${answer}" bukan satu tombol telepon: ketik satu dari 0-9, * atau #, atau Enter untuk diam.`,
    );
  }
}

function printLine(line: TranscriptLine): void {
  const at = `${line.atSeconds.toFixed(1).padStart(5)} dtk`;
  if (line.kind === "event") console.log(`  ${at}  ${line.text}`);
  else console.log(`  ${at}  🔊 "${line.text}"`);
}

function printReport(report: CallReport, withTranscript: boolean): void {
  if (withTranscript) for (const line of report.transcript) printLine(line);
  else {
    const last = report.transcript.at(-1);
    if (last) printLine(last);
  }
  if (report.incident) {
    console.log(`Insiden tercatat: kode ${report.incident.shortCode} (id ${report.incident.incidentId})`);
    if (report.incident.repeatCaller === "true") console.log("  Penelepon berulang (24 jam terakhir).");
    if (report.incident.suspectedPrank === "true") console.log("  Ditandai: dugaan panggilan iseng.");
  } else if (report.outcome === "caller-hung-up")
    console.log("Penelepon menutup telepon sebelum panggilan tercatat.");
  else
    console.log("Tidak ada insiden tercatat (intake tidak menjawab); panggilan tetap diteruskan ke petugas.");
}
