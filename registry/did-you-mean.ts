/**
 * Near misses: `psc-119` for `psc119`, `smss` for `sms`. One rule for every "did you mean" the
 * registry prints (keys, agency and contact ids, hubs, prompt sets, enum values).
 */
import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `word`, if it is close enough to be a slip (at most 2 edits, or a third
 * of the word's length), compared without case.
 *
 * @example
 * nearest("psc-119", ["polres", "psc119", "damkar"]) // "psc119"
 * nearest("ambulans", ["polres"])                    // undefined
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * ` (did you mean "psc119"?)`, or nothing when no candidate is near.
 *
 * @example
 * didYouMean("psc-119", ["psc119"]) // ' (did you mean "psc119"?)'
 */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const guess = nearest(word, candidates);
  return guess === undefined || guess === word ? "" : ` (did you mean "${guess}"?)`;
}
