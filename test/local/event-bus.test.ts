import { LocalEventBus } from "../../local/event-bus";
import { received } from "../domain/statistics-events";

describe("LocalEventBus", () => {
  it("retries a failed delivery like EventBridge, and reports one that keeps failing", async () => {
    const errors: string[] = [];
    const bus = new LocalEventBus({ retries: 2, onError: (e) => errors.push(String(e)) });
    const attempts = new Map<string, number>();
    bus.subscribe((event) => {
      const n = (attempts.get(event.eventId) ?? 0) + 1;
      attempts.set(event.eventId, n);
      if (event.incidentId === "busy" && n < 2) throw new Error("busy, retry later");
      if (event.incidentId === "broken") throw new Error("broken");
    });
    await bus.publish([
      received({ incidentId: "busy", eventId: "b" }),
      received({ incidentId: "broken", eventId: "x" }),
    ]);
    await bus.settled();
    expect(attempts.get("b")).toBe(2);
    expect(attempts.get("x")).toBe(3);
    expect(errors).toEqual(["Error: broken"]);
  });
});
