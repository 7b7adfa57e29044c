/**
 * The local centre's clock and one-time scheduler (EventBridge Scheduler's stand-in).
 * Local time runs `speed` times faster than the wall clock and can be jumped forward, so a
 * re-escalation due in 5 minutes can be seen in seconds. Schedules fire in time order, each
 * through the `fire` callback (the real `runScheduledTask`), once.
 */
import type { Clock, OneTimeSchedule, StepScheduler } from "../lambdas/shared/ports";

export interface LocalClockOptions {
  /** Local seconds per wall-clock second. @default 1 */
  readonly speed?: number;
  /** Wall clock, for tests. @default Date.now */
  readonly wall?: () => number;
  /** Whether schedules fire by themselves (a timer); off in tests that step with `advance`. @default true */
  readonly autoFire?: boolean;
}

export type ScheduleRunner = (schedule: OneTimeSchedule) => Promise<void>;

/**
 * A `Clock` and `StepScheduler` in one.
 *
 * @example
 * const clock = new LocalClock({ speed: 60 }); // one local minute per second
 * clock.onFire(async (s) => runScheduledTask(deps, s.task));
 */
export class LocalClock implements Clock, StepScheduler {
  private readonly wall: () => number;
  private readonly startWall: number;
  private speed: number;
  private offsetMs = 0;
  private readonly pending = new Map<string, OneTimeSchedule>();
  private runner: ScheduleRunner = async () => {};
  private timer: NodeJS.Timeout | undefined;
  private firing = Promise.resolve();
  private readonly autoFire: boolean;
  /** Schedules that fired, newest last (for the local pages and tests). */
  readonly fired: OneTimeSchedule[] = [];
  /** Failures of fired schedules (the cloud would retry; locally they are shown). */
  readonly failures: { readonly schedule: OneTimeSchedule; readonly error: string }[] = [];

  constructor(options: LocalClockOptions = {}) {
    const speed = options.speed ?? 1;
    if (!(speed > 0))
      throw new Error(`speed ${speed}: must be a positive number (1 = real time, 60 = a minute per second)`);
    this.speed = speed;
    this.wall = options.wall ?? Date.now;
    this.startWall = this.wall();
    this.autoFire = options.autoFire ?? true;
  }

  now(): number {
    return this.startWall + (this.wall() - this.startWall) * this.speed + this.offsetMs;
  }

  /** Sets who runs a schedule when it is due (schedules not made through `schedulerFor`). */
  onFire(runner: ScheduleRunner): void {
    this.runner = runner;
  }

  /**
   * A `StepScheduler` for one tenant: its schedule names live in their own group (as in the cloud,
   * one Scheduler group per tenant) and fire through its own runner.
   *
   * @example
   * const scheduler = clock.schedulerFor("71.71", (s) => runScheduledTask(deps, s.task).then(() => {}));
   */
  schedulerFor(group: string, runner: ScheduleRunner): StepScheduler {
    const prefix = `${group}/`;
    this.groups.set(prefix, runner);
    return {
      schedule: (s) => this.schedule({ ...s, name: `${prefix}${s.name}` }),
      cancel: (name) => this.cancel(`${prefix}${name}`),
    };
  }

  private readonly groups = new Map<string, ScheduleRunner>();

  private runnerOf(schedule: OneTimeSchedule): ScheduleRunner {
    const slash = schedule.name.indexOf("/");
    return (slash >= 0 && this.groups.get(schedule.name.slice(0, slash + 1))) || this.runner;
  }

  async schedule(schedule: OneTimeSchedule): Promise<void> {
    if (!this.pending.has(schedule.name)) this.pending.set(schedule.name, schedule);
    this.arm();
  }

  async cancel(name: string): Promise<void> {
    this.pending.delete(name);
    this.arm();
  }

  /** Schedules not fired yet, earliest first. */
  upcoming(): OneTimeSchedule[] {
    return [...this.pending.values()].sort((a, b) => a.at - b.at);
  }

  /**
   * Jumps local time forward and fires everything that became due, in time order.
   *
   * @example
   * await clock.advance(5 * 60_000); // the 5-minute re-escalation fires
   */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new Error(`advance ${ms} ms: must be zero or more`);
    this.offsetMs += ms;
    await this.fireDue();
  }

  /** Changes the speed from now on, keeping the current local time. */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`speed ${speed}: must be a positive number`);
    const now = this.now();
    this.speed = speed;
    this.offsetMs += now - this.now();
    this.arm();
  }

  /** Fires every due schedule; resolves when they have run. */
  fireDue(): Promise<void> {
    this.firing = this.firing.then(async () => {
      for (;;) {
        const due = this.upcoming().find((s) => s.at <= this.now());
        if (!due) break;
        this.pending.delete(due.name);
        this.fired.push(due);
        try {
          await this.runnerOf(due)(due);
        } catch (error) {
          this.failures.push({
            schedule: due,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      this.arm();
    });
    return this.firing;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.autoFire) return;
    const next = this.upcoming()[0];
    if (!next) return;
    const waitMs = Math.max(0, (next.at - this.now()) / this.speed);
    this.timer = setTimeout(() => void this.fireDue(), Math.min(waitMs, 2 ** 31 - 1));
    this.timer.unref();
  }
}
