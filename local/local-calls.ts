/**
 * A local 112 call: the tenant's real inbound flow, run by the flow simulator, invoking the real
 * intake function against the tenant's table in dynalite. Prompts come back as their Indonesian
 * transcripts, so a terminal (or a test) can follow the call as text.
 *
 * A call the flow queues is then answered by a call-taker after a simulated wait, or abandoned
 * when the caller hangs up first (`queue-answer.ts`); that is recorded like the cloud's
 * call-answer function records it from Amazon Connect contact events.
 *
 * A "dry run" uses an in-memory intake that records nothing: the interactive phone uses it to find
 * the next menu before the real call is placed with every digit the caller chose.
 */
import { randomUUID } from "node:crypto";
import type { Tenant } from "../domain/tenant";
import type { FlowContent } from "../flows/flow-language";
import { fakeIntakeInvoker, type LambdaInvoker } from "../flows/lambda-invokers";
import { PROMPT_NAMES, type PromptSet } from "../flows/prompt-set";
import {
  type CallerInput,
  QUEUE_STATES,
  type QueueState,
  type SimulationOutcome,
  simulateFlow,
} from "../flows/simulator";
import { buildInboundFlow, placeholderRefs } from "../flows/tenant-flows";
import { type CallAnswerRecord, secondsBetween } from "../lambdas/call-answer/contact-event";
import type { IntakeOkAnswer } from "../lambdas/intake/answer";
import { DEFAULT_PATIENCE_SECONDS, type PhoneDesk } from "./phone-desk";
import { callEnd, DEFAULT_QUEUE_WAIT_SECONDS, DEFAULT_TALK_SECONDS, queueAnswer } from "./queue-answer";

export interface CallRequest {
  /** Digits pressed at each menu, in order; `""` means the caller stays silent. */
  readonly inputs?: readonly string[];
  /** The caller hangs up this many seconds into the call (before a call-taker answers). */
  readonly hangUpAfterSeconds?: number;
  /** Seconds a queued call waits until a call-taker picks up. @default 4 */
  readonly queueWaitSeconds?: number;
  /** The caller gives up after this many seconds in the queue (abandoned if nobody answered). */
  readonly hangUpInQueueAfterSeconds?: number;
  /**
   * Seconds a simulated call-taker talks with the caller once answered; the call's end is then
   * recorded (handling time). Not used when the call rings at a console. @default 60
   */
  readonly talkSeconds?: number;
  /** E.164 number shown as the caller; absent = a phone without a SIM card. */
  readonly callerNumber?: string;
  /** State of the tenant's queue. @default "open" */
  readonly queue?: QueueState;
  /** Explore the flow without recording anything. */
  readonly dryRun?: boolean;
  /**
   * Ring the tenant's consoles until a call-taker answers (or the caller gives up after
   * `hangUpInQueueAfterSeconds`, default 120 s) instead of a simulated call-taker answering after
   * `queueWaitSeconds`. @default true when a console of the tenant is online and no
   * `queueWaitSeconds` is given
   */
  readonly ring?: boolean;
}

export interface TranscriptLine {
  readonly atSeconds: number;
  /** `prompt`: what the caller hears; `menu`: a prompt that waits for digits; `event`: what happens. */
  readonly kind: "prompt" | "menu" | "event";
  readonly text: string;
}

export interface CallReport {
  readonly tenant: string;
  readonly contactId: string;
  readonly outcome: SimulationOutcome;
  readonly humanReached: boolean;
  readonly elapsedSeconds: number;
  /** Set when intake recorded the call. */
  readonly incident?: Pick<IntakeOkAnswer, "incidentId" | "shortCode" | "repeatCaller" | "suspectedPrank">;
  /** A queued call: answered by a call-taker after `seconds`, or abandoned after `seconds`. */
  readonly answer?: { readonly kind: CallAnswerRecord["kind"]; readonly seconds: number };
  /** Category chosen in the quick menu, if any. */
  readonly category?: string;
  readonly transcript: readonly TranscriptLine[];
  /** True when a menu is waiting for a digit the request did not give (interactive phone). */
  readonly awaitingInput: boolean;
}

/**
 * Reads a `CallRequest` from a JSON body, naming the first field that is wrong.
 *
 * @example
 * parseCallRequest({ inputs: ["2"], callerNumber: "+6281234567890" }) // { inputs: ["2"], callerNumber: "+6281234567890" }
 */
export function parseCallRequest(body: Record<string, unknown>): CallRequest {
  const {
    inputs,
    hangUpAfterSeconds,
    queueWaitSeconds,
    hangUpInQueueAfterSeconds,
    talkSeconds,
    callerNumber,
    queue,
    dryRun,
    ring,
  } = body;
  if (inputs !== undefined && (!Array.isArray(inputs) || inputs.some((d) => typeof d !== "string")))
    throw new Error(`inputs ${JSON.stringify(inputs)}: a list of keys, e.g. ["2"] ("" = silence)`);
  if (hangUpAfterSeconds !== undefined && !(typeof hangUpAfterSeconds === "number" && hangUpAfterSeconds > 0))
    throw new Error(`hangUpAfterSeconds ${JSON.stringify(hangUpAfterSeconds)}: a number of seconds above 0`);
  if (queueWaitSeconds !== undefined && !(typeof queueWaitSeconds === "number" && queueWaitSeconds >= 0))
    throw new Error(`queueWaitSeconds ${JSON.stringify(queueWaitSeconds)}: a number of seconds, 0 or more`);
  if (
    hangUpInQueueAfterSeconds !== undefined &&
    !(typeof hangUpInQueueAfterSeconds === "number" && hangUpInQueueAfterSeconds >= 0)
  )
    throw new Error(
      `hangUpInQueueAfterSeconds ${JSON.stringify(hangUpInQueueAfterSeconds)}: a number of seconds, 0 or more`,
    );
  if (
    talkSeconds !== undefined &&
    !(typeof talkSeconds === "number" && talkSeconds > 0 && talkSeconds <= 7200)
  )
    throw new Error(`talkSeconds ${JSON.stringify(talkSeconds)}: a number of seconds above 0, at most 7200`);
  if (
    callerNumber !== undefined &&
    !(typeof callerNumber === "string" && /^\+[1-9]\d{6,14}$/.test(callerNumber))
  )
    throw new Error(`callerNumber ${JSON.stringify(callerNumber)}: an E.164 number, e.g. +6281234567890`);
  if (queue !== undefined && !(QUEUE_STATES as readonly unknown[]).includes(queue))
    throw new Error(`queue ${JSON.stringify(queue)}: one of ${QUEUE_STATES.join(", ")}`);
  if (dryRun !== undefined && typeof dryRun !== "boolean")
    throw new Error(`dryRun ${JSON.stringify(dryRun)}: true or false`);
  if (ring !== undefined && typeof ring !== "boolean")
    throw new Error(`ring ${JSON.stringify(ring)}: true or false`);
  return {
    inputs: inputs as string[] | undefined,
    hangUpAfterSeconds: hangUpAfterSeconds as number | undefined,
    queueWaitSeconds: queueWaitSeconds as number | undefined,
    hangUpInQueueAfterSeconds: hangUpInQueueAfterSeconds as number | undefined,
    talkSeconds: talkSeconds as number | undefined,
    callerNumber: callerNumber as string | undefined,
    queue: queue as QueueState | undefined,
    dryRun: dryRun as boolean | undefined,
    ring: ring as boolean | undefined,
  };
}

/**
 * Places calls into one tenant's inbound flow.
 *
 * @example
 * const phone = new TenantPhone(tenant, promptSet, handlerInvoker((e) => recordCall(deps, e)), {
 *   clock: Date,
 *   recordAnswer: (record) => recordCallAnswer(answerDeps, record),
 * });
 * const report = await phone.call({ inputs: ["2"], callerNumber: "+6281234567890" });
 */
export class TenantPhone {
  private readonly flow: FlowContent;
  private readonly transcripts = new Map<string, { text: string; seconds: number }>();
  private readonly explore = fakeIntakeInvoker({ seconds: 0.2 });

  constructor(
    readonly tenant: Tenant,
    promptSet: PromptSet,
    private readonly intake: LambdaInvoker,
    private readonly queue: QueueSide = { clock: Date, recordAnswer: async () => {} },
  ) {
    const refs = placeholderRefs(tenant);
    this.flow = buildInboundFlow(tenant, refs);
    for (const name of PROMPT_NAMES) {
      const prompt = promptSet.prompts[name];
      this.transcripts.set(refs.prompts[name], { text: prompt.transcript, seconds: prompt.durationSeconds });
    }
  }

  async call(request: CallRequest = {}): Promise<CallReport> {
    const inputs = request.inputs ?? [];
    for (const digit of inputs)
      if (!/^[0-9*#]?$/.test(digit))
        throw new Error(`input "${digit}": one phone key (0-9, * or #), or "" for silence`);
    const contactId = randomUUID();
    const startedAt = this.queue.clock.now();
    const result = await simulateFlow(this.flow, {
      caller: {
        inputs: inputs.map((d): CallerInput => (d === "" ? { silent: true } : { press: d })),
        hangUpAfterSeconds: request.hangUpAfterSeconds,
      },
      lambda: request.dryRun ? this.explore : this.intake,
      queue: request.queue ?? "open",
      promptSeconds: (id) => this.transcripts.get(id)?.seconds,
      customerNumber: request.callerNumber,
      contactId,
    });
    const byId = new Map(this.flow.Actions.map((a) => [a.Identifier, a]));
    const transcript: TranscriptLine[] = [];
    let menus = 0;
    let awaitingInput = false;
    for (const step of result.path) {
      const action = byId.get(step.action);
      const promptId = action?.Parameters.PromptId;
      const text = typeof promptId === "string" ? this.transcripts.get(promptId)?.text : undefined;
      if (step.type === "GetParticipantInput") {
        menus++;
        transcript.push({ atSeconds: step.atSeconds, kind: "menu", text: text ?? "(menu)" });
        if (menus > inputs.length && !request.hangUpAfterSeconds) {
          awaitingInput = true;
          break;
        }
        const key = inputs[menus - 1] ?? "";
        const unknownKey = key !== "" && step.branch === "NoMatchingCondition" ? " (bukan pilihan menu)" : "";
        transcript.push({
          atSeconds: step.atSeconds,
          kind: "event",
          text: key === "" ? "(diam, tidak menekan tombol)" : `(menekan ${key}${unknownKey})`,
        });
      } else if (text) {
        transcript.push({ atSeconds: step.atSeconds, kind: "prompt", text });
      }
    }
    if (!awaitingInput)
      transcript.push({
        atSeconds: result.elapsedSeconds,
        kind: "event",
        text: describeEnd(result.outcome, this.tenant),
      });
    const attributes = result.attributes;
    const recorded = !request.dryRun && attributes.intakeStatus === "ok";
    let answer: CallReport["answer"];
    const initiatedAt = new Date(startedAt).toISOString();
    if (recorded && result.outcome === "queued") {
      const { record, simulated } = await this.waitInQueue(
        request,
        contactId,
        startedAt,
        result.elapsedSeconds,
        attributes,
      );
      await this.queue.recordAnswer(record);
      // A simulated call-taker talks, then the call ends (a console's call-taker hangs up by hand).
      if (simulated && record.kind === "answered")
        await this.queue.recordAnswer(callEnd(record, request.talkSeconds ?? DEFAULT_TALK_SECONDS));
      const at = record.kind === "answered" ? record.answeredAt : record.hungUpAt;
      const seconds = secondsBetween(record.initiatedAt, at);
      answer = { kind: record.kind, seconds };
      transcript.push({
        atSeconds: seconds,
        kind: "event",
        text:
          record.kind === "answered"
            ? `Petugas 112 menjawab setelah ${seconds} detik.`
            : `Penelepon menutup telepon setelah menunggu ${seconds} detik; belum dijawab petugas.`,
      });
    }
    if (recorded && result.outcome === "answered-by-number") {
      // The backup centre took it: the incident must not stay "baru" (the cloud: docs/deploy.md).
      await this.queue.recordAnswer({
        kind: "overflowed",
        contactId,
        initiatedAt,
        overflowedAt: new Date(startedAt + result.elapsedSeconds * 1000).toISOString(),
      });
    }
    return {
      tenant: this.tenant.code,
      contactId,
      outcome: result.outcome,
      humanReached: result.humanReached && answer?.kind !== "abandoned",
      elapsedSeconds: result.elapsedSeconds,
      ...(answer ? { answer } : {}),
      incident: recorded
        ? {
            incidentId: attributes.incidentId,
            shortCode: attributes.shortCode,
            repeatCaller: attributes.repeatCaller === "true" ? "true" : "false",
            suspectedPrank: attributes.suspectedPrank === "true" ? "true" : "false",
          }
        : undefined,
      category: attributes.category,
      transcript,
      awaitingInput,
    };
  }

  /**
   * A queued call: it rings at the tenant's consoles until a call-taker answers or the caller gives
   * up, or (simulated, `siaga112 simulate`) a simulated call-taker answers after the queue wait.
   */
  private async waitInQueue(
    request: CallRequest,
    contactId: string,
    startedAt: number,
    flowSeconds: number,
    attributes: Readonly<Record<string, string>>,
  ): Promise<{
    readonly record: Extract<CallAnswerRecord, { kind: "answered" | "abandoned" }>;
    readonly simulated: boolean;
  }> {
    const desk = this.queue.desk;
    const call = {
      tenant: this.tenant.code,
      contactId,
      incidentId: attributes.incidentId,
      shortCode: attributes.shortCode,
      callerNumber: request.callerNumber,
      repeatCaller: attributes.repeatCaller === "true",
      suspectedPrank: attributes.suspectedPrank === "true",
    };
    const ringAtConsole =
      request.ring ?? (desk?.online(this.tenant.code) === true && request.queueWaitSeconds === undefined);
    const initiatedAt = new Date(startedAt).toISOString();
    if (desk && ringAtConsole) {
      const rung = await desk.ring(call, request.hangUpInQueueAfterSeconds ?? DEFAULT_PATIENCE_SECONDS);
      const at = new Date(rung.at).toISOString();
      return {
        simulated: false,
        record:
          rung.kind === "answered"
            ? { kind: "answered", contactId, initiatedAt, answeredAt: at }
            : { kind: "abandoned", contactId, initiatedAt, hungUpAt: at },
      };
    }
    const record = queueAnswer({
      contactId,
      startedAt,
      flowSeconds,
      queueWaitSeconds: request.queueWaitSeconds ?? DEFAULT_QUEUE_WAIT_SECONDS,
      hangUpAfterSeconds: request.hangUpAfterSeconds,
      hangUpInQueueAfterSeconds: request.hangUpInQueueAfterSeconds,
    });
    desk?.announce(call, record);
    return { record, simulated: true };
  }
}

/** How queued calls end locally: a clock, the call-answer function's plain function and the consoles' phones. */
export interface QueueSide {
  readonly clock: { now(): number };
  readonly recordAnswer: (record: CallAnswerRecord) => Promise<unknown>;
  /** Where queued calls ring; without it a simulated call-taker answers every call. */
  readonly desk?: Pick<PhoneDesk, "online" | "ring" | "announce">;
}

function describeEnd(outcome: SimulationOutcome, tenant: Tenant): string {
  switch (outcome) {
    case "queued":
    case "waiting-in-queue":
      return `Tersambung ke antrean petugas 112 ${tenant.name}.`;
    case "answered-after-wait":
      return `Dijawab petugas 112 ${tenant.name} setelah menunggu di antrean.`;
    case "waiting-with-nobody":
      return "Menunggu di antrean tanpa petugas yang bertugas.";
    case "answered-by-number":
      return `Dialihkan ke pusat cadangan ${tenant.phone.overflow}.`;
    case "caller-hung-up":
      return "Penelepon menutup telepon.";
    case "disconnected":
    case "flow-ended":
      return "Panggilan berakhir.";
    case "stuck":
      return "Alur panggilan macet (lihat log).";
  }
}
