import {
  alertCoordinates,
  type CallerLocationReport,
  describePosition,
  latestPosition,
  mapLink,
  readLocationReport,
} from "../../domain/caller-location";

const now = Date.parse("2026-11-27T13:04:30Z");
const wita = { name: "WITA", utcOffsetHours: 8 } as const;

describe("a report from the caller's location page", () => {
  it("reads a shared position with its accuracy and the time of the fix", () => {
    const read = readLocationReport(
      { outcome: "shared", lat: 1.47481234567, lon: "124.8421", accuracy: "12.4", fixAt: now - 5000 },
      now,
    );
    expect(read).toEqual({
      report: {
        outcome: "shared",
        receivedAt: "2026-11-27T13:04:30.000Z",
        position: { lat: 1.474812, lon: 124.8421, accuracyMeters: 12, fixAt: "2026-11-27T13:04:25.000Z" },
      },
    });
  });

  it("never dates a fix after it arrived, and refuses a phone clock a day off", () => {
    const ahead = readLocationReport(
      { outcome: "shared", lat: 1, lon: 124, accuracy: 5, fixAt: now + 60_000 },
      now,
    );
    expect("report" in ahead && ahead.report.position?.fixAt).toBe("2026-11-27T13:04:30.000Z");
    const wrongClock = readLocationReport(
      { outcome: "shared", lat: 1, lon: 124, accuracy: 5, fixAt: now - 3 * 86_400_000 },
      now,
    );
    expect(wrongClock).toEqual({ problems: [expect.objectContaining({ field: "fixAt" })] });
  });

  it("names every bad field with the value given and what is accepted", () => {
    expect(readLocationReport({ outcome: "shared", lat: 91, lon: "x", accuracy: -1 }, now)).toEqual({
      problems: [
        { field: "lat", value: 91, expected: "a number from -90 to 90" },
        { field: "lon", value: "x", expected: "a number from -180 to 180" },
        { field: "accuracy", value: -1, expected: "a number from 0 to 100000" },
        { field: "fixAt", value: undefined, expected: expect.stringContaining("a number from") },
      ],
    });
    expect(readLocationReport({ outcome: "here" }, now)).toEqual({
      problems: [{ field: "outcome", value: "here", expected: expect.stringContaining("shared, denied") }],
    });
  });

  it("records a refusal or a timeout of the browser, and words typed instead", () => {
    expect(readLocationReport({ outcome: "denied" }, now)).toEqual({
      report: { outcome: "denied", receivedAt: "2026-11-27T13:04:30.000Z" },
    });
    const typed = readLocationReport(
      { outcome: "described", description: " Di depan\u0007 masjid\n Raya " },
      now,
    );
    expect("report" in typed && typed.report.description).toBe("Di depan masjid Raya");
    expect(readLocationReport({ outcome: "described", description: "" }, now)).toEqual({
      problems: [expect.objectContaining({ field: "description" })],
    });
    expect(readLocationReport({ outcome: "timeout", description: "x".repeat(501) }, now)).toEqual({
      problems: [
        expect.objectContaining({ field: "description", expected: "text of at most 500 characters" }),
      ],
    });
  });
});

describe("the caller's position for officers", () => {
  const shared: CallerLocationReport = {
    outcome: "shared",
    receivedAt: "2026-11-27T13:04:30.000Z",
    position: { lat: 1.4748, lon: 124.8421, accuracyMeters: 12, fixAt: "2026-11-27T13:04:25.000Z" },
  };
  const denied: CallerLocationReport = { outcome: "denied", receivedAt: "2026-11-27T13:06:00.000Z" };

  it("is the latest position shared; a later refusal does not erase it", () => {
    expect(latestPosition([shared, denied])).toBe(shared.position);
    expect(latestPosition([denied])).toBeUndefined();
    expect(latestPosition(undefined)).toBeUndefined();
  });

  it("goes to agencies unless the call-taker classified with coordinates of their own", () => {
    expect(alertCoordinates({ text: "Pasar" }, [shared, denied])).toEqual({ lat: 1.4748, lon: 124.8421 });
    expect(alertCoordinates({ text: "Seberang sungai", lat: 1.5, lon: 124.9 }, [shared])).toEqual({
      lat: 1.5,
      lon: 124.9,
    });
    expect(alertCoordinates({ text: "Pasar" }, [denied])).toBeUndefined();
  });

  it("reads as coordinates, accuracy and local time, with a map link (no tiles)", () => {
    expect(describePosition(shared.position!, wita)).toBe("1.4748, 124.8421 (±12 m, 27/11/2026 21:04 WITA)");
    expect(mapLink(1.4748, 124.8421)).toBe(
      "https://www.openstreetmap.org/?mlat=1.4748&mlon=124.8421#map=17/1.4748/124.8421",
    );
  });
});
