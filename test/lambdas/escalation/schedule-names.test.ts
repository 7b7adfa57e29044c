import fc from "fast-check";
import { digestScheduleName, stepScheduleName } from "../../../lambdas/escalation/schedule-names";

describe("schedule names", () => {
  it("are deterministic, distinct per step and within Scheduler's 64 characters", () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.stringMatching(/^[a-z0-9-]{1,40}$/),
        fc.nat(10),
        fc.nat(10),
        (id, agency, round, step) => {
          const name = stepScheduleName("71.71", id, agency, { round, step });
          expect(name).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
          expect(stepScheduleName("71.71", id, agency, { round, step })).toBe(name);
          expect(stepScheduleName("71.71", id, agency, { round, step: step + 1 })).not.toBe(name);
          expect(digestScheduleName("71.71", agency, "piket", 1_764_280_000).length).toBeLessThanOrEqual(64);
        },
      ),
    );
  });
});
