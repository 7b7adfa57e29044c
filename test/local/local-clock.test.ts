import type { OneTimeSchedule } from "../../lambdas/shared/ports";
import { LocalClock } from "../../local/local-clock";

const step = (name: string, at: number): OneTimeSchedule => ({
  name,
  at,
  task: { kind: "step", incidentId: "i1", agencyId: "damkar", round: 0, step: 1 },
});

describe("LocalClock", () => {
  it("runs local time faster than the wall clock", () => {
    let wall = 1_000_000;
    const clock = new LocalClock({ speed: 60, wall: () => wall, autoFire: false });
    const start = clock.now();
    wall += 1000;
    expect(clock.now() - start).toBe(60_000);
  });

  it("fires a due schedule once, in time order, and never a cancelled one", async () => {
    const clock = new LocalClock({ wall: () => 0, autoFire: false });
    const fired: string[] = [];
    clock.onFire(async (s) => {
      fired.push(s.name);
    });
    await clock.schedule(step("later", 5 * 60_000));
    await clock.schedule(step("sooner", 3 * 60_000));
    await clock.schedule(step("sooner", 3 * 60_000));
    await clock.schedule(step("cancelled", 60_000));
    await clock.cancel("cancelled");
    await clock.advance(4 * 60_000);
    expect(fired).toEqual(["sooner"]);
    await clock.advance(10 * 60_000);
    expect(fired).toEqual(["sooner", "later"]);
    expect(clock.upcoming()).toEqual([]);
  });

  it("keeps a failing schedule's error for the pages instead of crashing", async () => {
    const clock = new LocalClock({ wall: () => 0, autoFire: false });
    clock.onFire(async () => {
      throw new Error("boom");
    });
    await clock.schedule(step("s", 1));
    await clock.advance(1);
    expect(clock.failures).toEqual([{ schedule: expect.objectContaining({ name: "s" }), error: "boom" }]);
  });

  it("fires by itself when time comes (auto fire)", async () => {
    const clock = new LocalClock({ speed: 1000 });
    const fired = new Promise<string>((resolve) => clock.onFire(async (s) => resolve(s.name)));
    await clock.schedule(step("soon", clock.now() + 2000));
    await expect(fired).resolves.toBe("soon");
    clock.stop();
  });

  it("names a bad speed", () => {
    expect(() => new LocalClock({ speed: 0 })).toThrow("speed 0");
  });
});
