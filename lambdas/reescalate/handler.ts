/**
 * Reescalate Lambda, invoked by EventBridge Scheduler: a due step, a digest, or the sweep.
 * Throws when the table or a port fails, so Scheduler's retry policy tries again.
 */
import middy from "@middy/core";
import { senderDepsFromEnv } from "../shared/sender-deps";
import { runScheduledTask, type TaskResult } from "./run-scheduled-task";
import { readScheduledTask } from "./scheduled-task";

const { deps, middlewares } = senderDepsFromEnv("reescalate");

export const handler = middy<unknown, TaskResult>()
  .use([...middlewares])
  .handler(async (event) => {
    const task = readScheduledTask(event);
    if (!task) {
      deps.log.warn("reescalate: input is not a scheduled task", {
        input: JSON.stringify(event)?.slice(0, 200),
      });
      return { kind: "ignored", reason: "not a scheduled task" };
    }
    return runScheduledTask(deps, task);
  });
