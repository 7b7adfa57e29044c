/**
 * Phone numbers the way Indonesians type them: `0813-4011-7002`, `(0431) 860112`, `+62 812 3456 7890`.
 * Everything stored is E.164 (`+6281340117002`); what was typed differently is reported as a notice,
 * never silently. One reader for tenant files (`indonesianNumber`) and the CLI (`siaga112 call --from`).
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from "libphonenumber-js/max";
import { z } from "zod";

/** Shown wherever a number is refused. */
export const PHONE_EXAMPLES = "e.g. 0812-3456-7890 or +6281234567890";

/** Longest text read as a phone number (E.164 has at most 15 digits; spaces and dashes add some). */
export const MAX_PHONE_TEXT = 40;

export type PhoneReading =
  | { readonly ok: true; readonly e164: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a number typed by a person: `+` and a country code, or an Indonesian number with its trunk
 * `0`; spaces, dashes, dots and brackets around the area code are ignored. The result must be a
 * real numbering-plan number (libphonenumber-js metadata).
 *
 * @example
 * readPhoneNumber("0813-4011-7002") // { ok: true, e164: "+6281340117002" }
 * readPhoneNumber("0812-345")       // { ok: false, reason: "not a phone number: too few digits for an Indonesian number (e.g. …)" }
 */
export function readPhoneNumber(text: string): PhoneReading {
  const typed = text.trim();
  if (typed.length > MAX_PHONE_TEXT)
    return { ok: false, reason: `too long for a phone number (at most ${MAX_PHONE_TEXT} characters)` };
  if (!/^\+?[\d\s().-]+$/.test(typed))
    return {
      ok: false,
      reason: `not a phone number: digits only, with spaces or dashes (${PHONE_EXAMPLES})`,
    };
  const digits = typed.replace(/[\s().-]/g, "");
  if (!digits.startsWith("+") && !digits.startsWith("0"))
    return {
      ok: false,
      reason: `not a phone number: start with 0 (Indonesian, e.g. 0812-3456-7890) or with + and the country code (e.g. +6281234567890)`,
    };
  const parsed = parsePhoneNumberFromString(digits, "ID");
  if (parsed?.isValid()) return { ok: true, e164: parsed.number };
  // Only a refused number pays for the second look that says why.
  const length = validatePhoneNumberLength(digits, "ID");
  if (length === "TOO_SHORT" || length === "TOO_LONG" || length === "INVALID_LENGTH")
    return {
      ok: false,
      reason: `not a phone number: ${length === "TOO_SHORT" ? "too few" : length === "TOO_LONG" ? "too many" : "the wrong number of"} digits for ${digits.startsWith("+") ? "its country" : "an Indonesian number"} (${PHONE_EXAMPLES})`,
    };
  return {
    ok: false,
    reason: `not a phone number in use: wrong number of digits or an unknown area/operator code (${PHONE_EXAMPLES})`,
  };
}

/**
 * The zod piece for every phone-number field of a tenant file: a string as a person types it,
 * stored as E.164. A bare YAML number (`overflow: 081340117002` reads as 81340117002, losing the 0)
 * is refused with the fix.
 *
 * @example
 * z.object({ overflow: indonesianNumber }).parse({ overflow: "0813-4011-7002" }) // { overflow: "+6281340117002" }
 */
export const indonesianNumber = z
  .string({
    error: (issue) =>
      typeof issue.input === "number"
        ? `a phone number in quotes (YAML read this one as the number ${issue.input}, losing its leading 0 or +; write e.g. "0812-3456-7890")`
        : `a phone number as text (${PHONE_EXAMPLES})`,
  })
  .meta({
    description: "A phone number as people type it (0812-3456-7890, +62 812 3456 7890); stored as E.164",
  })
  .transform((text, ctx) => {
    const reading = readPhoneNumber(text);
    if (reading.ok) return reading.e164;
    ctx.issues.push({ code: "custom", message: reading.reason, input: text });
    return z.NEVER;
  });
