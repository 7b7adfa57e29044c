import fc from "fast-check";
import type { IncidentEvent } from "../../domain/incident-events";
import { cellOf, localDay, relabel } from "../../domain/statistics";
import { foldEvents, StatisticsFold } from "../../domain/statistics-fold";
import { eventsOf, outcome, received } from "./statistics-events";

describe("localDay", () => {
  it("counts an evening call in Manado (WITA) on the next local day", () => {
    expect(localDay("2026-11-27T17:30:00Z", "71")).toBe("2026-11-28");
  });
  it("counts the same instant in Jakarta (WIB) on the same day", () => {
    expect(localDay("2026-11-27T16:30:00Z", "31")).toBe("2026-11-27");
  });
  it("names the bad value when the time is not ISO 8601", () => {
    expect(() => localDay("yesterday", "31")).toThrow('time "yesterday": not an ISO 8601 instant');
  });
});

describe("cellOf", () => {
  it("places an event in its kab/kota's local day, hour and quarter-hour", () => {
    expect(cellOf({ tenant: "71.71", province: "71", at: "2026-11-27T16:44:59Z" })).toEqual({
      tenant: "71.71",
      province: "71",
      day: "2026-11-28",
      hour: 0,
      quarter: 30,
    });
    expect(cellOf({ tenant: "94.01", province: "94", at: "2026-11-27T16:45:00Z" })).toMatchObject({
      day: "2026-11-28",
      hour: 1,
      quarter: 45,
    });
  });
});

describe("StatisticsFold series", () => {
  it("adds each count to the hour and quarter of its kab/kota, province and the country", () => {
    const fold = new StatisticsFold();
    for (const e of [
      received({ tenant: "71.71", province: "71", incidentId: "a", at: "2026-11-27T05:10:00Z" }),
      received({ tenant: "71.72", province: "71", incidentId: "b", at: "2026-11-27T05:50:00Z" }),
      received({ tenant: "35.78", province: "35", incidentId: "c", at: "2026-11-27T06:05:00Z" }),
      outcome("prank", { tenant: "71.71", province: "71", incidentId: "a", at: "2026-11-27T07:00:00Z" }),
    ])
      fold.add(e);
    const hours = (scope: Parameters<StatisticsFold["series"]>[1]) =>
      fold.series("hour", scope).map((c) => [c.slot, c.counters.calls, c.counters["outcome:prank"]]);
    // 05:10Z and 05:50Z are 13:10 and 13:50 WITA; 06:05Z is 13:05 WIB: the same local hour.
    // The outcome counts at the hour it was first set (07:00Z = 15:00 WITA).
    expect(hours({ kind: "nation" })).toEqual([
      ["2026-11-27T13", 3, undefined],
      ["2026-11-27T15", undefined, 1],
    ]);
    expect(hours({ kind: "province", province: "71" })[0]).toEqual(["2026-11-27T13", 2, undefined]);
    expect(hours({ kind: "tenant", province: "71", tenant: "71.71" })).toEqual([
      ["2026-11-27T13", 1, undefined],
      ["2026-11-27T15", undefined, 1],
    ]);
    expect(fold.series("quarter", { kind: "province", province: "71" }).map((c) => c.slot)).toEqual([
      "2026-11-27T13:00",
      "2026-11-27T13:45",
      "2026-11-27T15:00",
    ]);
  });

  it("keeps only the chart counters in the series, the rest in the day rows", () => {
    const fold = new StatisticsFold();
    fold.add(received({ answerSeconds: 4 }));
    const [hour] = fold.series("hour", { kind: "nation" });
    expect(Object.keys(hour.counters).sort()).toEqual([
      "answerSecondsSum",
      "answered",
      "answeredWithin10s",
      "calls",
    ]);
    expect(Object.keys(fold.rows()[0].counters)).toContain("answerHist:4");
  });
});

describe("foldEvents", () => {
  it("counts a call once even when the event is delivered twice", () => {
    const call = received({ eventId: "e1" });
    const [cell] = foldEvents([call, call]);
    expect(cell.counters.calls).toBe(1);
  });

  it("moves a corrected outcome instead of counting the incident twice", () => {
    const cells = foldEvents([
      received({ incidentId: "i1" }),
      outcome("prank", { incidentId: "i1", at: "2026-11-27T01:01:00Z" }),
      outcome("genuine", { incidentId: "i1", at: "2026-11-27T01:02:00Z" }),
    ]);
    expect(cells[0].counters["outcome:genuine"]).toBe(1);
    expect(cells[0].counters["outcome:prank"] ?? 0).toBe(0);
  });

  it("keeps the latest outcome when the correction arrives first", () => {
    const cells = foldEvents([
      outcome("genuine", { incidentId: "i1", at: "2026-11-27T01:02:00Z" }),
      outcome("prank", { incidentId: "i1", at: "2026-11-27T01:01:00Z" }),
    ]);
    expect(cells[0].counters["outcome:genuine"]).toBe(1);
    expect(cells[0].counters["outcome:prank"] ?? 0).toBe(0);
  });

  it("keeps kab/kota and days apart", () => {
    const cells = foldEvents([
      received({ tenant: "71.71", province: "71", at: "2026-11-27T01:00:00Z" }),
      received({ tenant: "35.78", province: "35", at: "2026-11-27T01:00:00Z" }),
      received({ tenant: "35.78", province: "35", at: "2026-11-28T01:00:00Z" }),
    ]);
    expect(cells.map((c) => `${c.day} ${c.tenant} ${c.counters.calls}`)).toEqual([
      "2026-11-27 35.78 1",
      "2026-11-27 71.71 1",
      "2026-11-28 35.78 1",
    ]);
  });

  it("gives the same cells whatever the delivery order and duplication (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        (picks, incidents, seed) => {
          const events = eventsOf(incidents, seed);
          const delivered: IncidentEvent[] = [...events];
          for (const p of picks) delivered.push(events[p % events.length]);
          // a deterministic shuffle driven by the picks
          const shuffled = delivered
            .map((e, i) => ({ e, k: (picks[i % Math.max(picks.length, 1)] ?? 0) * 31 + i * 17 }))
            .sort((a, b) => (a.k % 97) - (b.k % 97))
            .map((x) => x.e);
          const a = new StatisticsFold();
          const b = new StatisticsFold();
          for (const e of shuffled) a.add(e);
          for (const e of events) b.add(e);
          expect(a.rows()).toEqual(b.rows());
          expect(a.series("hour", { kind: "nation" })).toEqual(b.series("hour", { kind: "nation" }));
          expect(a.series("quarter", { kind: "province", province: "71" })).toEqual(
            b.series("quarter", { kind: "province", province: "71" }),
          );
        },
      ),
    );
  });
});

describe("relabel", () => {
  it("ignores events that say nothing about outcome or category", () => {
    expect(relabel(undefined, received())).toBeUndefined();
  });

  it("moves the count to the cell of an earlier label event that arrives late", () => {
    const late = outcome("prank", { incidentId: "x", at: "2026-11-27T05:40:00Z" });
    const early = outcome("genuine", { incidentId: "x", at: "2026-11-27T05:05:00Z" });
    const first = relabel(undefined, late)!;
    const second = relabel(first.label, early)!;
    // The later outcome (prank) stays; the incident now counts in the 13:00 quarter (WITA).
    expect(second.label).toMatchObject({ outcome: "prank", cell: { hour: 13, quarter: 0 } });
    expect(second.deltas).toEqual([
      { cell: expect.objectContaining({ quarter: 30 }), counters: { "outcome:prank": -1 } },
      { cell: expect.objectContaining({ quarter: 0 }), counters: { "outcome:prank": 1 } },
    ]);
  });
});
