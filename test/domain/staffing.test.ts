import fc from "fast-check";
import { meetsTarget, NFPA_1225_TARGET, recommendAgents, resolveTarget } from "../../domain/staffing";
import { queuePerformance } from "../../domain/staffing-erlang";

/**
 * Published worked examples of staffing to a target. Precision: agents exact; service level,
 * occupancy and chance of waiting to the digits the source prints (1e-12 where printed in full).
 */
describe("recommendAgents against published worked examples", () => {
  // Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example"
  // (https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm): 100 calls per 30 minutes,
  // AHT 180 s, 80% answered within 20 s, maximum occupancy 85%: 14 agents before shrinkage.
  // pyworkforce's README (github.com/rodrigo-arenas/pyworkforce) reproduces it: raw_positions 14,
  // service_level 0.8883500191794669, occupancy 0.7142857142857143, waiting_probability 0.1741319335950498.
  const demand = { calls: 100, intervalSeconds: 1800, ahtSeconds: 180 };

  it("needs 14 agents for 80% within 20 s, occupancy at most 85% (Call Centre Helper)", () => {
    const r = recommendAgents(demand, { serviceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.85 });
    expect(r.agents).toBe(14);
    expect(r.floorApplied).toBe(false);
    expect(r.performance.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(r.performance.occupancy).toBeCloseTo(0.7142857142857143, 12);
    expect(r.performance.probabilityOfWait).toBeCloseTo(0.1741319335950498, 12);
  });

  it("needs 14 for 85% and 15 for 90% within 20 s (pyworkforce README scenario table: 0.8884 and 0.9415)", () => {
    const at85 = recommendAgents(demand, { serviceLevel: 0.85, answerWithinSeconds: 20, maxOccupancy: 0.8 });
    const at90 = recommendAgents(demand, { serviceLevel: 0.9, answerWithinSeconds: 20, maxOccupancy: 0.8 });
    expect([at85.agents, at90.agents]).toEqual([14, 15]);
    expect(Math.abs(at85.performance.serviceLevel - 0.8884)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(at90.performance.serviceLevel - 0.9415)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(at90.performance.occupancy - 0.6667)).toBeLessThanOrEqual(0.00005);
  });

  it("needs 13 agents with 5-minute patience, abandonment at most 5% (pyworkforce README, Erlang A example)", () => {
    // Same demand, patience 5 min: raw_positions 13, service_level 0.858..., occupancy 0.750...,
    // abandonment_probability 0.025...: one agent fewer than Erlang C.
    const r = recommendAgents(
      { ...demand, patienceSeconds: 300 },
      { serviceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.85, maxAbandonedShare: 0.05 },
    );
    expect(r.agents).toBe(13);
    expect(r.performance.model).toBe("erlang-a");
    expect(Math.abs(r.performance.serviceLevel - 0.858)).toBeLessThan(0.0005);
    expect(Math.abs(r.performance.abandonedShare - 0.025)).toBeLessThan(0.0005);
  });
});

describe("recommendAgents for a 112 centre", () => {
  it("aims at NFPA 1225 (90% within 10 s) unless told otherwise", () => {
    expect(resolveTarget()).toEqual({
      ...NFPA_1225_TARGET,
      maxOccupancy: 1,
      maxAbandonedShare: 1,
      minimumAgents: 1,
    });
    const r = recommendAgents({ calls: 60, ahtSeconds: 90 });
    expect(r.performance.serviceLevel).toBeGreaterThanOrEqual(0.9);
    const oneFewer = queuePerformance({
      agents: r.agents - 1,
      arrivalsPerSecond: 60 / 3600,
      ahtSeconds: 90,
      answerWithinSeconds: 10,
    });
    expect(oneFewer.serviceLevel).toBeLessThan(0.9);
  });

  it("keeps one call-taker on shift in an hour without calls, and honours a higher floor", () => {
    const quiet = recommendAgents({ calls: 0, ahtSeconds: 90 });
    expect(quiet).toMatchObject({ agents: 1, modelAgents: 0, floorApplied: true });
    expect(quiet.performance.serviceLevel).toBe(1);
    const twoOnShift = recommendAgents({ calls: 1, ahtSeconds: 90 }, { minimumAgents: 2 });
    expect(twoOnShift).toMatchObject({ agents: 2, modelAgents: 1, floorApplied: true });
    expect(twoOnShift.performance.agents).toBe(2);
    expect(recommendAgents({ calls: 0, ahtSeconds: 90 }, { minimumAgents: 0 }).agents).toBe(0);
  });

  it("counts callers who hang up as unanswered: impatient callers need more agents than Erlang C says", () => {
    // 24 calls an hour of 20 s: Erlang C answers 91.4% within 10 s with one call-taker. Callers who
    // give up after 3 s on average lose most of the delayed calls (89.6% answered in time), so
    // Erlang A needs a second one.
    const demand = { calls: 24, ahtSeconds: 20 };
    expect(recommendAgents(demand).agents).toBe(1);
    const impatient = recommendAgents({ ...demand, patienceSeconds: 3 });
    expect(impatient.agents).toBe(2);
    expect(
      queuePerformance({
        agents: 1,
        arrivalsPerSecond: 24 / 3600,
        ahtSeconds: 20,
        patienceSeconds: 3,
        answerWithinSeconds: 10,
      }).serviceLevel,
    ).toBeLessThan(0.9);
    // Patient callers shorten the queue instead: fewer agents than Erlang C (the pyworkforce example above).
    expect(
      recommendAgents(
        { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, patienceSeconds: 300 },
        { serviceLevel: 0.8, answerWithinSeconds: 20 },
      ).agents,
    ).toBeLessThan(
      recommendAgents(
        { calls: 100, intervalSeconds: 1800, ahtSeconds: 180 },
        { serviceLevel: 0.8, answerWithinSeconds: 20 },
      ).agents,
    );
  });

  it("caps occupancy when asked", () => {
    const free = recommendAgents({ calls: 400, ahtSeconds: 180 });
    const capped = recommendAgents({ calls: 400, ahtSeconds: 180 }, { maxOccupancy: 0.7 });
    expect(free.performance.occupancy).toBeGreaterThan(0.7);
    expect(capped.performance.occupancy).toBeLessThanOrEqual(0.7);
    expect(capped.agents).toBe(Math.ceil(20 / 0.7));
  });

  it("recommends for thousands of Erlangs in a few milliseconds' work, without overflow", () => {
    const c = recommendAgents({ calls: 100_000, ahtSeconds: 180 }); // 5,000 Erlangs
    const a = recommendAgents({ calls: 100_000, ahtSeconds: 180, patienceSeconds: 120 });
    expect(c.agents).toBeGreaterThan(5000);
    expect(c.agents).toBeLessThan(5100);
    expect(c.performance.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(a.agents).toBeLessThanOrEqual(c.agents);
    expect(a.performance.serviceLevel).toBeGreaterThanOrEqual(0.9);
  });
});

describe("recommendAgents: properties", () => {
  const demands = fc.record({
    calls: fc.double({ min: 0.1, max: 3000, noNaN: true }),
    ahtSeconds: fc.double({ min: 20, max: 900, noNaN: true }),
    patienceSeconds: fc.option(fc.double({ min: 5, max: 600, noNaN: true }), { nil: undefined }),
  });
  const targets = fc.record({
    serviceLevel: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    answerWithinSeconds: fc.integer({ min: 0, max: 60 }),
    maxOccupancy: fc.double({ min: 0.5, max: 1, noNaN: true }),
    minimumAgents: fc.integer({ min: 0, max: 3 }),
  });

  it("meets the target with the fewest agents the model allows (one fewer fails, unless the floor set it)", () => {
    fc.assert(
      fc.property(demands, targets, (demand, target) => {
        const r = recommendAgents(demand, target);
        const resolved = resolveTarget(target);
        expect(meetsTarget(r.performance, resolved) || r.floorApplied).toBe(true);
        expect(r.agents).toBe(Math.max(r.modelAgents, target.minimumAgents));
        if (r.modelAgents > 1) {
          const fewer = queuePerformance({
            agents: r.modelAgents - 1,
            arrivalsPerSecond: demand.calls / 3600,
            ahtSeconds: demand.ahtSeconds,
            patienceSeconds: demand.patienceSeconds,
            answerWithinSeconds: resolved.answerWithinSeconds,
          });
          expect(meetsTarget(fewer, resolved)).toBe(false);
        }
      }),
    );
  });
});

describe("recommendAgents: input checks", () => {
  it.each([
    [{ calls: -1 }, {}, "calls -1: not a number of calls of at least 0"],
    [{ intervalSeconds: 0 }, {}, "intervalSeconds 0: not a number of seconds above 0 (e.g. 3600)"],
    [{ ahtSeconds: -90 }, {}, "ahtSeconds -90: not a finite number above 0"],
    [{}, { serviceLevel: 1 }, "serviceLevel 1: not a share above 0 and below 1 (e.g. 0.9 for 90%)"],
    [{}, { serviceLevel: 90 }, "serviceLevel 90: not a share above 0 and below 1"],
    [{}, { answerWithinSeconds: -10 }, "answerWithinSeconds -10: not a number of seconds of at least 0"],
    [{}, { maxOccupancy: 0 }, "maxOccupancy 0: not a share above 0 and at most 1 (e.g. 0.85)"],
    [{}, { maxAbandonedShare: 5 }, "maxAbandonedShare 5: not a share above 0 and at most 1 (e.g. 0.05)"],
    [{}, { minimumAgents: 1.5 }, "minimumAgents 1.5: not a whole number of at least 0 (e.g. 1)"],
  ])("refuses demand %j with target %j", (demand, target, message) => {
    expect(() => recommendAgents({ calls: 10, ahtSeconds: 90, ...demand }, target)).toThrow(message);
  });
});
