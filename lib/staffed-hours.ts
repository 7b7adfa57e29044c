/**
 * Turns a tenant's staffed hours into Amazon Connect hours of operation (in the tenant's zone).
 */
import type { StaffedHours } from "../domain/tenant";
import { WEEKDAYS } from "../domain/tenant";

/** One `AWS::Connect::HoursOfOperation` config entry. */
export interface HoursConfig {
  readonly day: string;
  readonly startTime: { readonly hours: number; readonly minutes: number };
  readonly endTime: { readonly hours: number; readonly minutes: number };
}

/**
 * Connect hours of operation for staffed hours. `"24/7"` is every day from 00:00 to 00:00, which
 * Connect reads as the whole day.
 *
 * @example
 * hoursOfOperationConfig([{ days: ["monday"], from: "07:00", to: "22:00" }])
 * // [{ day: "MONDAY", startTime: { hours: 7, minutes: 0 }, endTime: { hours: 22, minutes: 0 } }]
 */
export function hoursOfOperationConfig(staffed: StaffedHours): HoursConfig[] {
  if (staffed === "24/7") {
    return WEEKDAYS.map((day) => ({
      day: day.toUpperCase(),
      startTime: { hours: 0, minutes: 0 },
      endTime: { hours: 0, minutes: 0 },
    }));
  }
  return staffed.flatMap((window, i) =>
    window.days.map((day) => ({
      day: day.toUpperCase(),
      startTime: clock(window.from, `staffedHours[${i}].from`),
      endTime: clock(window.to, `staffedHours[${i}].to`),
    })),
  );
}

function clock(value: string, path: string): { hours: number; minutes: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`callHandling.${path} "${value}": expected HH:MM from 00:00 to 23:59`);
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}
