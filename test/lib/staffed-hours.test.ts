import { hoursOfOperationConfig } from "../../lib/staffed-hours";

describe("hoursOfOperationConfig", () => {
  it("opens every day all day for 24/7", () => {
    const config = hoursOfOperationConfig("24/7");
    expect(config.map((c) => c.day)).toEqual([
      "MONDAY",
      "TUESDAY",
      "WEDNESDAY",
      "THURSDAY",
      "FRIDAY",
      "SATURDAY",
      "SUNDAY",
    ]);
    for (const c of config)
      expect([c.startTime, c.endTime]).toEqual([
        { hours: 0, minutes: 0 },
        { hours: 0, minutes: 0 },
      ]);
  });

  it("turns each window into one entry per day", () => {
    expect(
      hoursOfOperationConfig([
        { days: ["monday", "friday"], from: "07:30", to: "22:00" },
        { days: ["sunday"], from: "08:00", to: "20:15" },
      ]),
    ).toEqual([
      { day: "MONDAY", startTime: { hours: 7, minutes: 30 }, endTime: { hours: 22, minutes: 0 } },
      { day: "FRIDAY", startTime: { hours: 7, minutes: 30 }, endTime: { hours: 22, minutes: 0 } },
      { day: "SUNDAY", startTime: { hours: 8, minutes: 0 }, endTime: { hours: 20, minutes: 15 } },
    ]);
  });

  it("names the window and value of a bad time", () => {
    expect(() => hoursOfOperationConfig([{ days: ["monday"], from: "7:00", to: "24:00" }])).toThrow(
      'callHandling.staffedHours[0].from "7:00": expected HH:MM from 00:00 to 23:59',
    );
  });
});
