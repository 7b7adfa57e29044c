/**
 * `siaga112 start | call | simulate`: the local 112 centre, a phone, and a traffic generator.
 * `call` and `simulate` talk to a running centre over HTTP (`--centre`, default
 * http://127.0.0.1:8112), so what they do shows up live on its pages.
 */
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { CALL_OUTCOME_LABELS_ID } from "../domain/incident";
import type { CallOutcome } from "../domain/incident-events";
import { DEFAULT_PORT, startLocalCentre } from "../local/centre";
import { CentreClient } from "../local/centre-client";
import type { CallReport, TranscriptLine } from "../local/local-calls";
import {
  JAKARTA_2024_ABANDON_SHARE,
  parseMix,
  runTraffic,
  type TrafficOptions,
} from "../local/traffic-generator";

const DEFAULT_CENTRE = process.env.SIAGA112_CENTRE ?? `http://127.0.0.1:${DEFAULT_PORT}`;

function positiveNumber(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!(n > 0)) throw new InvalidArgumentError(`${name} "${value}": a number above 0`);
    return n;
  };
}

function shareOf(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!(value.trim() !== "" && n >= 0 && n <= 1))
      throw new InvalidArgumentError(`${name} "${value}": a share from 0 to 1 (e.g. 0.58)`);
    return n;
  };
}

export function registerLocalCommands(program: Command): void {
  program
    .command("start")
    .description("start the local 112 centre for every tenant in tenants/ (no AWS needed)")
    .option("--port <port>", "port of the pages", (v) => Number(v), DEFAULT_PORT)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option(
      "--speed <factor>",
      "local seconds per real second (re-escalations come sooner)",
      positiveNumber("--speed"),
      1,
    )
    .option("--tenants <dir>", "tenants folder", "tenants")
    .action(async (options: { port: number; host: string; speed: number; tenants: string }) => {
      const centre = await startLocalCentre({
        port: options.port,
        host: options.host,
        speed: options.speed,
        tenantsDir: options.tenants,
      });
      const names = [...centre.tenants.values()].map(({ tenant }) => `${tenant.code} ${tenant.name}`);
      console.log(`Pusat 112 lokal berjalan: ${names.length} layanan (${names.join(", ")})`);
      console.log(`  Monitoring nasional:  ${centre.pages.dashboard}`);
      console.log(`  Konsol petugas:       ${centre.pages.console}`);
      console.log(`  Kotak masuk instansi: ${centre.pages.inbox}`);
      console.log(`  Telepon:              npm run siaga112 -- call ${[...centre.tenants.keys()][0]}`);
      console.log(`  Lalu lintas:          npm run siaga112 -- simulate --calls 1000 --tenants all`);
      if (options.speed !== 1) console.log(`  Jam lokal berjalan ${options.speed}x lebih cepat.`);
      console.log("Ctrl+C untuk berhenti.");
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void centre.stop().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });

  program
    .command("call <tenant>")
    .description(
      "call 112 of a tenant (code such as 71.71, or slug such as kota-manado) on the running centre",
    )
    .option("--press <keys>", 'keys pressed at each menu, e.g. "2" (a dot = silence at that menu)')
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
    .option("--from <number>", "caller number (E.164)", "+6281234567890")
    .option("--no-sim", "call without a SIM card (no caller number)")
    .addOption(
      new Option("--queue <state>", "state of the call-takers' queue")
        .choices(["open", "closed", "full"])
        .default("open"),
    )
    .option("--centre <url>", "the running local centre", DEFAULT_CENTRE)
    .option("--json", "print the call report as JSON")
    .action(async (tenantArg: string, options: CallOptions) => {
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
        const inputs = options.silent ? [""] : [...(options.press ?? "")].map((k) => (k === "." ? "" : k));
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

  program
    .command("simulate")
    .description("generate realistic 112 traffic against the running centre (calls, call-takers, agencies)")
    .option("--calls <n>", "number of calls", positiveNumber("--calls"), 1000)
    .option("--tenants <codes>", 'comma-separated tenant codes, or "all"', "all")
    .addOption(
      new Option("--abandon <share>", "share of callers who hang up in the queue before a call-taker answers")
        .argParser(shareOf("--abandon"))
        .default(JAKARTA_2024_ABANDON_SHARE, "Jakarta 2024: 370,817 of 637,292 = 0.582"),
    )
    .addOption(
      new Option("--overflow <share>", "share of calls that find the queue full (sent to the backup centre)")
        .argParser(shareOf("--overflow"))
        .default(0),
    )
    .option(
      "--hours <n>",
      "spread the calls over this many simulated hours (the centre's clock jumps an hour each time)",
      positiveNumber("--hours"),
      1,
    )
    .option("--prank <share>", "share of prank calls among answered calls (Jakarta 2024: 0.55)")
    .option("--ghost <share>", "share of silent calls among answered calls")
    .option("--information <share>", "share of information requests among answered calls")
    .option("--wrong-number <share>", "share of wrong numbers among answered calls")
    .option("--ack <share>", "share of alerts the agencies acknowledge", "0.85")
    .option("--concurrency <n>", "calls in flight at once", positiveNumber("--concurrency"), 16)
    .option("--seed <n>", "random seed (same seed, same traffic)", (v) => Number(v), 112)
    .option("--centre <url>", "the running local centre", DEFAULT_CENTRE)
    .action(async (options: SimulateOptions) => {
      const client = new CentreClient(options.centre);
      const mix = parseMix(options);
      const traffic: TrafficOptions = {
        calls: options.calls,
        tenants: options.tenants === "all" ? "all" : options.tenants.split(",").map((s) => s.trim()),
        mix,
        abandonShare: options.abandon,
        overflowShare: options.overflow,
        hours: options.hours,
        ackShare: Number(options.ack),
        concurrency: options.concurrency,
        seed: options.seed,
      };
      const summary = await runTraffic(client, traffic, progressBar(options.calls));
      process.stderr.write("\n");
      console.log(
        `${summary.calls} panggilan dalam ${summary.seconds.toFixed(1)} detik ` +
          `(${(summary.calls / summary.seconds).toFixed(1)} panggilan/detik); ` +
          `semua tercatat di statistik nasional setelah ${summary.settledSeconds.toFixed(1)} detik.`,
      );
      console.log(
        `  ${Object.entries(summary.byKind)
          .map(([kind, n]) => `${CALL_OUTCOME_LABELS_ID[kind as CallOutcome]} ${n}`)
          .join(", ")}; ${summary.abandoned} ditinggalkan penelepon sebelum dijawab; ` +
          `${summary.overflowed} dialihkan ke pusat cadangan; ` +
          `${summary.acknowledgements} eskalasi dikonfirmasi instansi.`,
      );
      if (summary.errors.length > 0) {
        console.log(`${summary.errors.length} kesalahan, misalnya: ${summary.errors[0]}`);
        process.exitCode = 1;
      }
      console.log(`Lihat hasilnya: ${options.centre}/dashboard/`);
    });
}

interface CallOptions {
  press?: string;
  silent?: boolean;
  hangUpAfter?: number;
  queueWait?: number;
  from: string;
  sim: boolean;
  queue: "open" | "closed" | "full";
  centre: string;
  json?: boolean;
}

interface SimulateOptions {
  calls: number;
  tenants: string;
  abandon: number;
  overflow: number;
  hours: number;
  prank?: string;
  ghost?: string;
  information?: string;
  wrongNumber?: string;
  ack: string;
  concurrency: number;
  seed: number;
  centre: string;
}

/** Asks the caller for a key at a menu; resolves to what they typed. */
export type AskKey = (question: string) => Promise<string>;

/**
 * The interactive phone: explores the flow menu by menu with dry runs (nothing recorded), shows
 * each prompt as text, then places the real call with the keys the caller chose.
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
    const answer = (await ask("  Tekan tombol (0-9, * atau #), Enter = diam, t = tutup telepon: ")).trim();
    if (answer.toLowerCase() === "t") {
      hangUpAfterSeconds = (dry.transcript.at(-1)?.atSeconds ?? 0) + 1;
      break;
    }
    inputs.push(answer.slice(0, 1));
  }
  return client.call({ ...base, inputs, hangUpAfterSeconds });
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

/** A one-line progress bar on stderr. */
function progressBar(total: number): (done: number) => void {
  let last = -1;
  return (done) => {
    const percent = Math.floor((100 * done) / total);
    if (percent === last && done !== total) return;
    last = percent;
    const width = 30;
    const filled = Math.round((width * done) / total);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${percent}% ${done}/${total} panggilan`,
    );
  };
}
