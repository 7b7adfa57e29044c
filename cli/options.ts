/**
 * Option values shared by several commands, read the same way everywhere (one CLI vocabulary).
 */
import { InvalidArgumentError } from "commander";
import { DEFAULT_PORT } from "../local/centre";

/** Where `call` and `simulate` find the running local centre: `SIAGA112_CENTRE`, else the default port. */
export const DEFAULT_CENTRE = process.env.SIAGA112_CENTRE ?? `http://127.0.0.1:${DEFAULT_PORT}`;

/**
 * A parser for options that take a number above 0, naming the option in its error.
 *
 * @example
 * positiveNumber("--calls")("12") // 12
 */
export function positiveNumber(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!(n > 0)) throw new InvalidArgumentError(`${name} "${value}": a number above 0`);
    return n;
  };
}

/**
 * `--press` of `call` and `flow simulate`: one key per menu in turn, a dot for silence at a menu.
 *
 * @example
 * pressedKeys("2.1") // ["2", "", "1"]
 */
export function pressedKeys(value: string): string[] {
  const keys = [...value.trim()];
  const wrong = keys.find((k) => !/^[0-9*#.]$/.test(k));
  if (wrong !== undefined)
    throw new InvalidArgumentError(
      `--press "${value}": "${wrong}" is not a phone key; give one key (0-9, * or #) per menu, a dot for silence`,
    );
  return keys.map((k) => (k === "." ? "" : k));
}
