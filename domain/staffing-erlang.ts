/**
 * Staffing, part 1: how a queue of calls performs with a given number of call-takers.
 *
 * Two models, both with Poisson arrivals and exponential handling times (the standard models
 * contact centres staff with):
 * - **Erlang C** (M/M/n): callers wait as long as it takes. A. K. Erlang (1917).
 * - **Erlang A** (M/M/n+M, Palm's model): each caller hangs up after an exponentially distributed
 *   patience with mean `patienceSeconds`, unless answered first. C. Palm (1946); formulas as in
 *   O. Garnett, A. Mandelbaum, M. Reiman, "Designing a Call Center with Impatient Customers",
 *   Manufacturing & Service Operations Management 4(3), 2002 (Table 3 and Appendix B), and
 *   A. Mandelbaum, S. Zeltyn, "The Palm/Erlang-A Queue, with Applications to Call Centers" (2005).
 *
 * Numerically stable for thousands of Erlangs: no factorial or power is ever formed. Erlang B comes
 * from its recursion B(k) = A·B(k-1) / (k + A·B(k-1)), Erlang C from Erlang B, and the Erlang A
 * queue from ratios of neighbouring states (rescaled when they grow), with sums in log space
 * where terms would underflow.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib, and holds no text shown to people.
 */

/** The queueing model a figure comes from. */
export type QueueModel = "erlang-c" | "erlang-a";

/** One interval's demand on the queue and the agents serving it. */
export interface QueueInput {
  /** Call-takers answering the queue, a whole number of at least 1. */
  readonly agents: number;
  /** Mean calls arriving per second (calls in the interval / interval seconds). */
  readonly arrivalsPerSecond: number;
  /** Average handling time of a call, seconds (talk plus wrap-up). */
  readonly ahtSeconds: number;
  /**
   * Mean time a caller waits before hanging up, seconds (Erlang A). Absent: callers never hang
   * up (Erlang C).
   */
  readonly patienceSeconds?: number;
  /** The service-level threshold: answered within this many seconds. */
  readonly answerWithinSeconds: number;
}

/** How the queue performs: steady-state figures of the model. */
export interface QueuePerformance {
  readonly model: QueueModel;
  readonly agents: number;
  /** Offered load in Erlangs: arrivals per second × average handling time. */
  readonly trafficErlangs: number;
  /** Share of calls that are not answered at once and wait (Erlang C formula for M/M/n). */
  readonly probabilityOfWait: number;
  /**
   * Share of all arriving calls answered within `answerWithinSeconds`. Callers who hang up count
   * as not answered, so with Erlang C (nobody hangs up) this is the classic 1 − C·e^(−(n−A)·T/AHT).
   */
  readonly serviceLevel: number;
  /**
   * Average speed of answer: mean wait of the calls that are answered, seconds. `null` when the
   * queue grows without bound (Erlang C with no more agents than Erlangs).
   */
  readonly averageSpeedOfAnswerSeconds: number | null;
  /**
   * Mean wait over all arriving calls, seconds, those who hang up counted until they hang up
   * (E[W] of Mandelbaum & Zeltyn). Equals the average speed of answer under Erlang C.
   */
  readonly averageWaitSeconds: number | null;
  /** Share of agent time spent on calls: answered calls' load / agents. */
  readonly occupancy: number;
  /** Expected share of arriving calls that hang up before an answer (0 under Erlang C). */
  readonly abandonedShare: number;
}

/**
 * Erlang A sums run over queue lengths; a model whose most likely queue is longer than this
 * (only with absurd patience and more work than agents) is refused rather than summed for seconds.
 */
export const MAX_QUEUE_STATES = 1_000_000;

/** Terms below this share of the sum are dropped (double precision keeps about 16 digits). */
const NEGLIGIBLE = 1e-17;
/** Queue weights are rescaled before they can overflow a double. */
const RESCALE_ABOVE = 1e280;

/**
 * Erlang B: probability that all `agents` are busy in a loss system offered `erlangs` of traffic,
 * by the stable recursion (no factorials; fine for thousands of agents).
 *
 * @example
 * erlangB(2, 1) // 0.2
 */
export function erlangB(agents: number, erlangs: number): number {
  requireAgents("agents", agents);
  requireNonNegative("erlangs", erlangs);
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
  return b;
}

/**
 * Erlang C: probability that a call waits, for `agents` call-takers offered `erlangs`; 1 when the
 * agents cannot keep up (`erlangs >= agents`).
 *
 * @example
 * erlangC(14, 10) // 0.1741 (100 calls per 30 min, AHT 180 s: the Call Centre Helper example)
 */
export function erlangC(agents: number, erlangs: number): number {
  return erlangCFromB(agents, erlangs, erlangB(agents, erlangs));
}

function erlangCFromB(agents: number, erlangs: number, b: number): number {
  if (erlangs >= agents) return 1;
  return (agents * b) / (agents - erlangs * (1 - b));
}

/**
 * How a queue performs with a given number of agents: Erlang A when `patienceSeconds` is given,
 * Erlang C otherwise.
 *
 * @example
 * queuePerformance({ agents: 14, arrivalsPerSecond: 100 / 1800, ahtSeconds: 180, answerWithinSeconds: 20 })
 * // { model: "erlang-c", serviceLevel: 0.8884, probabilityOfWait: 0.1741, occupancy: 0.714, ... }
 */
export function queuePerformance(input: QueueInput): QueuePerformance {
  validateQueueInput(input);
  const erlangs = input.arrivalsPerSecond * input.ahtSeconds;
  return performanceWithErlangB(input, erlangB(input.agents, erlangs));
}

/** Checks a queue input, naming the field, the value and what is accepted. */
export function validateQueueInput(input: QueueInput): void {
  requireAgents("agents", input.agents);
  requireNonNegative("arrivalsPerSecond", input.arrivalsPerSecond);
  requirePositive("ahtSeconds", input.ahtSeconds);
  requireNonNegative("answerWithinSeconds", input.answerWithinSeconds);
  if (input.patienceSeconds !== undefined) requirePositive("patienceSeconds", input.patienceSeconds);
}

/**
 * The same as `queuePerformance` for an already validated input whose Erlang B value is known:
 * lets a search over agent counts carry Erlang B forward one agent at a time.
 */
export function performanceWithErlangB(input: QueueInput, b: number): QueuePerformance {
  const erlangs = input.arrivalsPerSecond * input.ahtSeconds;
  if (input.arrivalsPerSecond === 0) return idleQueue(input);
  return input.patienceSeconds === undefined
    ? erlangCPerformance(input, erlangs, b)
    : erlangAPerformance(input, b);
}

/** Erlang B for one more agent, from Erlang B for `agents - 1`. */
export function nextErlangB(previous: number, agents: number, erlangs: number): number {
  return (erlangs * previous) / (agents + erlangs * previous);
}

function idleQueue(input: QueueInput): QueuePerformance {
  return {
    model: input.patienceSeconds === undefined ? "erlang-c" : "erlang-a",
    agents: input.agents,
    trafficErlangs: 0,
    probabilityOfWait: 0,
    serviceLevel: 1,
    averageSpeedOfAnswerSeconds: 0,
    averageWaitSeconds: 0,
    occupancy: 0,
    abandonedShare: 0,
  };
}

function erlangCPerformance(input: QueueInput, erlangs: number, b: number): QueuePerformance {
  const n = input.agents;
  if (erlangs >= n) {
    return {
      model: "erlang-c",
      agents: n,
      trafficErlangs: erlangs,
      probabilityOfWait: 1,
      serviceLevel: 0,
      averageSpeedOfAnswerSeconds: null,
      averageWaitSeconds: null,
      occupancy: 1,
      abandonedShare: 0,
    };
  }
  const c = erlangCFromB(n, erlangs, b);
  // Spare capacity n·μ − λ, in calls per second.
  const spare = (n - erlangs) / input.ahtSeconds;
  const asa = c / spare;
  return {
    model: "erlang-c",
    agents: n,
    trafficErlangs: erlangs,
    probabilityOfWait: c,
    serviceLevel: clamp01(1 - c * Math.exp(-spare * input.answerWithinSeconds)),
    averageSpeedOfAnswerSeconds: asa,
    averageWaitSeconds: asa,
    occupancy: erlangs / n,
    abandonedShare: 0,
  };
}

/**
 * Erlang A from its stationary distribution (Garnett, Mandelbaum & Reiman 2002, Appendix B): states
 * below n agents busy carry 1 − B, state n + j (j callers waiting) carries B·w_j with
 * w_0 = 1, w_j = w_{j−1}·λ/(nμ + jθ). A caller who finds j waiting ahead moves up at rate
 * nμ + kθ while k are ahead and hangs up at rate θ, so (GMR Table 3) it is answered with
 * probability nμ/(nμ + (j+1)θ) after a time that is the sum of exponentials with rates
 * nμ + θ, …, nμ + (j+1)θ. That sum is ≤ T exactly when a negative binomial count with
 * r = nμ/θ + 1 and success probability e^(−θT) reaches j + 1 (the sum of exponentials with rates
 * a + iθ is −ln(U)/θ for U ~ Beta(a/θ + 1, m)), which gives the service level by one running sum.
 */
function erlangAPerformance(input: QueueInput, b: number): QueuePerformance {
  const n = input.agents;
  const lambda = input.arrivalsPerSecond;
  const mu = 1 / input.ahtSeconds;
  const theta = 1 / input.patienceSeconds!;
  const t = input.answerWithinSeconds;
  const nMu = n * mu;
  const erlangs = lambda / mu;
  const queueMode = Math.max(0, Math.ceil((lambda - nMu) / theta));
  if (queueMode > MAX_QUEUE_STATES) {
    throw new RangeError(
      `patienceSeconds ${input.patienceSeconds}: with ${erlangs.toFixed(1)} Erlangs on ${n} agents the queue ` +
        `would hold over ${MAX_QUEUE_STATES} callers; give a realistic patience or omit it (Erlang C)`,
    );
  }

  // Negative binomial pmf in log space: r = nμ/θ + 1, ln p = −θT.
  const r = nMu / theta + 1;
  const logOneMinusP = Math.log(-Math.expm1(-theta * t));
  let logPmf = -(nMu + theta) * t;
  let cdf = 0;

  let w = 1; // w_j, possibly rescaled
  let logScale = 0; // w's true value is w · e^logScale
  let total = 0; // Σ w_j
  let answeredInTime = 0; // Σ w_j · P(answered within T | j ahead)
  let abandoning = 0; // Σ w_j · P(hangs up | j ahead)
  let waiting = 0; // Σ j · w_j (mean queue length, for E[W] by Little's law)
  let answeredWait = 0; // Σ w_j · P(answered | j ahead) · E[wait | answered, j ahead]
  let meanPassage = 0; // Σ_{i=1..j+1} 1 / (nμ + iθ)

  for (let j = 0; ; j++) {
    cdf += Math.exp(logPmf);
    logPmf += Math.log((r + j) / (j + 1)) + logOneMinusP;
    const leave = nMu + (j + 1) * theta;
    const answered = nMu / leave;
    meanPassage += 1 / leave;
    total += w;
    answeredInTime += w * answered * Math.max(0, 1 - cdf);
    abandoning += w * (1 - answered);
    waiting += j * w;
    answeredWait += w * answered * meanPassage;

    const next = (w * lambda) / leave;
    if (j + 1 > queueMode) {
      // Past the mode the ratios fall, so the tail is below next / (1 − ratio).
      const ratio = lambda / (leave + theta);
      if (next / (1 - ratio) < NEGLIGIBLE * total) break;
    }
    w = next;
    if (w > RESCALE_ABOVE) {
      w /= RESCALE_ABOVE;
      total /= RESCALE_ABOVE;
      answeredInTime /= RESCALE_ABOVE;
      abandoning /= RESCALE_ABOVE;
      waiting /= RESCALE_ABOVE;
      answeredWait /= RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
  }

  const idle = (1 - b) * Math.exp(-logScale); // states with a free agent, on the queue's scale
  const norm = idle + b * total;
  const abandonedShare = clamp01((b * abandoning) / norm);
  const answeredShare = 1 - abandonedShare;
  const meanWait = (b * waiting) / norm / lambda;
  return {
    model: "erlang-a",
    agents: n,
    trafficErlangs: erlangs,
    probabilityOfWait: clamp01((b * total) / norm),
    serviceLevel: clamp01((idle + b * answeredInTime) / norm),
    averageSpeedOfAnswerSeconds: answeredShare > 0 ? (b * answeredWait) / norm / answeredShare : 0,
    averageWaitSeconds: meanWait,
    occupancy: clamp01((erlangs * answeredShare) / n),
    abandonedShare,
  };
}

function clamp01(x: number): number {
  return Math.min(Math.max(x, 0), 1);
}

/** The error every input check throws: field, value, what is accepted. */
export function invalidInput(field: string, value: unknown, accepted: string): RangeError {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new RangeError(`${field} ${shown}: ${accepted}`);
}

function requireAgents(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw invalidInput(field, value, "not a whole number of at least 1");
}

function requireNonNegative(field: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw invalidInput(field, value, "not a finite number of at least 0");
}

function requirePositive(field: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw invalidInput(field, value, "not a finite number above 0");
}
