import { PREFLIGHT_CHECKS } from "../../preflight/all-checks";
import { resultsOf } from "../../preflight/check";
import { countByStatus, exitCodeOf, formatResults } from "../../preflight/report";

const sandbox = resultsOf("sms-sandbox");
const allow = resultsOf("outbound-allow-list");

describe("formatResults", () => {
  it("prints one line per result, what to do and the source under the others, and a tally", () => {
    const lines = formatResults(
      [
        sandbox.pass("ap-southeast-1", "out of the SMS sandbox"),
        sandbox.fail("ap-southeast-3", "in the SMS sandbox", "ask for production access"),
      ],
      PREFLIGHT_CHECKS,
    );
    expect(lines).toEqual([
      "PASS     sms-sandbox  ap-southeast-1  out of the SMS sandbox",
      "FAIL     sms-sandbox  ap-southeast-3  in the SMS sandbox",
      "          do: ask for production access",
      "          see: https://docs.aws.amazon.com/sns/latest/dg/sns-sms-sandbox.html",
      "1 pass, 0 warn, 1 fail, 0 unknown",
    ]);
  });
});

describe("exitCodeOf", () => {
  it("is 1 when any check failed and 0 when the worst is a warning or an unknown", () => {
    const unknown = allow.unknown("hub timur-1", "cannot be checked by an API", "open a support case");
    expect(exitCodeOf([unknown, sandbox.warn("r", "w", "f")])).toBe(0);
    expect(exitCodeOf([unknown, sandbox.fail("r", "f", "f")])).toBe(1);
    expect(countByStatus([unknown])).toEqual({ pass: 0, warn: 0, fail: 0, unknown: 1 });
  });
});
