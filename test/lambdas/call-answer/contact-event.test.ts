import fc from "fast-check";
import { readCallEnd, readContactEvent, secondsBetween } from "../../../lambdas/call-answer/contact-event";
import { agent, contactEvent } from "../support/contact-events";

describe("readContactEvent", () => {
  it("reads a call-taker connecting as an answer timed from the call entering the system", () => {
    expect(
      readContactEvent(
        contactEvent({ eventType: "CONNECTED_TO_AGENT", agentInfo: agent("2026-11-27T13:00:07.400Z") }),
      ),
    ).toEqual({
      kind: "answered",
      contactId: "c0ffee-1",
      initiatedAt: "2026-11-27T13:00:00.000Z",
      answeredAt: "2026-11-27T13:00:07.400Z",
    });
  });

  it("reads a hang-up without any call-taker as abandoned", () => {
    expect(
      readContactEvent(
        contactEvent({ eventType: "DISCONNECTED", disconnectTimestamp: "2026-11-27T13:01:15.000Z" }),
      ),
    ).toEqual({
      kind: "abandoned",
      contactId: "c0ffee-1",
      initiatedAt: "2026-11-27T13:00:00.000Z",
      hungUpAt: "2026-11-27T13:01:15.000Z",
    });
  });

  it("reads the end of an answered call as its answer, in case the CONNECTED_TO_AGENT event was lost", () => {
    expect(
      readContactEvent(
        contactEvent({
          eventType: "DISCONNECTED",
          agentInfo: agent("2026-11-27T13:00:05.000Z"),
          disconnectTimestamp: "2026-11-27T13:04:00.000Z",
        }),
      ),
    ).toMatchObject({ kind: "answered", answeredAt: "2026-11-27T13:00:05.000Z" });
  });

  it("reads the end of an answered call with the moments the call-taker connected and the call ended", () => {
    const end = contactEvent({
      eventType: "DISCONNECTED",
      agentInfo: agent("2026-11-27T13:00:05.000Z"),
      disconnectTimestamp: "2026-11-27T13:04:00.000Z",
    });
    expect(readCallEnd(end)).toEqual({
      kind: "ended",
      contactId: "c0ffee-1",
      initiatedAt: "2026-11-27T13:00:00.000Z",
      answeredAt: "2026-11-27T13:00:05.000Z",
      endedAt: "2026-11-27T13:04:00.000Z",
    });
    // No end without an answer, without the disconnect time, or before the call is over.
    expect(
      readCallEnd(contactEvent({ eventType: "DISCONNECTED", disconnectTimestamp: "2026-11-27T13:01:15Z" })),
    ).toBeUndefined();
    expect(
      readCallEnd(contactEvent({ eventType: "DISCONNECTED", agentInfo: agent("2026-11-27T13:00:05Z") })),
    ).toBeUndefined();
    expect(
      readCallEnd(
        contactEvent({ eventType: "CONNECTED_TO_AGENT", agentInfo: agent("2026-11-27T13:00:05Z") }),
      ),
    ).toBeUndefined();
  });

  it("ignores other event types, chats, outbound callbacks and events without times", () => {
    const ignored = [
      contactEvent({ eventType: "QUEUED" }),
      contactEvent({
        eventType: "DISCONNECTED",
        channel: "CHAT",
        disconnectTimestamp: "2026-11-27T13:01:00Z",
      }),
      contactEvent({
        eventType: "CONNECTED_TO_AGENT",
        initiationMethod: "OUTBOUND",
        agentInfo: agent("2026-11-27T13:00:05Z"),
      }),
      contactEvent({ eventType: "CONNECTED_TO_AGENT" }),
      contactEvent({ eventType: "DISCONNECTED" }),
      // never enqueued (the flow sent it to the overflow number): not an abandon in the queue
      contactEvent({
        eventType: "DISCONNECTED",
        queueInfo: { queueArn: "arn:aws:connect:ap-southeast-1:111111111111:instance/abc/queue/q1" },
        disconnectTimestamp: "2026-11-27T13:01:00Z",
      }),
      contactEvent({ eventType: "DISCONNECTED", initiationTimestamp: "kemarin", disconnectTimestamp: "x" }),
      { ...contactEvent({ eventType: "DISCONNECTED" }), "detail-type": "Amazon Connect Agent Event" },
      null,
      "DISCONNECTED",
    ];
    for (const event of ignored) expect(readContactEvent(event)).toBeUndefined();
  });

  it("never throws, whatever the event (property)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.string(), fc.anything()), (anything, detail) => {
        readContactEvent(anything);
        readContactEvent(contactEvent(detail));
        readContactEvent({ "detail-type": "Amazon Connect Contact Event", detail: anything });
      }),
    );
  });
});

describe("secondsBetween", () => {
  it("rounds to a tenth of a second and never goes below zero (clock skew)", () => {
    expect(secondsBetween("2026-11-27T13:00:00Z", "2026-11-27T13:00:07.46Z")).toBe(7.5);
    expect(secondsBetween("2026-11-27T13:00:05Z", "2026-11-27T13:00:04Z")).toBe(0);
  });
});
