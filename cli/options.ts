/**
 * Option values shared by several commands, read the same way everywhere (one CLI vocabulary).
 */
import { InvalidArgumentError } from "commander";

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
