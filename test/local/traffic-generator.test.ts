import { type LocalCentre, startLocalCentre } from "../../local/centre";
import { CentreClient } from "../../local/centre-client";
import {
  CALL_KINDS,
  JAKARTA_2024_ABANDON_SHARE,
  JAKARTA_2024_MIX,
  parseMix,
  runTraffic,
  seededRandom,
} from "../../local/traffic-generator";

describe("parseMix", () => {
  it("defaults to Jakarta's 2024 mix", () => {
    expect(parseMix({})).toEqual(JAKARTA_2024_MIX);
  });

  it("keeps the shares given and spreads the rest in Jakarta's proportions", () => {
    const mix = parseMix({ prank: "0.4" });
    expect(mix.prank).toBe(0.4);
    const total = CALL_KINDS.reduce((s, k) => s + mix[k], 0);
    expect(total).toBeCloseTo(1, 10);
    expect(mix.genuine / mix.information).toBeCloseTo(
      JAKARTA_2024_MIX.genuine / JAKARTA_2024_MIX.information,
      10,
    );
  });

  it("reproduces Jakarta 2024: 58.2% dropped, and of the answered calls 6,317 genuine and ~23% of all prank", () => {
    expect(JAKARTA_2024_ABANDON_SHARE).toBeCloseTo(0.582, 3);
    expect(CALL_KINDS.reduce((s, k) => s + JAKARTA_2024_MIX[k], 0)).toBeCloseTo(1, 10);
    const answered = 637_292 * (1 - JAKARTA_2024_ABANDON_SHARE);
    expect(Math.round(answered * JAKARTA_2024_MIX.genuine)).toBe(6_317);
    expect((answered * JAKARTA_2024_MIX.prank) / 637_292).toBeCloseTo(0.23, 3);
  });

  it("names a share out of range or shares adding up past 1", () => {
    expect(() => parseMix({ prank: "1.5" })).toThrow('--prank "1.5"');
    expect(() => parseMix({ prank: "0.7", ghost: "0.5" })).toThrow("more than 1");
  });
});

describe("seededRandom", () => {
  it("gives the same traffic for the same seed", () => {
    const a = seededRandom(112);
    const b = seededRandom(112);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe("runTraffic against a running local centre", () => {
  let centre: LocalCentre;
  beforeAll(async () => {
    centre = await startLocalCentre({ port: 0 });
  });
  afterAll(() => centre.stop());

  it("drives calls, outcomes, escalations and acknowledgements that the dashboard counts", async () => {
    const client = new CentreClient(centre.url);
    const mix = parseMix({ prank: "0.2", ghost: "0.2", information: "0.2", wrongNumber: "0" });
    expect(mix.genuine).toBeCloseTo(0.4, 10);
    const done: number[] = [];
    const summary = await runTraffic(
      client,
      { calls: 30, tenants: "all", mix, ackShare: 1, concurrency: 4, seed: 7 },
      (n) => done.push(n),
    );
    expect(summary.errors).toEqual([]);
    expect(done.at(-1)).toBe(30);
    const stats = await client.json<{
      national: { calls: number; outcomes: Record<string, number>; agencies: { escalations: number }[] };
      tenants: { code: string }[];
    }>("GET", "/dashboard/api/statistics");
    expect(stats.national.calls).toBe(30);
    expect(stats.national.outcomes).toEqual(summary.byKind);
    expect(stats.national.agencies.reduce((n, a) => n + a.escalations, 0)).toBeGreaterThan(0);
    expect(summary.acknowledgements).toBeGreaterThan(0);
  });
  it("spreads calls over simulated hours and sends a share to the backup centre, as the charts show", async () => {
    const client = new CentreClient(centre.url);
    await client.json("GET", "/local/settled");
    const before = await client.json<{ national: { calls: number; overflowed: number } }>(
      "GET",
      "/dashboard/api/statistics",
    );
    const summary = await runTraffic(
      client,
      {
        calls: 12,
        tenants: ["71.71"],
        mix: parseMix({}),
        overflowShare: 0.5,
        hours: 3,
        ackShare: 1,
        concurrency: 2,
        seed: 3,
      },
      () => {},
    );
    expect(summary.errors).toEqual([]);
    expect(summary.overflowed).toBeGreaterThan(0);
    const after = await client.json<{ national: { calls: number; overflowed: number } }>(
      "GET",
      "/dashboard/api/statistics",
    );
    expect(after.national.calls - before.national.calls).toBe(12);
    expect(after.national.overflowed - before.national.overflowed).toBe(summary.overflowed);
    const series = await client.json<{ points: { slot: string; calls: number }[] }>(
      "GET",
      "/dashboard/api/series?tenant=71.71",
    );
    const busy = series.points.filter((p) => p.calls > 0).map((p) => p.slot);
    expect(busy.length).toBeGreaterThanOrEqual(3); // three simulated hours, each with calls
  });
});
