/**
 * GSM 03.38 (GSM-7) arithmetic: which characters an SMS can carry without falling back to UCS-2
 * (70 characters a segment), how long a text is, and how many segments it takes.
 */

const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Characters sent as an escape plus one: they count twice. */
const EXTENSION = "^{}\\[~]|€";

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/** Characters of one single-segment SMS, and of each part of a concatenated one. */
export const SINGLE_SEGMENT = 160;
export const MULTI_SEGMENT_PART = 153;

/**
 * Whether a text is pure GSM-7.
 *
 * @example
 * isGsm7("Kebakaran di Jl. Sam Ratulangi") // true
 * isGsm7("Jalan “Baru”") // false
 */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC_SET.has(ch) && !EXTENSION_SET.has(ch)) return false;
  return true;
}

/**
 * Length in GSM-7 septets (extension characters count two).
 *
 * @example
 * gsm7Length("a[b]") // 6
 */
export function gsm7Length(text: string): number {
  let length = 0;
  for (const ch of text) length += EXTENSION_SET.has(ch) ? 2 : 1;
  return length;
}

/**
 * Segments a GSM-7 text takes (160 in one, 153 per part when concatenated).
 *
 * @example
 * gsm7Segments("x".repeat(161)) // 2
 */
export function gsm7Segments(text: string): number {
  const length = gsm7Length(text);
  return length <= SINGLE_SEGMENT ? 1 : Math.ceil(length / MULTI_SEGMENT_PART);
}

const REPLACEMENTS: Readonly<Record<string, string>> = {
  "‘": "'",
  "’": "'",
  "‚": ",",
  "“": '"',
  "”": '"',
  "–": "-",
  "—": "-",
  "…": "...",
  "\t": " ",
  "\n": " ",
  "\r": " ",
  "°": "o",
};

/**
 * Free text made safe for a GSM-7 SMS: quotes and dashes straightened, accents dropped, other
 * characters (emoji, scripts outside Latin) removed, extension characters replaced, runs of
 * spaces collapsed.
 *
 * @example
 * toGsm7("Jl. “Sudirman” — dekat café 🚒") // "Jl. \"Sudirman\" - dekat cafe"
 */
export function toGsm7(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFD")) {
    const replaced = REPLACEMENTS[ch];
    if (replaced !== undefined) out += replaced;
    else if (EXTENSION_SET.has(ch))
      out += ch === "[" || ch === "{" ? "(" : ch === "]" || ch === "}" ? ")" : " ";
    else if (BASIC_SET.has(ch) && ch !== "\n" && ch !== "\r") out += ch;
  }
  return out.replace(/ {2,}/g, " ").trim();
}

/**
 * Cuts a GSM-7 text to at most `max` septets, marking the cut with `..`.
 *
 * @example
 * truncateGsm7("Jalan Sam Ratulangi", 10) // "Jalan Sa.."
 */
export function truncateGsm7(text: string, max: number): string {
  if (gsm7Length(text) <= max) return text;
  if (max <= 2) return "";
  let out = "";
  for (const ch of text) {
    if (gsm7Length(out + ch) > max - 2) break;
    out += ch;
  }
  return `${out.trimEnd()}..`;
}
