/**
 * A caller's recent history and the flags intake derives from it (repeat caller, suspected prank).
 * The history item never holds the number: it is keyed by `callerKeyOf` and expires with the
 * tenant's retention. Silent calls can be genuine (a caller who cannot speak): the flags only
 * de-prioritise, they never block a caller from reaching a human.
 */

/** One earlier call: ContactId and epoch seconds. */
export interface PastCall {
  readonly c: string;
  readonly t: number;
}

/** The caller history item as stored (key `callerHistoryKey(callerKey)`). */
export interface CallerHistory {
  readonly calls?: readonly PastCall[];
  /** Epoch seconds of calls closed as prank or ghost. */
  readonly pranks?: readonly number[];
  /** ContactId of the latest call recorded (makes intake retries idempotent). */
  readonly lastContact?: string;
}

export const REPEAT_WINDOW_SECONDS = 24 * 3600;
export const PRANK_WINDOW_SECONDS = 30 * 24 * 3600;
/** Calls kept in the history; older ones are dropped when it grows past twice this. */
export const HISTORY_KEEP = 20;

export interface CallerFlags {
  readonly repeatCaller: boolean;
  readonly suspectedPrank: boolean;
}

/**
 * The flags of call `contactId` made at `at` (epoch seconds), from what happened before it.
 * Deterministic for a given history, so a retried intake answers the same.
 *
 * @example
 * callerFlags({ calls: [{ c: "a", t: 1000 }] }, "b", 2000) // { repeatCaller: true, suspectedPrank: false }
 */
export function callerFlags(history: CallerHistory | undefined, contactId: string, at: number): CallerFlags {
  const calls = history?.calls ?? [];
  const firstOfThis = calls.find((call) => call.c === contactId)?.t ?? at;
  const earlier = calls.filter((call) => call.c !== contactId && call.t <= firstOfThis);
  const repeatCaller = earlier.some((call) => firstOfThis - call.t <= REPEAT_WINDOW_SECONDS);
  const pranks = (history?.pranks ?? []).filter((t) => t <= firstOfThis);
  const lastDay = pranks.filter((t) => firstOfThis - t <= REPEAT_WINDOW_SECONDS).length;
  const lastMonth = pranks.filter((t) => firstOfThis - t <= PRANK_WINDOW_SECONDS).length;
  return { repeatCaller, suspectedPrank: lastDay >= 1 || lastMonth >= 2 };
}

/**
 * Whether the history has grown enough to be trimmed to the latest `HISTORY_KEEP` calls.
 *
 * @example
 * needsTrim({ calls: new Array(41).fill({ c: "x", t: 0 }) }) // true
 */
export function needsTrim(history: CallerHistory | undefined): boolean {
  return (
    (history?.calls?.length ?? 0) > 2 * HISTORY_KEEP || (history?.pranks?.length ?? 0) > 2 * HISTORY_KEEP
  );
}
