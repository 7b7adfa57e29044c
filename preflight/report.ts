/** How preflight results are printed: one line each, what to do under every result that is not a pass. */
import { CHECK_STATUSES, type CheckResult, type CheckStatus, type PreflightCheck } from "./check";

const LABEL: Record<CheckStatus, string> = { pass: "PASS", warn: "WARN", fail: "FAIL", unknown: "UNKNOWN" };

/**
 * @example
 * formatResults(results, PREFLIGHT_CHECKS).forEach((line) => console.log(line));
 */
export function formatResults(results: readonly CheckResult[], checks: readonly PreflightCheck[]): string[] {
  const idWidth = Math.max(...results.map((r) => r.check.length));
  const subjectWidth = Math.max(...results.map((r) => r.subject.length));
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `${LABEL[r.status].padEnd(7)}  ${r.check.padEnd(idWidth)}  ${r.subject.padEnd(subjectWidth)}  ${r.detail}`,
    );
    if (r.status === "pass") continue;
    if (r.fix) lines.push(`          do: ${r.fix}`);
    const source = checks.find((c) => c.id === r.check)?.source;
    if (source) lines.push(`          see: ${source}`);
  }
  const counts = countByStatus(results);
  lines.push(CHECK_STATUSES.map((s) => `${counts[s]} ${s}`).join(", "));
  return lines;
}

/** @example countByStatus(results) // { pass: 9, warn: 1, fail: 2, unknown: 1 } */
export function countByStatus(results: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}

/**
 * Non-zero when any check failed; warnings and checks that could not run do not fail the run.
 *
 * @example
 * process.exitCode = exitCodeOf(results);
 */
export function exitCodeOf(results: readonly CheckResult[]): number {
  return results.some((r) => r.status === "fail") ? 1 : 0;
}
