/** Amazon Connect contact events for the call-answer tests (not a test file itself). */

/** An EventBridge contact event as Amazon Connect sends it (fields trimmed to what matters). */
export function contactEvent(detail: Record<string, unknown>): Record<string, unknown> {
  return {
    version: "0",
    id: "5f7c1c2e-0000-4000-8000-000000000000",
    "detail-type": "Amazon Connect Contact Event",
    source: "aws.connect",
    account: "111111111111",
    time: "2026-11-27T13:00:09Z",
    region: "ap-southeast-1",
    resources: [],
    detail: {
      contactId: "c0ffee-1",
      initialContactId: "c0ffee-1",
      channel: "VOICE",
      instanceArn: "arn:aws:connect:ap-southeast-1:111111111111:instance/abc",
      initiationMethod: "INBOUND",
      initiationTimestamp: "2026-11-27T13:00:00.000Z",
      queueInfo: {
        queueArn: "arn:aws:connect:ap-southeast-1:111111111111:instance/abc/queue/q1",
        enqueueTimestamp: "2026-11-27T13:00:04.000Z",
      },
      ...detail,
    },
  };
}

/** `agentInfo` of a call-taker who connected at `at`. */
export function agent(at: string): Record<string, string> {
  return {
    agentArn: "arn:aws:connect:ap-southeast-1:111111111111:instance/abc/agent/a1",
    connectedToAgentTimestamp: at,
  };
}
