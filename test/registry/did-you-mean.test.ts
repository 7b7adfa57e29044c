import { didYouMean, nearest } from "../../registry/did-you-mean";

describe("near misses", () => {
  it("suggests the closest id within a slip's distance, ignoring case", () => {
    expect(nearest("psc-119", ["polres", "psc119", "damkar"])).toBe("psc119");
    expect(nearest("SMSS", ["sms", "email"])).toBe("sms");
    expect(didYouMean("psc-119", ["psc119"])).toBe(' (did you mean "psc119"?)');
  });

  it("stays silent when nothing is near, or the word is exact", () => {
    expect(nearest("pemadam", ["polresta", "damkar", "psc119"])).toBeUndefined();
    expect(didYouMean("damkar", ["damkar"])).toBe("");
  });
});
