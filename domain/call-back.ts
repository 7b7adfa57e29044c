/**
 * Calling back: abandoned and silent (ghost) calls that came with a number are listed for a
 * call-back (EENA: a silent call can be a caller who cannot speak). A call-taker dials the caller
 * from the phone panel and records each attempt with its result. Pure: no SDK imports.
 */
import type { Incident } from "./incident";

export const CALLBACK_RESULTS = ["reached", "no-answer", "busy", "invalid-number", "failed"] as const;
export type CallBackResult = (typeof CALLBACK_RESULTS)[number];

/** Indonesian labels of call-back results (docs/glossary.md). */
export const CALLBACK_RESULT_LABELS_ID: Readonly<Record<CallBackResult, string>> = {
  reached: "tersambung",
  "no-answer": "tidak diangkat",
  busy: "sibuk",
  "invalid-number": "nomor tidak aktif",
  failed: "gagal tersambung",
};

/** One call-back attempt, stored on the incident (`Incident.callbacks`). */
export interface CallBackAttempt {
  /** ISO time the call-taker dialled. */
  readonly at: string;
  /** Username of the call-taker who dialled. */
  readonly by: string;
  readonly result: CallBackResult;
  /** Seconds the call lasted once connected, if it did. */
  readonly talkSeconds?: number;
}

/** Attempts after which an unreachable caller leaves the call-back list. */
export const MAX_CALLBACK_ATTEMPTS = 3;

/** Value of `callbackDue` (sparse index `callbacks`) while an incident waits for a call-back. */
export const CALLBACK_DUE = "DUE";

/**
 * Whether an incident belongs on the call-back list: it came with a number, the caller hung up in
 * the queue or was silent, and nobody has reached them yet (nor tried `MAX_CALLBACK_ATTEMPTS`
 * times, nor found the number dead).
 *
 * @example
 * needsCallBack({ state: "abandoned", callerNumber: "+6281234567890" }) // true
 * needsCallBack({ state: "abandoned" }) // false (no number)
 */
export function needsCallBack(
  incident: Pick<Incident, "state" | "outcome" | "callerNumber" | "callbacks">,
): boolean {
  if (!incident.callerNumber) return false;
  const waiting =
    incident.state === "abandoned" || (incident.state === "closed" && incident.outcome === "ghost");
  if (!waiting) return false;
  const attempts = incident.callbacks ?? [];
  if (attempts.some((a) => a.result === "reached" || a.result === "invalid-number")) return false;
  return attempts.length < MAX_CALLBACK_ATTEMPTS;
}

/**
 * The incident with `callbackDue` set or removed to match `needsCallBack`: every writer of the
 * incident passes its new image through this, so the sparse index follows the rule.
 *
 * @example
 * withCallBackDue({ ...incident, state: "abandoned" }).callbackDue // "DUE" when it has a number
 */
export function withCallBackDue<T extends Pick<Incident, "state" | "outcome" | "callerNumber" | "callbacks">>(
  incident: T,
): T & { readonly callbackDue?: string } {
  const { callbackDue: _, ...rest } = incident as T & { callbackDue?: string };
  return (needsCallBack(incident) ? { ...rest, callbackDue: CALLBACK_DUE } : rest) as T & {
    readonly callbackDue?: string;
  };
}

/** Hours after the call during which it stays on the call-back list (older ones drop off). */
export const CALLBACK_WINDOW_HOURS = 24;
