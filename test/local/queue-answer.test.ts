import { callEnd, queueAnswer } from "../../local/queue-answer";

const startedAt = Date.parse("2026-11-27T13:00:00Z");

describe("queueAnswer", () => {
  it("answers after the flow and the queue wait, timed from the call entering the system", () => {
    expect(queueAnswer({ contactId: "c1", startedAt, flowSeconds: 12, queueWaitSeconds: 4 })).toEqual({
      kind: "answered",
      contactId: "c1",
      initiatedAt: "2026-11-27T13:00:00.000Z",
      answeredAt: "2026-11-27T13:00:16.000Z",
    });
  });

  it("abandons when the caller gives up in the queue before a call-taker picks up", () => {
    expect(
      queueAnswer({
        contactId: "c1",
        startedAt,
        flowSeconds: 12,
        queueWaitSeconds: 60,
        hangUpInQueueAfterSeconds: 20,
      }),
    ).toMatchObject({ kind: "abandoned", hungUpAt: "2026-11-27T13:00:32.000Z" });
  });

  it("abandons at the caller's hang-up time counted from the start of the call", () => {
    expect(
      queueAnswer({
        contactId: "c1",
        startedAt,
        flowSeconds: 12,
        queueWaitSeconds: 60,
        hangUpAfterSeconds: 45,
      }),
    ).toMatchObject({ kind: "abandoned", hungUpAt: "2026-11-27T13:00:45.000Z" });
  });

  it("answers when the call-taker is quicker than the caller's patience", () => {
    expect(
      queueAnswer({
        contactId: "c1",
        startedAt,
        flowSeconds: 12,
        queueWaitSeconds: 5,
        hangUpInQueueAfterSeconds: 20,
        hangUpAfterSeconds: 100,
      }),
    ).toMatchObject({ kind: "answered", answeredAt: "2026-11-27T13:00:17.000Z" });
  });
});

describe("callEnd", () => {
  it("ends an answered call after the call-taker's talk time, counted from the answer", () => {
    const answered = queueAnswer({ contactId: "c1", startedAt, flowSeconds: 12, queueWaitSeconds: 4 });
    if (answered.kind !== "answered") throw new Error(`expected an answer, got ${answered.kind}`);
    expect(callEnd(answered, 90)).toEqual({
      kind: "ended",
      contactId: "c1",
      initiatedAt: "2026-11-27T13:00:00.000Z",
      answeredAt: "2026-11-27T13:00:16.000Z",
      endedAt: "2026-11-27T13:01:46.000Z",
    });
  });
});
