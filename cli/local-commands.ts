import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { CALL_OUTCOME_LABELS_ID } from "../domain/incident";
import type { CallOutcome } from "../domain/incident-events";
import { DEFAULT_PORT, type LocalCentre, startLocalCentre } from "../local/centre";
import { CentreClient } from "../local/centre-client";
import {
  JAKARTA_2024_ABANDON_SHARE,
  parseMix,
  runTraffic,
  type TrafficOptions,
} from "../local/traffic-generator";
import { withExamples } from "./help";
import { DEFAULT_CENTRE, positiveNumber } from "./options";

function shareOf(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!(value.trim() !== "" && n >= 0 && n <= 1))
      throw new InvalidArgumentError(`${name} "${value}": a share from 0 to 1 (e.g. 0.58)`);
    return n;
  };
}

/**
 * The lines `siaga112 start` prints: every page, the landing page first, and the commands that
 * reach this centre (with `--centre` when it is not where they look by default).
 *
 * @example
 * startBanner(centre, { speed: 1 })[1] // "  Halaman awal:         http://127.0.0.1:8112/"
 */
export function startBanner(
  centre: Pick<LocalCentre, "url" | "pages" | "tenants">,
  options: { speed: number },
): string[] {
  const names = [...centre.tenants.values()].map(({ tenant }) => `${tenant.code} ${tenant.name}`);
  const target = centre.url === DEFAULT_CENTRE ? "" : ` --centre ${centre.url}`;
  return [
    `Pusat 112 lokal berjalan: ${names.length} layanan (${names.join(", ")})`,
    `  Halaman awal:         ${centre.pages.landing}`,
    `  Monitoring nasional:  ${centre.pages.dashboard}`,
    `  Konsol petugas:       ${centre.pages.console}`,
    `  Kotak masuk instansi: ${centre.pages.inbox}`,
    `  Telepon:              npm run siaga112 -- call ${[...centre.tenants.keys()][0]}${target}`,
    `  Lalu lintas:          npm run siaga112 -- simulate --calls 1000 --tenants all${target}`,
    ...(options.speed !== 1 ? [`  Jam lokal berjalan ${options.speed}x lebih cepat.`] : []),
    "Ctrl+C untuk berhenti.",
  ];
}

/**
 * Registers `siaga112 start`.
 *
 * @example
 * registerStartCommand(new Command("siaga112"));
 */
export function registerStartCommand(program: Command): void {
  withExamples(
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
      .option("--dir <dir>", "tenants folder", "tenants")
      .addOption(new Option("--tenants <dir>", "tenants folder (old name of --dir)").hideHelp()),
    "siaga112 start                      # npm start does the same",
    "siaga112 start --port 9000 --speed 60",
  ).action(async (options: { port: number; host: string; speed: number; dir: string; tenants?: string }) => {
    const centre = await startLocalCentre({
      port: options.port,
      host: options.host,
      speed: options.speed,
      tenantsDir: options.tenants ?? options.dir,
    });
    for (const line of startBanner(centre, options)) console.log(line);
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
}

/**
 * Registers `siaga112 simulate`.
 *
 * @example
 * registerSimulateCommand(new Command("siaga112"));
 */
export function registerSimulateCommand(program: Command): void {
  withExamples(
    program
      .command("simulate")
      .description("generate realistic 112 traffic against the running centre (calls, call-takers, agencies)")
      .option("--calls <n>", "number of calls", positiveNumber("--calls"), 1000)
      .option("--tenants <codes>", 'comma-separated tenant codes, or "all"', "all")
      .addOption(
        new Option(
          "--abandon <share>",
          "share of callers who hang up in the queue before a call-taker answers",
        )
          .argParser(shareOf("--abandon"))
          .default(JAKARTA_2024_ABANDON_SHARE, "Jakarta 2024: 370,817 of 637,292 = 0.582"),
      )
      .addOption(
        new Option(
          "--overflow <share>",
          "share of calls that find the queue full (sent to the backup centre)",
        )
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
      .option("--centre <url>", "the running local centre", DEFAULT_CENTRE),
    "siaga112 simulate --calls 2000 --tenants all",
    "siaga112 simulate --calls 500 --tenants 71.71,31 --prank 0.4 --seed 7",
  ).action(async (options: SimulateOptions) => {
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
