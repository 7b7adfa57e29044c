import { CALL_KINDS, JAKARTA_2024_MIX, parseMix, seededRandom } from "../../local/traffic-generator";

describe("parseMix", () => {
  it("defaults to Jakarta's 2024 mix", () => {
    expect(parseMix({})).toEqual(JAKARTA_2024_MIX);
  });

  it("keeps the shares given and spreads the rest in Jakarta's proportions", () => {
    const mix = parseMix({ prank: "0.4" });
    expect(mix.prank).toBe(0.4);
    const total = CALL_KINDS.reduce((s, k) => s + mix[k], 0);
    expect(total).toBeCloseTo(1, 10);
    expect(mix.ghost / mix.information).toBeCloseTo(
      JAKARTA_2024_MIX.ghost / JAKARTA_2024_MIX.information,
      10,
    );
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
