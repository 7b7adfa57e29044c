/**
 * Step scheduler on EventBridge Scheduler: one-time `at(...)` schedules invoking the reescalate
 * function, deleted after they fire. Creating an existing one or deleting a gone one is fine.
 */
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  type SchedulerClient,
} from "@aws-sdk/client-scheduler";
import type { OneTimeSchedule, StepScheduler } from "./ports";

export interface SchedulerTarget {
  readonly groupName: string;
  /** The reescalate function. */
  readonly targetArn: string;
  /** Role Scheduler assumes to invoke it. */
  readonly roleArn: string;
}

/**
 * `at(2026-11-27T13:05:00)` in UTC, rounded up to the next whole second.
 *
 * @example
 * atExpression(Date.parse("2026-11-27T13:04:59.200Z")) // "at(2026-11-27T13:05:00)"
 */
export function atExpression(epochMillis: number): string {
  return `at(${new Date(Math.ceil(epochMillis / 1000) * 1000).toISOString().slice(0, 19)})`;
}

/**
 * The exact CreateSchedule input of a one-time schedule.
 *
 * @example
 * createScheduleInput(target, { name: "step-71-71-…", at, task }).ActionAfterCompletion // "DELETE"
 */
export function createScheduleInput(target: SchedulerTarget, schedule: OneTimeSchedule) {
  return {
    Name: schedule.name,
    GroupName: target.groupName,
    ScheduleExpression: atExpression(schedule.at),
    ScheduleExpressionTimezone: "UTC",
    FlexibleTimeWindow: { Mode: "OFF" as const },
    ActionAfterCompletion: "DELETE" as const,
    Target: {
      Arn: target.targetArn,
      RoleArn: target.roleArn,
      Input: JSON.stringify(schedule.task),
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
    },
  };
}

const nameOf = (error: unknown) => (error as { name?: string } | null)?.name;

/**
 * @example
 * const scheduler = eventBridgeStepScheduler(new SchedulerClient({}), { groupName, targetArn, roleArn });
 */
export function eventBridgeStepScheduler(
  client: Pick<SchedulerClient, "send">,
  target: SchedulerTarget,
): StepScheduler {
  return {
    async schedule(schedule) {
      try {
        await client.send(new CreateScheduleCommand(createScheduleInput(target, schedule)));
      } catch (error) {
        if (nameOf(error) !== "ConflictException") throw error;
      }
    },
    async cancel(name) {
      try {
        await client.send(new DeleteScheduleCommand({ Name: name, GroupName: target.groupName }));
      } catch (error) {
        if (nameOf(error) !== "ResourceNotFoundException") throw error;
      }
    },
  };
}
