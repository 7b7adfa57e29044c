import { callBreakdown, figuresOf, summarize } from "../../domain/statistics-figures";
import { foldEvents } from "../../domain/statistics-fold";
import {
  abandoned,
  acknowledged,
  answered,
  classified,
  ended,
  outcome,
  overflowed,
  received,
  sent,
  statusReported,
} from "./statistics-events";

describe("figuresOf: EU COCOM indicators", () => {
  it("counts prank, ghost and wrong-number as false calls among calls with an outcome", () => {
    const cells = foldEvents([
      ...["a", "b", "c", "d", "e"].map((i) => received({ incidentId: i })),
      outcome("prank", { incidentId: "a" }),
      outcome("ghost", { incidentId: "b" }),
      outcome("genuine", { incidentId: "c" }),
      outcome("information", { incidentId: "d" }),
    ]);
    const f = figuresOf(cells[0].counters);
    expect(f.calls).toBe(5);
    expect(f.cocom.falseCallPercent).toBe(50);
    expect(f.outcomes).toMatchObject({ prank: 1, ghost: 1, genuine: 1, information: 1 });
  });

  it("averages answer time over answered calls and excludes abandoned ones", () => {
    const f = figuresOf(
      foldEvents([
        received({ answerSeconds: 4 }),
        received({ answerSeconds: 8 }),
        received({ answerSeconds: 30 }),
        received({ abandoned: true, answerSeconds: undefined }),
      ])[0].counters,
    );
    expect(f.cocom.averageAnswerSeconds).toBe(14);
    expect(f.cocom.answeredWithin10sPercent).toBe(66.7);
    expect(f.cocom.abandonPercent).toBe(25);
  });

  it("takes answer time and abandon rate from CallAnswered and CallAbandoned, each counted once", () => {
    const calls = ["a", "b", "c", "d"].map((i) => received({ incidentId: i, answerSeconds: undefined }));
    const late = answered(30, { incidentId: "c" });
    const gaveUp = abandoned(45, { incidentId: "d" });
    const f = figuresOf(
      foldEvents([
        ...calls,
        answered(4, { incidentId: "a" }),
        answered(8, { incidentId: "b" }),
        late,
        late,
        gaveUp,
        gaveUp,
      ])[0].counters,
    );
    expect(f.answered).toBe(3);
    expect(f.abandoned).toBe(1);
    expect(f.cocom.averageAnswerSeconds).toBe(14);
    expect(f.cocom.answeredWithin10sPercent).toBe(66.7);
    expect(f.cocom.slowest10PercentAverageSeconds).toBe(30);
    expect(f.cocom.abandonPercent).toBe(25);
  });

  it("averages the slowest 10% of answered calls, exactly when the 10% fall in whole buckets", () => {
    const events = Array.from({ length: 20 }, (_, i) => received({ answerSeconds: 1 + (i % 10) + i / 100 }));
    const f = figuresOf(foldEvents(events)[0].counters);
    // slowest 2 of 20: 10.09 s and 10.19 s, alone in the 10-12 s bucket
    expect(f.cocom.slowest10PercentAverageSeconds).toBe(10.1);
  });

  it("takes a bucket's mean when the 10% boundary falls inside it", () => {
    const events = Array.from({ length: 20 }, (_, i) => received({ answerSeconds: i + 1 }));
    const f = figuresOf(foldEvents(events)[0].counters);
    // slowest 2 of 20: 20 s, and one of the 15-19 s bucket counted at its mean, 17 s
    expect(f.cocom.slowest10PercentAverageSeconds).toBe(18.5);
  });

  it("shows no figure (null) rather than 0 when there is no data", () => {
    const f = figuresOf({});
    expect(f.cocom).toEqual({
      calls: 0,
      falseCallPercent: null,
      averageAnswerSeconds: null,
      answeredWithin10sPercent: null,
      slowest10PercentAverageSeconds: null,
      abandonPercent: null,
    });
  });

  it("reports escalations, acknowledgements and time to acknowledge by agency kind", () => {
    const f = figuresOf(
      foldEvents([
        classified("fire"),
        sent("fire"),
        sent("police"),
        sent("fire", { step: 1 }),
        acknowledged("fire", 120),
        acknowledged("police", 600),
      ])[0].counters,
    );
    expect(f.categories.fire).toBe(1);
    const none = { dispatched: 0, averageSecondsToDispatch: null, onScene: 0, averageSecondsToArrival: null };
    expect(f.agencies).toEqual([
      { kind: "police", escalations: 1, acknowledgements: 1, averageSecondsToAcknowledge: 600, ...none },
      { kind: "fire", escalations: 2, acknowledgements: 1, averageSecondsToAcknowledge: 120, ...none },
    ]);
    expect(f.acknowledgement.averageSeconds).toBe(360);
    expect(f.acknowledgement.buckets.map((b) => b.count)).toEqual([0, 1, 0, 1, 0]);
  });
});

describe("figuresOf: agencies' response and call-takers' handling time", () => {
  it("averages the time from the call to dispatch and to arrival on scene per agency kind", () => {
    const f = figuresOf(
      foldEvents([
        sent("fire", { incidentId: "a" }),
        statusReported("fire", "dispatched", 240, { incidentId: "a" }),
        statusReported("fire", "on-scene", 900, { incidentId: "a" }),
        sent("fire", { incidentId: "b" }),
        statusReported("fire", "dispatched", 360, { incidentId: "b" }),
        // An agency that reports arrival straight away: counted for arrival, not for dispatch.
        statusReported("fire", "on-scene", 600, { incidentId: "c" }),
      ])[0].counters,
    );
    expect(f.agencies).toEqual([
      expect.objectContaining({
        kind: "fire",
        dispatched: 2,
        averageSecondsToDispatch: 300,
        onScene: 2,
        averageSecondsToArrival: 750,
      }),
    ]);
  });

  it("averages the talk seconds of the calls whose end was reported", () => {
    const f = figuresOf(
      foldEvents([
        answered(4, { incidentId: "a" }),
        answered(6, { incidentId: "b" }),
        answered(3, { incidentId: "c" }),
        ended(100, { incidentId: "a" }),
        ended(140, { incidentId: "b" }),
      ])[0].counters,
    );
    expect(f.answered).toBe(3);
    expect(f.handled).toBe(2);
    expect(f.averageHandleSeconds).toBe(120);
    expect(figuresOf({}).averageHandleSeconds).toBeNull();
  });
});

describe("summarize", () => {
  const cells = foldEvents([
    received({ tenant: "71.71", province: "71", at: "2026-11-01T01:00:00Z" }),
    received({ tenant: "71.71", province: "71", at: "2026-11-02T01:00:00Z" }),
    received({ tenant: "35.78", province: "35", at: "2026-11-02T01:00:00Z" }),
    received({ tenant: "35.15", province: "35", at: "2026-11-02T01:00:00Z" }),
  ]);
  const names = { "71.71": "Kota Manado", "71": "Sulawesi Utara" };

  it("sums kab/kota into provinces and the nation", () => {
    const s = summarize(cells, {}, names);
    expect(s.national.calls).toBe(4);
    expect(s.provinces.map((p) => [p.code, p.name, p.figures.calls])).toEqual([
      ["35", "35", 2],
      ["71", "Sulawesi Utara", 2],
    ]);
    expect(s.tenants.map((t) => [t.code, t.name, t.figures.calls])).toEqual([
      ["35.15", "35.15", 1],
      ["35.78", "35.78", 1],
      ["71.71", "Kota Manado", 2],
    ]);
    expect(s.days.map((d) => [d.day, d.calls])).toEqual([
      ["2026-11-01", 1],
      ["2026-11-02", 3],
    ]);
  });

  it("filters by province", () => {
    const s = summarize(cells, { province: "35" });
    expect(s.national.calls).toBe(2);
    expect(s.tenants.map((t) => t.code)).toEqual(["35.15", "35.78"]);
  });

  it("filters by kab/kota", () => {
    const s = summarize(cells, { province: "35", tenant: "35.78" });
    expect(s.national.calls).toBe(1);
    expect(s.tenants.map((t) => t.code)).toEqual(["35.78"]);
  });

  it("filters by date range (inclusive, local days)", () => {
    expect(summarize(cells, { from: "2026-11-02", to: "2026-11-02" }).national.calls).toBe(3);
    expect(summarize(cells, { to: "2026-11-01" }).national.calls).toBe(1);
  });
});

describe("callBreakdown: where the calls went", () => {
  it("shows abandoned calls and calls sent to the backup centre as their own parts, adding up to the calls", () => {
    const calls = ["a", "b", "c", "d", "e", "f", "g"].map((i) =>
      received({ incidentId: i, answerSeconds: undefined }),
    );
    const [row] = foldEvents([
      ...calls,
      abandoned(30, { incidentId: "a" }),
      abandoned(50, { incidentId: "b" }),
      abandoned(10, { incidentId: "c" }),
      overflowed({ incidentId: "d" }),
      outcome("genuine", { incidentId: "e" }),
      outcome("prank", { incidentId: "f" }),
    ]);
    const parts = callBreakdown(row.counters);
    expect(parts).toEqual({
      calls: 7,
      genuine: 1,
      falseCalls: 1,
      information: 0,
      abandoned: 3,
      overflowed: 1,
      other: 1,
    });
    expect(row.counters.abandonSecondsSum).toBe(90);
    expect(figuresOf(row.counters).overflowed).toBe(1);
  });

  it("never shows a negative remainder", () => {
    expect(callBreakdown({ calls: 1, abandoned: 1, "outcome:prank": 1 }).other).toBe(0);
  });
});
