import { overdueAt } from "../../domain/open-alerts";

describe("overdue alerts", () => {
  it("become overdue when the agency's second step is due without a konfirmasi", () => {
    const twoSteps = {
      steps: [
        { afterMinutes: 0, contacts: ["piket"] },
        { afterMinutes: 3, contacts: ["kabid"] },
      ],
      repeat: 0,
    };
    expect(overdueAt(twoSteps, "2026-11-27T13:00:00.000Z")).toBe("2026-11-27T13:03:00.000Z");
  });

  it("use the repeat gap for a single-step policy", () => {
    const oneStep = { steps: [{ afterMinutes: 0, contacts: ["piket"] }], repeat: 2 };
    expect(overdueAt(oneStep, "2026-11-27T13:00:00.000Z")).toBe("2026-11-27T13:05:00.000Z");
    expect(overdueAt({ ...oneStep, repeat: 0 }, "2026-11-27T13:00:00.000Z")).toBe("2026-11-27T13:05:00.000Z");
  });
});
