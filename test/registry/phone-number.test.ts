import { z } from "zod";
import { indonesianNumber, readPhoneNumber } from "../../registry/phone-number";

describe("phone numbers as Indonesians type them", () => {
  it.each([
    ["0813-4011-7002", "+6281340117002"],
    ["0812 3456 7890", "+6281234567890"],
    ["(0431) 860-112", "+62431860112"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["+62431860112", "+62431860112"],
    [" 0812.3456.7890 ", "+6281234567890"],
  ])("reads %s as %s", (typed, e164) => {
    expect(readPhoneNumber(typed)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["0812-345", "not a phone number in use"],
    ["08123", "too few digits for an Indonesian number"],
    ["+6200000", "too few digits for its country"],
    ["6281234567890", "start with 0 (Indonesian, e.g. 0812-3456-7890) or with + and the country code"],
    ["0812-3456-789O", "digits only, with spaces or dashes"],
    ["0".repeat(41), "too long for a phone number"],
  ])("refuses %s, saying why", (typed, reason) => {
    const reading = readPhoneNumber(typed);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toContain(reason);
  });

  it("is one zod piece that stores E.164 and names the field's problem", () => {
    const schema = z.object({ overflow: indonesianNumber });
    expect(schema.parse({ overflow: "0813-4011-7002" })).toEqual({ overflow: "+6281340117002" });
    const failed = schema.safeParse({ overflow: "0812-345" });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]).toMatchObject({
      path: ["overflow"],
      message: expect.stringContaining("0812-3456-7890"),
    });
  });
});
