/**
 * National statistics, part 4: what is being dropped right now. An open alert is one agency's
 * escalation of one incident that was sent (`EscalationSent`) and neither acknowledged
 * (`EscalationAcknowledged`) nor closed with its incident (`IncidentClosed`).
 *
 * Overdue ("terlambat", docs/glossary.md: past its step's time without konfirmasi) is read from
 * the events as documented: a re-escalation (a later step, or a later round of the policy) is only
 * sent once the step before it went unacknowledged past its time, so an alert whose policy moved
 * past its first step has been overdue. The national side does not know each tenant's step delays,
 * so an alert still at its first step shows how long it has waited instead.
 *
 * Pure: imports neither the AWS SDK nor aws-cdk-lib.
 */

/** An alert sent and not yet acknowledged, as the statistics keep it. */
export interface OpenAlert {
  readonly tenant: string;
  readonly province: string;
  readonly incidentId: string;
  /** Agency id in the tenant. */
  readonly agency: string;
  readonly agencyKind: string;
  /** When the agency's first alert for the incident went out (ISO 8601). */
  readonly firstSentAt: string;
  /** When the latest step went out. */
  readonly lastSentAt: string;
  /** Furthest position of the policy reached: round 0 is the first run, step 0 its first step. */
  readonly round: number;
  readonly step: number;
}

export interface AlertView extends OpenAlert {
  readonly waitingSeconds: number;
  readonly overdue: boolean;
}

/** Open alerts of one kab/kota and agency kind. */
export interface AlertGroup {
  readonly tenant: string;
  readonly province: string;
  readonly agencyKind: string;
  readonly open: number;
  readonly overdue: number;
  /** The furthest round any of them reached (0 = first run of the policy). */
  readonly highestRound: number;
  readonly oldestSentAt: string;
}

/**
 * A policy position as one sortable number, so "furthest reached" is a numeric comparison.
 *
 * @example
 * alertPosition({ round: 1, step: 2 }) > alertPosition({ round: 0, step: 9 }) // true
 */
export function alertPosition(at: { readonly round: number; readonly step: number }): number {
  return at.round * 1000 + at.step;
}

/**
 * True once the alert was re-escalated: its first step's time passed without konfirmasi.
 *
 * @example
 * isOverdue({ round: 0, step: 1 }) // true
 */
export function isOverdue(alert: Pick<OpenAlert, "round" | "step">): boolean {
  return alert.round > 0 || alert.step > 0;
}

/**
 * The open alerts, oldest first, with how long each has waited, and the same grouped per kab/kota
 * and agency kind (most overdue first, then most open, then oldest).
 *
 * @example
 * openAlertsView(alerts, Date.now()).alerts[0].waitingSeconds // the longest wait
 */
export function openAlertsView(
  alerts: readonly OpenAlert[],
  nowMs: number,
): { readonly alerts: readonly AlertView[]; readonly groups: readonly AlertGroup[] } {
  const views = alerts
    .map((a) => ({
      ...a,
      waitingSeconds: Math.max(0, Math.round((nowMs - Date.parse(a.firstSentAt)) / 1000)),
      overdue: isOverdue(a),
    }))
    .sort((a, b) => a.firstSentAt.localeCompare(b.firstSentAt) || a.tenant.localeCompare(b.tenant));
  const groups = new Map<string, AlertGroup>();
  for (const a of views) {
    const key = `${a.tenant}|${a.agencyKind}`;
    const g = groups.get(key);
    groups.set(key, {
      tenant: a.tenant,
      province: a.province,
      agencyKind: a.agencyKind,
      open: (g?.open ?? 0) + 1,
      overdue: (g?.overdue ?? 0) + (a.overdue ? 1 : 0),
      highestRound: Math.max(g?.highestRound ?? 0, a.round),
      oldestSentAt: g?.oldestSentAt ?? a.firstSentAt,
    });
  }
  return {
    alerts: views,
    groups: [...groups.values()].sort(
      (a, b) => b.overdue - a.overdue || b.open - a.open || a.oldestSentAt.localeCompare(b.oldestSentAt),
    ),
  };
}
