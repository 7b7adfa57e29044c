import { alertPosition, isOverdue, type OpenAlert, openAlertsView } from "../../domain/statistics-alerts";

const alert = (over: Partial<OpenAlert>): OpenAlert => ({
  tenant: "71.71",
  province: "71",
  incidentId: "i1",
  agency: "damkar",
  agencyKind: "fire",
  firstSentAt: "2026-11-27T01:00:00.000Z",
  lastSentAt: "2026-11-27T01:00:00.000Z",
  round: 0,
  step: 0,
  ...over,
});

describe("open alerts", () => {
  it("orders policy positions by round, then step", () => {
    expect(alertPosition({ round: 1, step: 0 })).toBeGreaterThan(alertPosition({ round: 0, step: 7 }));
    expect(alertPosition({ round: 0, step: 2 })).toBeGreaterThan(alertPosition({ round: 0, step: 1 }));
  });

  it("calls an alert overdue (terlambat) once it was re-escalated", () => {
    expect(isOverdue({ round: 0, step: 0 })).toBe(false);
    expect(isOverdue({ round: 0, step: 1 })).toBe(true);
    expect(isOverdue({ round: 1, step: 0 })).toBe(true);
  });

  it("lists the oldest first with its wait, and groups per kab/kota and agency kind", () => {
    const now = Date.parse("2026-11-27T02:00:00Z");
    const view = openAlertsView(
      [
        alert({ incidentId: "new", firstSentAt: "2026-11-27T01:50:00.000Z" }),
        alert({ incidentId: "old", firstSentAt: "2026-11-27T01:00:00.000Z", round: 1, step: 0 }),
        alert({
          tenant: "35.78",
          province: "35",
          agencyKind: "police",
          firstSentAt: "2026-11-27T01:30:00.000Z",
        }),
      ],
      now,
    );
    expect(view.alerts.map((a) => [a.incidentId, a.waitingSeconds, a.overdue])).toEqual([
      ["old", 3600, true],
      ["i1", 1800, false],
      ["new", 600, false],
    ]);
    expect(view.groups).toEqual([
      {
        tenant: "71.71",
        province: "71",
        agencyKind: "fire",
        open: 2,
        overdue: 1,
        highestRound: 1,
        oldestSentAt: "2026-11-27T01:00:00.000Z",
      },
      {
        tenant: "35.78",
        province: "35",
        agencyKind: "police",
        open: 1,
        overdue: 0,
        highestRound: 0,
        oldestSentAt: "2026-11-27T01:30:00.000Z",
      },
    ]);
  });
});
