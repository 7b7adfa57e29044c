/**
 * The traffic generator behind `siaga112 simulate`: realistic 112 traffic against a running local
 * centre, end to end over HTTP. Each call goes through the tenant's flow and intake, a call-taker
 * sets its outcome (genuine emergencies are classified, which alerts the agencies), and agencies
 * acknowledge a share of the alerts through the links in their SMS, like people would.
 *
 * The default traffic is Jakarta's 2024 figures (637,292 calls): 58.2% dropped (370,817: the
 * caller hangs up in the queue before a call-taker answers, so nobody sets an outcome), and of the
 * 266,475 answered calls 2.4% genuine emergencies (6,317), 41.6% information requests (110,788),
 * 55% prank (about 23% of all calls) and the rest wrong numbers; genuine ones split like Jakarta's
 * (ambulance 41%, accident 12%, fire 12%, wild animal 10%, social conflict 7%). Jakarta's figures
 * list no silent (ghost) calls: `--ghost` adds them.
 */
import type { IncidentCategory } from "../domain/categories";
import { callTakerPaths } from "./calltaker-paths";
import type { CentreClient, CentreTenant } from "./centre-client";

export const CALL_KINDS = ["genuine", "prank", "ghost", "information", "wrong-number"] as const;
export type CallKind = (typeof CALL_KINDS)[number];
export type TrafficMix = Readonly<Record<CallKind, number>>;

/** Jakarta 2024: 637,292 calls, of which 370,817 dropped before a call-taker answered. */
export const JAKARTA_2024_ABANDON_SHARE = 370_817 / 637_292;

const JAKARTA_2024_ANSWERED = 637_292 - 370_817;
/**
 * Jakarta 2024, answered calls: 6,317 genuine, 110,788 non-emergency, ~23% of all calls prank
 * (146,577); the 2,793 left are counted as wrong numbers.
 */
export const JAKARTA_2024_MIX: TrafficMix = {
  genuine: 6_317 / JAKARTA_2024_ANSWERED,
  information: 110_788 / JAKARTA_2024_ANSWERED,
  ghost: 0,
  prank: 146_577 / JAKARTA_2024_ANSWERED,
  "wrong-number": 2_793 / JAKARTA_2024_ANSWERED,
};

/** Categories of genuine emergencies (Jakarta 2024; wild animals -> rescue, conflicts -> public order). */
export const GENUINE_CATEGORY_MIX: readonly (readonly [IncidentCategory, number])[] = [
  ["medical", 0.41],
  ["traffic-accident", 0.12],
  ["fire", 0.12],
  ["rescue", 0.1],
  ["public-order", 0.07],
  ["crime", 0.1],
  ["disaster", 0.04],
  ["electricity", 0.02],
  ["other", 0.02],
];

/** Quick-menu keys of the default prompt (medical 1, fire 2, police 3). */
const MENU_KEY: Partial<Record<IncidentCategory, string>> = { medical: "1", fire: "2", crime: "3" };

export interface TrafficOptions {
  readonly calls: number;
  readonly tenants: "all" | readonly string[];
  /** Outcomes of the calls a call-taker answers. */
  readonly mix: TrafficMix;
  /** Share of calls whose caller hangs up in the queue before a call-taker answers. @default 0 */
  readonly abandonShare?: number;
  /** Share of calls that find the queue full, so the flow sends them to the backup centre. @default 0 */
  readonly overflowShare?: number;
  /**
   * Simulated hours the calls are spread over: after each 1/`hours` of the calls the centre's
   * clock jumps an hour ahead (re-escalations due meanwhile go out), so the hourly charts show
   * the traffic hour by hour. @default 1 (no jump)
   */
  readonly hours?: number;
  /** Share of agencies that acknowledge their alert. */
  readonly ackShare: number;
  readonly concurrency: number;
  readonly seed: number;
}

export interface TrafficSummary {
  readonly calls: number;
  /** Wall time of the calls themselves. */
  readonly seconds: number;
  /** Wall time until the centre had relayed and counted everything (national statistics included). */
  readonly settledSeconds: number;
  /** Answered calls by the outcome the call-taker set. */
  readonly byKind: Readonly<Record<CallKind, number>>;
  /** Calls whose caller hung up in the queue (no outcome). */
  readonly abandoned: number;
  /** Calls the flow sent to the backup centre (no outcome here: the backup centre handles them). */
  readonly overflowed: number;
  readonly acknowledgements: number;
  /** The first errors met (at most 20). */
  readonly errors: readonly string[];
}

/**
 * A mix from CLI shares: the kinds given keep their share, the others share the rest in
 * Jakarta's proportions.
 *
 * @example
 * parseMix({ prank: "0.4" }).prank // 0.4
 */
export function parseMix(
  given: Partial<Record<"prank" | "ghost" | "information" | "wrongNumber", string>>,
): TrafficMix {
  const fixed: Partial<Record<CallKind, number>> = {};
  const names: Record<string, CallKind> = {
    prank: "prank",
    ghost: "ghost",
    information: "information",
    wrongNumber: "wrong-number",
  };
  for (const [option, kind] of Object.entries(names)) {
    const raw = given[option as keyof typeof given];
    if (raw === undefined) continue;
    const share = Number(raw);
    if (!(share >= 0 && share <= 1)) throw new Error(`--${kind} "${raw}": a share from 0 to 1 (e.g. 0.4)`);
    fixed[kind] = share;
  }
  const fixedSum = Object.values(fixed).reduce((s, n) => s + n, 0);
  if (fixedSum > 1) throw new Error(`shares ${JSON.stringify(fixed)}: add up to ${fixedSum}, more than 1`);
  const free = CALL_KINDS.filter((k) => fixed[k] === undefined);
  const freeDefault = free.reduce((s, k) => s + JAKARTA_2024_MIX[k], 0);
  return Object.fromEntries(
    CALL_KINDS.map((k) => [k, fixed[k] ?? ((1 - fixedSum) * JAKARTA_2024_MIX[k]) / freeDefault]),
  ) as unknown as TrafficMix;
}

/** A small seeded generator (mulberry32), so the same seed gives the same traffic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const STREETS = [
  "Jl. Sudirman",
  "Jl. Ahmad Yani",
  "Jl. Diponegoro",
  "Jl. Gajah Mada",
  "Jl. Pahlawan",
  "Jl. Merdeka",
];
/** How often the agencies look at their phones and mailboxes. */
const AGENCY_POLL_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the traffic; `onProgress(done)` after every call. Agencies act on their own, like people:
 * they read every new SMS and e-mail and acknowledge a share of the alerts on the duty board the
 * message links to (reminders held back for a rate-limited contact arrive later in a digest).
 *
 * @example
 * await runTraffic(client, { calls: 100, tenants: "all", mix: JAKARTA_2024_MIX, ackShare: 0.85, concurrency: 8, seed: 1 }, () => {});
 */
export async function runTraffic(
  client: CentreClient,
  options: TrafficOptions,
  onProgress: (done: number) => void,
): Promise<TrafficSummary> {
  const { tenants: running } = await client.centre();
  const tenants =
    options.tenants === "all"
      ? running
      : await Promise.all(options.tenants.map((t) => client.resolveTenant(t)));
  const codes = new Set(tenants.map((t) => t.code));
  const random = seededRandom(options.seed);
  const kinds = CALL_KINDS.map((k) => [k, options.mix[k]] as const);
  const byKind = Object.fromEntries(CALL_KINDS.map((k) => [k, 0])) as Record<CallKind, number>;
  const errors: string[] = [];
  const fail = (message: string) => {
    if (errors.length < 20) errors.push(message);
  };
  // Talk times come from their own sequence, so a seed keeps the calls it always placed.
  const talkRandom = seededRandom(options.seed + 2);
  let abandoned = 0;
  let overflowed = 0;
  let next = 0;
  let done = 0;
  const started = performance.now();
  const agencies = new AgencyResponders(
    client,
    codes,
    options.ackShare,
    seededRandom(options.seed + 1),
    fail,
  );
  await agencies.start();

  /** A call that never reaches a call-taker's outcome: sent to the backup centre, or abandoned. */
  const unanswered = async (what: string, tenant: CentreTenant, place: typeof abandonCall) => {
    try {
      await place(client, tenant, random);
    } catch (error) {
      fail(`${tenant.code} ${what}: ${(error as Error).message}`);
    }
    onProgress(++done);
  };
  const one = async () => {
    const tenant = tenants[Math.floor(random() * tenants.length)];
    // No draw when there is no overflow, so a seed gives the traffic it always gave.
    if ((options.overflowShare ?? 0) > 0 && random() < (options.overflowShare ?? 0)) {
      overflowed++;
      return unanswered("overflowed", tenant, overflowCall);
    }
    if (random() < (options.abandonShare ?? 0)) {
      abandoned++;
      return unanswered("abandoned", tenant, abandonCall);
    }
    const kind = pick(random, kinds);
    const category = kind === "genuine" ? pick(random, GENUINE_CATEGORY_MIX) : undefined;
    byKind[kind]++;
    try {
      await simulateCall(client, tenant, kind, category, random, talkSeconds(kind, talkRandom));
    } catch (error) {
      fail(`${tenant.code} ${kind}: ${(error as Error).message}`);
    }
    onProgress(++done);
  };
  const hours = Math.max(1, Math.floor(options.hours ?? 1));
  for (let hour = 0; hour < hours; hour++) {
    const until = Math.round((options.calls * (hour + 1)) / hours);
    const worker = async () => {
      while (next < until) {
        next++;
        await one();
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, until - next) }, worker));
    if (hour < hours - 1) {
      await client.json("GET", "/local/settled");
      await client.json("POST", "/local/clock/advance", { minutes: 60 });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await client.json("GET", "/local/settled");
  await agencies.stop();
  await client.json("GET", "/local/settled");
  const settledSeconds = (performance.now() - started) / 1000;
  return {
    calls: done,
    seconds,
    settledSeconds,
    byKind,
    abandoned,
    overflowed,
    acknowledgements: agencies.acknowledged,
    errors,
  };
}

/** The agencies' duty officers: read new messages, open the duty board, press "Konfirmasi terima" for a share. */
class AgencyResponders {
  acknowledged = 0;
  private after = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly seen = new Set<string>();

  constructor(
    private readonly client: CentreClient,
    private readonly tenants: ReadonlySet<string>,
    private readonly ackShare: number,
    private readonly random: () => number,
    private readonly fail: (message: string) => void,
  ) {}

  /** Starts reading from the newest message on (older ones belong to earlier runs). */
  async start(): Promise<void> {
    const existing = await this.client.inbox({});
    this.after = existing.at(-1)?.seq ?? 0;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.readOnce();
        await sleep(AGENCY_POLL_MS);
      }
    })();
  }

  /** Reads what is left once more, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.readOnce();
  }

  private async readOnce(): Promise<void> {
    const messages = await this.client.inbox({ after: this.after });
    for (const message of messages) {
      this.after = Math.max(this.after, message.seq);
      if (!this.tenants.has(message.tenant) || !message.boardLink) continue;
      for (const incident of message.incidents) {
        // Each alert once per agency: it comes by SMS and e-mail, to several contacts, in reminders.
        const alert = `${message.tenant}/${message.agencyId}/${incident}`;
        if (this.seen.has(alert)) continue;
        this.seen.add(alert);
        if (this.random() >= this.ackShare) continue;
        // The officer opens the duty board from the message and presses "Konfirmasi terima".
        const result = await this.client.postForm(message.boardLink, { incident, status: "acknowledged" });
        if (result.status === 200) this.acknowledged++;
        else if (result.status !== 409)
          this.fail(`acknowledging ${incident} on ${message.boardLink}: HTTP ${result.status}`);
      }
    }
  }
}

/** One call: through the flow and intake, then the call-taker's outcome or classification. */
async function simulateCall(
  client: CentreClient,
  tenant: CentreTenant,
  kind: CallKind,
  category: IncidentCategory | undefined,
  random: () => number,
  talk: number,
): Promise<void> {
  // Pranks come from a few numbers that call again and again; a third of silent calls have no SIM.
  const callerNumber =
    kind === "prank"
      ? `+62812000${String(Math.floor(random() * 30)).padStart(4, "0")}`
      : kind === "ghost" && random() < 0.33
        ? undefined
        : `+62813${String(Math.floor(random() * 1e8)).padStart(8, "0")}`;
  const key = category && tenant.categoryMenu ? MENU_KEY[category] : undefined;
  const report = await client.call({
    tenant: tenant.code,
    inputs: key ? [key] : [""],
    callerNumber,
    queueWaitSeconds: queueWait(random),
    talkSeconds: talk,
  });
  if (!report.incident) throw new Error(`call not recorded (${report.outcome}: intake did not answer ok)`);
  const paths = callTakerPaths(report.incident.incidentId);
  if (kind !== "genuine") {
    await client.callTaker(tenant.code, "POST", paths.outcome, { outcome: kind });
    return;
  }
  const street = STREETS[Math.floor(random() * STREETS.length)];
  await client.callTaker(tenant.code, "POST", paths.classification, {
    category,
    severity: random() < 0.3 ? "critical" : "high",
    location: { text: `${street} No. ${1 + Math.floor(random() * 200)}` },
  });
}

/**
 * Seconds a call-taker talks with a caller of each kind: a floor plus an exponential spread (a
 * genuine emergency about 3 minutes on average, a prank about half a minute), at most 15 minutes.
 * Assumed shapes for the local centre, not measured 112 figures.
 */
const TALK_SECONDS: Readonly<Record<CallKind, { readonly floor: number; readonly mean: number }>> = {
  genuine: { floor: 60, mean: 120 },
  information: { floor: 20, mean: 50 },
  prank: { floor: 8, mean: 20 },
  ghost: { floor: 5, mean: 15 },
  "wrong-number": { floor: 5, mean: 10 },
};

function talkSeconds(kind: CallKind, random: () => number): number {
  const { floor, mean } = TALK_SECONDS[kind];
  return Math.min(900, Math.round(floor - Math.log(1 - random()) * mean));
}

/**
 * Seconds until a call-taker picks up a queued call: mostly a few seconds, now and then much
 * longer (exponential, mean 6 s, at most 3 minutes).
 */
function queueWait(random: () => number): number {
  return Math.min(180, Math.round(-Math.log(1 - random()) * 60) / 10);
}

/** A call that finds the queue full: the flow sends it to the tenant's backup centre. */
async function overflowCall(client: CentreClient, tenant: CentreTenant, random: () => number): Promise<void> {
  const report = await client.call({
    tenant: tenant.code,
    inputs: [""],
    callerNumber: `+62813${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
    queue: "full",
  });
  if (report.outcome !== "answered-by-number")
    throw new Error(`call not sent to the backup centre (${report.outcome})`);
}

/** A caller who gives up in the queue (after 3 to 60 s) before any call-taker answers. */
async function abandonCall(client: CentreClient, tenant: CentreTenant, random: () => number): Promise<void> {
  const patience = 3 + Math.round(random() * 570) / 10;
  const report = await client.call({
    tenant: tenant.code,
    inputs: [""],
    callerNumber: `+62813${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
    queueWaitSeconds: patience + 60,
    hangUpInQueueAfterSeconds: patience,
  });
  if (report.answer?.kind !== "abandoned")
    throw new Error(`call not abandoned (${report.outcome}: ${report.answer?.kind ?? "never queued"})`);
}
