import { PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { CreateScheduleCommand, DeleteScheduleCommand } from "@aws-sdk/client-scheduler";
import { GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { PublishCommand } from "@aws-sdk/client-sns";
import type { IncidentEvent } from "../../../domain/incident-events";
import { snsAlertPublisher } from "../../../lambdas/shared/aws-alert-publisher";
import { eventBridgePublisher } from "../../../lambdas/shared/aws-event-publisher";
import { secretsManagerSigningSecret } from "../../../lambdas/shared/aws-signing-secret";
import { eventBridgeStepScheduler } from "../../../lambdas/shared/aws-step-scheduler";

/** A client that records the commands it is sent and answers from a script. */
function recordingClient(answer: (command: { input: unknown }) => unknown = () => ({})) {
  const sent: { name: string; input: unknown }[] = [];
  return {
    sent,
    async send(command: { constructor: { name: string }; input: unknown }) {
      sent.push({ name: command.constructor.name, input: command.input });
      const result = answer(command);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

const alert = {
  agencyId: "damkar",
  contactId: "piket",
  sms: "112 #K7Q2XM KEBAKARAN kritis di Jl. Sam Ratulangi",
  email: { subject: "[112 Kota Manado] KEBAKARAN (kritis) #K7Q2XM", body: "Yth. Damkar,\n..." },
  about: [{ incidentId: "i", round: 0, step: 0 }],
  dedupKey: "i:damkar:0:0:piket",
};

describe("the SNS alert publisher", () => {
  it("publishes one JSON-structured message to the agency topic, filtered to the contact, and returns SNS's MessageId", async () => {
    const client = recordingClient(() => ({ MessageId: "0b6c2a1e-sns" }));
    const receipt = await snsAlertPublisher(
      client as never,
      "arn:aws:sns:ap-southeast-3:111111111111:siaga112-71-71-agency-",
    ).publish(alert);
    expect(receipt).toEqual({ messageId: "0b6c2a1e-sns" });
    expect(client.sent).toEqual([
      {
        name: PublishCommand.name,
        input: {
          TopicArn: "arn:aws:sns:ap-southeast-3:111111111111:siaga112-71-71-agency-damkar",
          MessageStructure: "json",
          Subject: "[112 Kota Manado] KEBAKARAN (kritis) #K7Q2XM",
          Message: JSON.stringify({ default: alert.sms, sms: alert.sms, email: `${alert.email.body}\n` }),
          MessageAttributes: {
            contact: { DataType: "String.Array", StringValue: '["piket"]' },
            "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
          },
        },
      },
    ]);
  });

  it("lets throttling surface so the outbox retries", async () => {
    const client = recordingClient(() =>
      Object.assign(new Error("Rate exceeded"), { name: "ThrottledException" }),
    );
    await expect(snsAlertPublisher(client as never, "arn:").publish(alert)).rejects.toThrow("Rate exceeded");
  });
});

describe("the EventBridge Scheduler step scheduler", () => {
  const target = {
    groupName: "siaga112-71-71-escalation",
    targetArn: "arn:aws:lambda:ap-southeast-3:111111111111:function:siaga112-71-71-reescalate",
    roleArn: "arn:aws:iam::111111111111:role/siaga112-71-71-scheduler",
  };
  const task = { kind: "step", incidentId: "i", agencyId: "damkar", round: 0, step: 1 } as const;

  it("creates a one-time UTC schedule deleted after it fires, carrying the task", async () => {
    const client = recordingClient();
    await eventBridgeStepScheduler(client as never, target).schedule({
      name: "step-71-71-abc",
      at: Date.parse("2026-11-27T13:04:59.200Z"),
      task,
    });
    expect(client.sent).toEqual([
      {
        name: CreateScheduleCommand.name,
        input: {
          Name: "step-71-71-abc",
          GroupName: target.groupName,
          ScheduleExpression: "at(2026-11-27T13:05:00)",
          ScheduleExpressionTimezone: "UTC",
          FlexibleTimeWindow: { Mode: "OFF" },
          ActionAfterCompletion: "DELETE",
          Target: {
            Arn: target.targetArn,
            RoleArn: target.roleArn,
            Input: JSON.stringify(task),
            RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
          },
        },
      },
    ]);
  });

  it("treats an existing schedule and a gone one as done, and other errors as errors", async () => {
    const conflict = recordingClient(() => Object.assign(new Error("exists"), { name: "ConflictException" }));
    await expect(
      eventBridgeStepScheduler(conflict as never, target).schedule({ name: "n", at: 0, task }),
    ).resolves.toBeUndefined();
    const gone = recordingClient(() =>
      Object.assign(new Error("gone"), { name: "ResourceNotFoundException" }),
    );
    await eventBridgeStepScheduler(gone as never, target).cancel("n");
    expect(gone.sent).toEqual([
      { name: DeleteScheduleCommand.name, input: { Name: "n", GroupName: target.groupName } },
    ]);
    const denied = recordingClient(() =>
      Object.assign(new Error("denied"), { name: "AccessDeniedException" }),
    );
    await expect(eventBridgeStepScheduler(denied as never, target).cancel("n")).rejects.toThrow("denied");
  });
});

describe("the EventBridge event publisher", () => {
  const event = (i: number): IncidentEvent => ({
    schemaVersion: 1,
    type: "IncidentReceived",
    eventId: `i${i}:IncidentReceived`,
    tenant: "71.71",
    province: "71",
    incidentId: `i${i}`,
    at: "2026-11-27T13:00:00.000Z",
    channel: "voice",
    repeatCaller: false,
    suspectedPrank: false,
  });

  it("puts events on the national bus under the tenant's source, ten per call", async () => {
    const client = recordingClient(() => ({ FailedEntryCount: 0 }));
    await eventBridgePublisher(client as never, "siaga112-national").publish(
      [...Array(12)].map((_, i) => event(i)),
    );
    expect(client.sent.map((c) => c.name)).toEqual([PutEventsCommand.name, PutEventsCommand.name]);
    const first = (client.sent[0]!.input as { Entries: Record<string, unknown>[] }).Entries;
    expect(first).toHaveLength(10);
    expect(first[0]).toEqual({
      EventBusName: "siaga112-national",
      Source: "siaga112.tenant.71.71",
      DetailType: "IncidentReceived",
      Detail: JSON.stringify(event(0)),
      Time: new Date("2026-11-27T13:00:00.000Z"),
    });
  });

  it("fails when any entry failed, so the change is retried", async () => {
    const client = recordingClient(() => ({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: "ThrottlingException" }],
    }));
    await expect(eventBridgePublisher(client as never, "bus").publish([event(1)])).rejects.toThrow(
      "ThrottlingException",
    );
  });
});

describe("the signing secret", () => {
  const rotatedAt = new Date("2026-11-27T10:00:00Z");
  /** A secret rotated once: AWSCURRENT and AWSPREVIOUS. */
  const rotated = (command: { input: unknown }) =>
    (command.input as { VersionStage?: string }).VersionStage === "AWSPREVIOUS"
      ? { SecretString: "o".repeat(40), CreatedDate: new Date("2026-01-01T00:00:00Z") }
      : { SecretString: "n".repeat(40), CreatedDate: rotatedAt };

  it("reads the current and the previous version by staging label, once per five minutes", async () => {
    let now = 0;
    const client = recordingClient(rotated);
    const secret = secretsManagerSigningSecret(client as never, "arn:secret", { now: () => now });
    expect(await secret.get()).toEqual({
      current: "n".repeat(40),
      previous: "o".repeat(40),
      currentSince: rotatedAt.getTime() / 1000,
    });
    now += 60_000;
    await secret.get();
    expect(client.sent).toEqual([
      { name: GetSecretValueCommand.name, input: { SecretId: "arn:secret" } },
      { name: GetSecretValueCommand.name, input: { SecretId: "arn:secret", VersionStage: "AWSPREVIOUS" } },
    ]);
    now += 5 * 60_000;
    await secret.get();
    expect(client.sent).toHaveLength(4);
  });

  it("has no previous version before the first rotation, and fails on other errors", async () => {
    const fresh = recordingClient((command) =>
      (command.input as { VersionStage?: string }).VersionStage
        ? Object.assign(new Error("no such version"), { name: "ResourceNotFoundException" })
        : { SecretString: "x".repeat(40) },
    );
    expect(await secretsManagerSigningSecret(fresh as never, "arn:secret", Date).get()).toEqual({
      current: "x".repeat(40),
    });
    const denied = recordingClient((command) =>
      (command.input as { VersionStage?: string }).VersionStage
        ? Object.assign(new Error("denied"), { name: "AccessDeniedException" })
        : { SecretString: "x".repeat(40) },
    );
    await expect(secretsManagerSigningSecret(denied as never, "arn:secret", Date).get()).rejects.toThrow(
      "denied",
    );
  });

  it("refuses a short secret, naming it and its version", async () => {
    const client = recordingClient(() => ({ SecretString: "short" }));
    await expect(secretsManagerSigningSecret(client as never, "arn:secret", Date).get()).rejects.toThrow(
      "secret arn:secret (AWSCURRENT): SecretString missing or shorter than 32 characters",
    );
  });
});
