/**
 * The input a schedule delivers, checked before anything runs on it.
 */
import * as z from "zod/mini";
import type { ScheduledTask } from "../shared/ports";

const id = z.string().check(z.minLength(1), z.maxLength(128));
const count = z.number().check(z.int(), z.gte(0), z.lte(1000));

const task = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("step"), incidentId: id, agencyId: id, round: count, step: count }),
  z.object({ kind: z.literal("digest"), agencyId: id, contactId: id }),
  z.object({ kind: z.literal("sweep") }),
]);

/**
 * The task a schedule carries, or undefined when the input is not one.
 *
 * @example
 * readScheduledTask({ kind: "sweep" }) // { kind: "sweep" }
 */
export function readScheduledTask(input: unknown): ScheduledTask | undefined {
  const result = z.safeParse(task, input);
  return result.success ? (result.data as ScheduledTask) : undefined;
}
