import fc from "fast-check";
import type { IncidentEvent } from "../../domain/incident-events";
import { foldEvents, localDay, relabel } from "../../domain/statistics";
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
          expect(foldEvents(shuffled)).toEqual(foldEvents(events));
        },
      ),
    );
  });
});

describe("relabel", () => {
  it("ignores events that say nothing about outcome or category", () => {
    expect(relabel(undefined, received())).toBeUndefined();
  });
});
