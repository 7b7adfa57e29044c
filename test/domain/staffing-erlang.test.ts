import fc from "fast-check";
import { erlangB, erlangC, type QueueInput, queuePerformance } from "../../domain/staffing-erlang";

/**
 * Published worked examples. Precision: the Erlang C figures printed in full are matched to 1e-12
 * (the same closed form), figures printed rounded to their last printed digit, Erlang A figures
 * printed to six decimals to 5e-7.
 */
describe("Erlang C against published worked examples", () => {
  // Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example"
  // (https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm): 100 calls in 30 minutes,
  // AHT 180 s, 80% within 20 s. Its figures at 14 agents as printed in full by pyworkforce's README
  // (github.com/rodrigo-arenas/pyworkforce, README.md, "Erlang C" example of the same inputs):
  // service_level 0.8883500191794669, occupancy 0.7142857142857143, waiting_probability 0.1741319335950498.
  const callCentreHelper: QueueInput = {
    agents: 14,
    arrivalsPerSecond: 100 / 1800,
    ahtSeconds: 180,
    answerWithinSeconds: 20,
  };

  it("reproduces the Call Centre Helper example at 14 agents", () => {
    const p = queuePerformance(callCentreHelper);
    expect(p.model).toBe("erlang-c");
    expect(p.trafficErlangs).toBeCloseTo(10, 12);
    expect(p.probabilityOfWait).toBeCloseTo(0.1741319335950498, 12);
    expect(p.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(p.occupancy).toBeCloseTo(0.7142857142857143, 12);
    expect(p.abandonedShare).toBe(0);
    // ASA = C · AHT / (n − A) (Call Centre Helper, step "Average Speed of Answer").
    expect(p.averageSpeedOfAnswerSeconds).toBeCloseTo((0.1741319335950498 * 180) / 4, 9);
  });

  it("reproduces the same example at 15 agents (pyworkforce README scenario table: 0.9415, occupancy 0.6667)", () => {
    const p = queuePerformance({ ...callCentreHelper, agents: 15 });
    expect(Math.abs(p.serviceLevel - 0.9415)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(p.occupancy - 0.6667)).toBeLessThanOrEqual(0.00005);
  });

  it("measures traffic in Erlangs as in Westbay Engineers' example (30 calls in an hour of 5 minutes each = 2.5 E)", () => {
    // https://www.erlang.com/reply/42832/ ("Traffic figure = 2.5 Erlangs").
    const p = queuePerformance({
      agents: 3,
      arrivalsPerSecond: 30 / 3600,
      ahtSeconds: 300,
      answerWithinSeconds: 20,
    });
    expect(p.trafficErlangs).toBeCloseTo(2.5, 12);
  });

  it("is unstable with no more agents than Erlangs (Mandelbaum & Zeltyn's 48 E example: 'stable only with 49 or more agents')", () => {
    // Scenario of A. Mandelbaum, S. Zeltyn, "The Palm/Erlang-A Queue, with Applications to Call Centers"
    // (2005), §2: 2880 calls per hour, 1 min service, 2 min patience; restated with the stability
    // remark at zinnov.com/blog/introduction-to-erlang/.
    const base = { arrivalsPerSecond: 2880 / 3600, ahtSeconds: 60, answerWithinSeconds: 20 };
    const at48 = queuePerformance({ ...base, agents: 48 });
    expect(at48).toMatchObject({ probabilityOfWait: 1, serviceLevel: 0, averageSpeedOfAnswerSeconds: null });
    expect(queuePerformance({ ...base, agents: 49 }).averageSpeedOfAnswerSeconds).toBeGreaterThan(0);
    // Erlang A is stable with any number of agents.
    expect(queuePerformance({ ...base, agents: 40, patienceSeconds: 120 }).averageWaitSeconds).toBeLessThan(
      120,
    );
  });
});

describe("Erlang A against published worked examples", () => {
  // pyworkforce (github.com/rodrigo-arenas/pyworkforce), an independent implementation of M/M/c+M
  // (truncated birth-death chain, service level by uniformization): README "Erlang A" example,
  // 100 calls in 30 min, AHT 3 min, patience 5 min, target 20 s: at 13 agents service_level 0.858...,
  // occupancy 0.750..., abandonment_probability 0.025..., waiting_probability 0.226...,
  // average_speed_of_answer 0.125... min (its ASA is the mean wait of all callers, E[W]).
  const pyworkforce: QueueInput = {
    agents: 13,
    arrivalsPerSecond: 100 / 1800,
    ahtSeconds: 180,
    patienceSeconds: 300,
    answerWithinSeconds: 20,
  };

  it("reproduces pyworkforce's README example at 13 agents to its three printed decimals", () => {
    const p = queuePerformance(pyworkforce);
    expect(p.model).toBe("erlang-a");
    const printed = { serviceLevel: 0.858, occupancy: 0.75, abandonedShare: 0.025, probabilityOfWait: 0.226 };
    for (const [field, value] of Object.entries(printed))
      expect(Math.abs(p[field as keyof typeof printed] - value)).toBeLessThan(0.0005);
    expect(Math.abs(p.averageWaitSeconds! / 60 - 0.125)).toBeLessThan(0.0005);
  });

  it("reproduces pyworkforce's six-decimal figures at 14 agents (queuing/tests/test_abandonment.py)", () => {
    const p = queuePerformance({ ...pyworkforce, agents: 14 });
    expect(Math.abs(p.probabilityOfWait - 0.14526)).toBeLessThan(5e-6);
    expect(Math.abs(p.abandonedShare - 0.013984)).toBeLessThan(5e-7);
    expect(Math.abs(p.occupancy - 0.704297)).toBeLessThan(5e-7);
    expect(Math.abs(p.averageWaitSeconds! / 60 - 0.069919)).toBeLessThan(5e-7);
    expect(Math.abs(p.serviceLevel - 0.916792)).toBeLessThan(5e-7);
  });

  it("gives Mandelbaum & Zeltyn's Erlang C versus Erlang A comparison (50 agents, 48 calls/min, 1 min, patience 2 min)", () => {
    // The paper's §2 table (figures not in the stored copies the search tool reaches, which restate
    // only the scenario): Erlang C average wait 20.8 s and utilization 96%; Erlang A 3.1% abandoning,
    // average wait 3.7 s, utilization 93%.
    const base = { agents: 50, arrivalsPerSecond: 48 / 60, ahtSeconds: 60, answerWithinSeconds: 20 };
    const c = queuePerformance(base);
    const a = queuePerformance({ ...base, patienceSeconds: 120 });
    expect(c.averageWaitSeconds!.toFixed(1)).toBe("20.8");
    expect((c.occupancy * 100).toFixed(0)).toBe("96");
    expect((a.abandonedShare * 100).toFixed(1)).toBe("3.1");
    expect(a.averageWaitSeconds!.toFixed(1)).toBe("3.7");
    expect((a.occupancy * 100).toFixed(0)).toBe("93");
  });
});

describe("Erlang B and C", () => {
  it("computes Erlang B by hand for two agents and one Erlang: (1/2) / (1 + 1 + 1/2) = 0.2", () => {
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
  });

  it("stays finite for thousands of Erlangs, where factorials would overflow", () => {
    // 171! is already beyond a double; these need 5,000 agents.
    const c = erlangC(5100, 5000);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    const p = queuePerformance({
      agents: 5100,
      arrivalsPerSecond: 5000 / 180,
      ahtSeconds: 180,
      answerWithinSeconds: 10,
    });
    expect(p.serviceLevel).toBeGreaterThan(0.99);
    const a = queuePerformance({
      ...p,
      arrivalsPerSecond: 5000 / 180,
      ahtSeconds: 180,
      patienceSeconds: 60,
      agents: 4900,
      answerWithinSeconds: 10,
    });
    expect(Number.isFinite(a.serviceLevel) && Number.isFinite(a.averageWaitSeconds!)).toBe(true);
    expect(a.abandonedShare).toBeGreaterThan(0.02); // more work than agents: the excess hangs up
  });

  it("answers an idle queue at once", () => {
    const p = queuePerformance({ agents: 1, arrivalsPerSecond: 0, ahtSeconds: 90, answerWithinSeconds: 10 });
    expect(p).toMatchObject({
      serviceLevel: 1,
      probabilityOfWait: 0,
      occupancy: 0,
      averageSpeedOfAnswerSeconds: 0,
    });
  });
});

describe("input checks", () => {
  const ok: QueueInput = { agents: 2, arrivalsPerSecond: 0.01, ahtSeconds: 90, answerWithinSeconds: 10 };
  it.each([
    [{ agents: 0 }, "agents 0: not a whole number of at least 1"],
    [{ agents: 2.5 }, "agents 2.5: not a whole number of at least 1"],
    [{ arrivalsPerSecond: -1 }, "arrivalsPerSecond -1: not a finite number of at least 0"],
    [{ ahtSeconds: 0 }, "ahtSeconds 0: not a finite number above 0"],
    [{ answerWithinSeconds: Number.NaN }, "answerWithinSeconds NaN: not a finite number of at least 0"],
    [{ patienceSeconds: -5 }, "patienceSeconds -5: not a finite number above 0"],
  ])("refuses %j", (bad, message) => {
    expect(() => queuePerformance({ ...ok, ...bad })).toThrow(message);
  });

  it("refuses a patience so long that the queue would hold over a million callers", () => {
    expect(() =>
      queuePerformance({
        agents: 10,
        arrivalsPerSecond: 1,
        ahtSeconds: 20,
        patienceSeconds: 1e9,
        answerWithinSeconds: 10,
      }),
    ).toThrow(/patienceSeconds 1000000000: .* over 1000000 callers/);
  });
});

/** A queue with 0.2 to 60 Erlangs and 1 to 80 agents, optionally with patience. */
const queues = fc
  .record({
    erlangs: fc.double({ min: 0.2, max: 60, noNaN: true }),
    ahtSeconds: fc.double({ min: 20, max: 600, noNaN: true }),
    extraAgents: fc.integer({ min: -10, max: 20 }),
    patienceSeconds: fc.option(fc.double({ min: 5, max: 900, noNaN: true }), { nil: undefined }),
    answerWithinSeconds: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ erlangs, ahtSeconds, extraAgents, patienceSeconds, answerWithinSeconds }) => ({
    agents: Math.max(1, Math.ceil(erlangs) + extraAgents),
    arrivalsPerSecond: erlangs / ahtSeconds,
    ahtSeconds,
    patienceSeconds,
    answerWithinSeconds,
  }));

describe("properties", () => {
  it("keeps every share in [0, 1]", () => {
    fc.assert(
      fc.property(queues, (q) => {
        const p = queuePerformance(q);
        for (const share of [p.probabilityOfWait, p.serviceLevel, p.occupancy, p.abandonedShare])
          expect(share >= 0 && share <= 1).toBe(true);
      }),
    );
  });

  it("never lowers the service level or raises the chance of waiting when an agent is added", () => {
    fc.assert(
      fc.property(queues, (q) => {
        const fewer = queuePerformance(q);
        const more = queuePerformance({ ...q, agents: q.agents + 1 });
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-12);
        expect(more.probabilityOfWait).toBeLessThanOrEqual(fewer.probabilityOfWait + 1e-12);
        expect(more.abandonedShare).toBeLessThanOrEqual(fewer.abandonedShare + 1e-12);
      }),
    );
  });

  it("equals Erlang C when callers are (almost) infinitely patient", () => {
    fc.assert(
      fc.property(queues, (q) => {
        // At least one spare agent keeps the Erlang C wait below AHT, so a 1e12 s patience is
        // "infinite" to 1e-6 (closer to saturation the two models part at smaller patience rates).
        const stable = {
          ...q,
          agents: Math.max(q.agents, Math.ceil(q.arrivalsPerSecond * q.ahtSeconds + 1)),
        };
        const c = queuePerformance({ ...stable, patienceSeconds: undefined });
        const a = queuePerformance({ ...stable, patienceSeconds: 1e12 });
        expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
        expect(a.probabilityOfWait).toBeCloseTo(c.probabilityOfWait, 6);
        expect(a.occupancy).toBeCloseTo(c.occupancy, 6);
        expect(a.averageSpeedOfAnswerSeconds! / c.averageSpeedOfAnswerSeconds!).toBeCloseTo(1, 3);
      }),
    );
  });

  it("makes fewer callers wait, and shorter, when some hang up (Erlang A against Erlang C, same agents)", () => {
    fc.assert(
      fc.property(queues, fc.double({ min: 5, max: 900, noNaN: true }), (q, patienceSeconds) => {
        const stable = {
          ...q,
          agents: Math.max(q.agents, Math.floor(q.arrivalsPerSecond * q.ahtSeconds) + 1),
        };
        const c = queuePerformance({ ...stable, patienceSeconds: undefined });
        const a = queuePerformance({ ...stable, patienceSeconds });
        expect(a.probabilityOfWait).toBeLessThanOrEqual(c.probabilityOfWait + 1e-12);
        expect(a.averageWaitSeconds!).toBeLessThanOrEqual(c.averageWaitSeconds! * (1 + 1e-12));
      }),
    );
  });

  it("satisfies θ·E[waiting] = λ·P{Ab} (Garnett, Mandelbaum & Reiman 2002, eq. (2)): abandoned share = mean wait / patience", () => {
    fc.assert(
      fc.property(queues, (q) => {
        const p = queuePerformance({ ...q, patienceSeconds: q.patienceSeconds ?? 60 });
        expect(p.abandonedShare).toBeCloseTo(p.averageWaitSeconds! / (q.patienceSeconds ?? 60), 9);
      }),
    );
  });

  it("satisfies GMR 2002's identity for P{Ab} from P{W>0} and Erlang B (Appendix C, proof of Lemma 2, p. 226)", () => {
    fc.assert(
      fc.property(queues, (q) => {
        const p = queuePerformance({ ...q, patienceSeconds: q.patienceSeconds ?? 60 });
        const rho = p.trafficErlangs / q.agents;
        const bl = erlangB(q.agents, p.trafficErlangs);
        const pw = p.probabilityOfWait;
        const expected = (1 - 1 / rho + bl / rho / ((1 - bl) / (1 - pw) - 1 + bl)) * pw;
        expect(p.abandonedShare).toBeCloseTo(expected, 9);
      }),
    );
  });

  it("abandons more with more calls or less patience, and keeps answered load below the agents (GMR 2002, p. 223)", () => {
    fc.assert(
      fc.property(queues, fc.double({ min: 1.01, max: 3, noNaN: true }), (q, factor) => {
        const patience = q.patienceSeconds ?? 60;
        const base = queuePerformance({ ...q, patienceSeconds: patience });
        const busier = queuePerformance({
          ...q,
          patienceSeconds: patience,
          arrivalsPerSecond: q.arrivalsPerSecond * factor,
        });
        const hastier = queuePerformance({ ...q, patienceSeconds: patience / factor });
        expect(busier.abandonedShare).toBeGreaterThanOrEqual(base.abandonedShare - 1e-12);
        expect(hastier.abandonedShare).toBeGreaterThanOrEqual(base.abandonedShare - 1e-12);
        expect(base.trafficErlangs * (1 - base.abandonedShare)).toBeLessThanOrEqual(q.agents * (1 + 1e-12));
      }),
    );
  });
});
