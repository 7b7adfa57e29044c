/** Builders of incident events for the statistics tests (not a test file itself). */
import type { IncidentCategory } from "../../domain/categories";
import type {
  AgencyStatusReported,
  CallAbandoned,
  CallAnswered,
  CallEnded,
  CallOutcome,
  CallOverflowed,
  EscalationAcknowledged,
  EscalationSent,
  IncidentClassified,
  IncidentClosed,
  IncidentEvent,
  IncidentOutcomeSet,
  IncidentReceived,
} from "../../domain/incident-events";

let next = 0;
const id = () => `evt-${++next}`;
const base = {
  schemaVersion: 1 as const,
  tenant: "71.71",
  province: "71",
  incidentId: "i1",
  at: "2026-11-27T01:00:00Z",
};

export function received(over: Partial<IncidentReceived> = {}): IncidentReceived {
  return {
    ...base,
    eventId: id(),
    type: "IncidentReceived",
    channel: "voice",
    repeatCaller: false,
    suspectedPrank: false,
    answerSeconds: 5,
    ...over,
  };
}
export function outcome(o: CallOutcome, over: Partial<IncidentOutcomeSet> = {}): IncidentOutcomeSet {
  return { ...base, eventId: id(), type: "IncidentOutcomeSet", outcome: o, ...over };
}
export function classified(c: IncidentCategory, over: Partial<IncidentClassified> = {}): IncidentClassified {
  return { ...base, eventId: id(), type: "IncidentClassified", category: c, severity: "high", ...over };
}
export function sent(kind: string, over: Partial<EscalationSent> = {}): EscalationSent {
  return {
    ...base,
    eventId: id(),
    type: "EscalationSent",
    agency: kind,
    agencyKind: kind,
    step: 0,
    round: 0,
    ...over,
  };
}
export function acknowledged(
  kind: string,
  seconds: number,
  over: Partial<EscalationAcknowledged> = {},
): EscalationAcknowledged {
  return {
    ...base,
    eventId: id(),
    type: "EscalationAcknowledged",
    agency: kind,
    agencyKind: kind,
    secondsToAcknowledge: seconds,
    ...over,
  };
}

export function answered(seconds: number, over: Partial<CallAnswered> = {}): CallAnswered {
  return { ...base, eventId: id(), type: "CallAnswered", answerSeconds: seconds, ...over };
}
export function abandoned(seconds: number, over: Partial<CallAbandoned> = {}): CallAbandoned {
  return { ...base, eventId: id(), type: "CallAbandoned", secondsWaited: seconds, ...over };
}

export function overflowed(over: Partial<CallOverflowed> = {}): CallOverflowed {
  return { ...base, eventId: id(), type: "CallOverflowed", secondsInFlow: 12, ...over };
}
export function ended(handleSeconds: number, over: Partial<CallEnded> = {}): CallEnded {
  return { ...base, eventId: id(), type: "CallEnded", handleSeconds, ...over };
}
export function statusReported(
  kind: string,
  status: AgencyStatusReported["status"],
  secondsSinceReceived: number,
  over: Partial<AgencyStatusReported> = {},
): AgencyStatusReported {
  return {
    ...base,
    eventId: id(),
    type: "AgencyStatusReported",
    agency: kind,
    agencyKind: kind,
    status,
    secondsSinceReceived,
    ...over,
  };
}
export function closed(o: CallOutcome, over: Partial<IncidentClosed> = {}): IncidentClosed {
  return { ...base, eventId: id(), type: "IncidentClosed", outcome: o, ...over };
}

/** A deterministic mix of events for `incidents` incidents across two tenants. */
export function eventsOf(incidents: number, seed: number): IncidentEvent[] {
  const outcomes: CallOutcome[] = ["genuine", "prank", "ghost", "information"];
  const events: IncidentEvent[] = [];
  for (let i = 0; i < incidents; i++) {
    const r = Math.abs((seed + i * 7919) % 1000);
    const where = i % 2 === 0 ? { tenant: "71.71", province: "71" } : { tenant: "35.78", province: "35" };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, i % 30, minute)).toISOString();
    const o = { ...where, incidentId: `i${i}` };
    events.push(received({ ...o, at: at(0), answerSeconds: undefined }));
    if (r % 11 === 0) {
      events.push(overflowed({ ...o, at: at(0) }));
      continue;
    }
    if (r % 9 === 0) events.push(abandoned(r % 60, { ...o, at: at(1) }));
    else events.push(answered(r % 40, { ...o, at: at(1) }));
    events.push(outcome(outcomes[r % 4], { ...o, at: at(1) }));
    if (r % 3 === 0) events.push(outcome(outcomes[(r + 1) % 4], { ...o, at: at(2) }));
    if (r % 4 === 0) {
      events.push(classified("fire", { ...o, at: at(1) }));
      events.push(sent("fire", { ...o, at: at(2) }));
      events.push(sent("police", { ...o, at: at(2) }));
      if (r % 8 === 0) events.push(sent("police", { ...o, at: at(20), step: 1 }));
      if (r % 3 !== 0) events.push(acknowledged("fire", r, { ...o, at: at(3) }));
      if (r % 5 === 0) events.push(closed("genuine", { ...o, at: at(40), category: "fire" }));
    }
  }
  return events;
}
