/**
 * A tenant's two contact flows, built from its tenant file: the inbound 112 flow and the
 * customer-queue (hold) flow. Public API used by the call stack (wired into
 * `AWS::Connect::ContactFlow`) and by the CLI and local centre.
 *
 * The inbound flow fails open: every error branch leads on towards a call-taker, the intake Lambda
 * only adds flags for the call-taker and never blocks a caller, and when the tenant's queue is
 * full, closed, failing or staffed by nobody the call goes to the overflow number, then back to
 * the queue. A caller never waits with nobody there: the flow checks staffing before queueing
 * (Connect raises QueueAtCapacity only at capacity, and queues a caller nobody will answer), and
 * the customer-queue flow moves a caller who waited past the tenant's limit to the overflow number.
 *
 * Calls are not recorded and the language is not set: see docs/deploy.md ("Call recording") and
 * flows/README.md.
 */
import type { Tenant } from "../domain/tenant";
import { tenantId } from "../domain/tenant";
import { CATEGORY_MENU } from "./category-menu";
import { FlowBuilder } from "./flow-builder";
import type { FlowContent } from "./flow-language";
import { PROMPT_NAMES, type PromptName, type PromptSet } from "./prompt-set";
import { type FlowReport, verifyFlows } from "./verify";

export type { FlowContent } from "./flow-language";
export type { FlowReport } from "./verify";

/** ARNs the flows reference: CDK tokens in the stack, placeholders in verification. */
export interface FlowRefs {
  readonly queueArn: string;
  readonly intakeFunctionArn: string;
  readonly customerQueueFlowArn: string;
  /** Prompt ARNs (`AWS::Connect::Prompt`), one per prompt name. */
  readonly prompts: Readonly<Record<PromptName, string>>;
}

/** Contact attributes the inbound flow sets for the call-taker (read by the local centre). */
export const CONTACT_ATTRIBUTES = {
  intakeStatus: "intakeStatus",
  incidentId: "incidentId",
  shortCode: "shortCode",
  repeatCaller: "repeatCaller",
  suspectedPrank: "suspectedPrank",
  category: "category",
} as const;

/** How long the intake Lambda may take before the call goes on without it. */
export const INTAKE_TIME_LIMIT_SECONDS = 3;
/** How long the quick category menu waits for a digit before falling through to the call-taker. */
export const MENU_TIME_LIMIT_SECONDS = 2;
/** How long the overflow number may ring before the flow gives up on it. */
export const OVERFLOW_RING_SECONDS = 20;
/** Rounds of "back to the queue, then the overflow number" once both have failed once. */
export const RETRY_ROUNDS = 10;
/** Rounds of "wait the tenant's limit in queue, then try the overflow number" in the hold flow. */
export const QUEUE_OVERFLOW_ROUNDS = 5;
/**
 * Agents Available, On call or in After contact work: a centre whose call-takers are all busy is
 * staffed (the hold flow moves a caller on after the tenant's limit), one with nobody logged in is not.
 */
export const STAFFING_METRIC = "NumberOfAgentsStaffed";

/** The backup centre's number, ringing 20 s; after it hangs up the call ends (`handed-over`). */
function transferToOverflow(
  flow: FlowBuilder,
  id: string,
  tenant: Tenant,
  to: { onFailure: string },
): string {
  const overflow = { phoneNumber: tenant.phone.overflow, ringSeconds: OVERFLOW_RING_SECONDS };
  return flow.transferToNumber(id, overflow, {
    next: "handed-over",
    onCallFailed: to.onFailure,
    onNoAnswer: to.onFailure,
    onError: to.onFailure,
  });
}

/**
 * The tenant's inbound 112 flow.
 *
 * @example
 * const content = buildInboundFlow(tenant, placeholderRefs(tenant));
 * content.StartAction // "flow-logging"
 */
export function buildInboundFlow(tenant: Tenant, refs: FlowRefs): FlowContent {
  const flow = new FlowBuilder();
  const prompt = (name: PromptName) => ({ promptId: refs.prompts[name] });
  const afterWelcome = tenant.callHandling.categoryMenu ? "category-menu" : "greeting";

  flow.setLogging("flow-logging", true, "target-queue");
  flow.setQueue("target-queue", refs.queueArn, { next: "hold-flow", onError: "hold-flow" });
  flow.setCustomerQueueFlow("hold-flow", refs.customerQueueFlowArn, {
    next: afterWelcome,
    onError: afterWelcome,
  });

  if (tenant.callHandling.categoryMenu) {
    flow.menu(
      "category-menu",
      { prompt: prompt("category-menu"), timeoutSeconds: MENU_TIME_LIMIT_SECONDS },
      {
        digits: CATEGORY_MENU.map((o) => ({ digit: o.digit, next: `category-${o.category}` })),
        onTimeout: "intake",
        onNoMatch: "intake",
        onError: "intake",
      },
    );
    for (const option of CATEGORY_MENU) {
      flow.setAttributes(
        `category-${option.category}`,
        { [CONTACT_ATTRIBUTES.category]: option.category },
        { next: "intake", onError: "intake" },
      );
    }
  } else {
    flow.message("greeting", prompt("greeting"), { next: "intake", onError: "intake" });
  }

  flow.invokeLambda(
    "intake",
    { functionArn: refs.intakeFunctionArn, timeoutSeconds: INTAKE_TIME_LIMIT_SECONDS },
    { next: "intake-status", onError: "intake-failed" },
  );
  flow.compare("intake-status", "$.External.status", {
    equals: [{ operand: "ok", next: "intake-attributes" }],
    onNoMatch: "intake-failed",
  });
  flow.setAttributes(
    "intake-attributes",
    {
      [CONTACT_ATTRIBUTES.intakeStatus]: "ok",
      [CONTACT_ATTRIBUTES.incidentId]: "$.External.incidentId",
      [CONTACT_ATTRIBUTES.shortCode]: "$.External.shortCode",
      [CONTACT_ATTRIBUTES.repeatCaller]: "$.External.repeatCaller",
      [CONTACT_ATTRIBUTES.suspectedPrank]: "$.External.suspectedPrank",
    },
    { next: "staffed-hours", onError: "intake-failed" },
  );
  flow.setAttributes(
    "intake-failed",
    { [CONTACT_ATTRIBUTES.intakeStatus]: "error" },
    { next: "staffed-hours", onError: "staffed-hours" },
  );

  flow.checkStaffedHours("staffed-hours", { onOpen: "staffing", onClosed: "overflow", onError: "overflow" });
  // Nobody logged in: the queue would take the caller and nobody would answer. A failing check
  // queues the caller anyway; the hold flow moves them on after the tenant's limit.
  flow.checkStaffing("staffing", STAFFING_METRIC, {
    onStaffed: "queue",
    onNobody: "overflow",
    onError: "queue",
  });
  flow.transferToQueue("queue", { next: "handed-over", onAtCapacity: "overflow", onError: "overflow" });
  transferToOverflow(flow, "overflow", tenant, { onFailure: "retry" });

  // Queue and overflow both failed: tell the caller, try the queue again, then the overflow again.
  flow.loop("retry", RETRY_ROUNDS, { onContinue: "connecting", onDone: "last-resort" });
  flow.message("connecting", prompt("connecting"), { next: "staffing-retry", onError: "staffing-retry" });
  flow.checkStaffing("staffing-retry", STAFFING_METRIC, {
    onStaffed: "queue-retry",
    onNobody: "overflow-retry",
    onError: "queue-retry",
  });
  flow.transferToQueue("queue-retry", {
    next: "handed-over",
    onAtCapacity: "overflow-retry",
    onError: "overflow-retry",
  });
  transferToOverflow(flow, "overflow-retry", tenant, { onFailure: "retry" });
  // Only after every round failed: never a silent disconnect.
  flow.message("last-resort", prompt("last-resort"), { next: "last-resort-end", onError: "last-resort-end" });
  flow.disconnect("last-resort-end");
  // After a hand-off: never run for the queue (the flow ends there); run once the overflow centre
  // has handled the call and hung up.
  flow.disconnect("handed-over");

  return flow.build("flow-logging");
}

/**
 * The customer-queue (hold) flow, run while the caller waits in the tenant's queue: the Indonesian
 * hold message, interrupted after `callHandling.maxQueueWaitSeconds` to try the overflow number;
 * the same fail-open fallbacks as the inbound flow. After the last round, a caller stays in queue
 * only while somebody is staffed; with nobody there they hear the last-resort message.
 *
 * @example
 * buildCustomerQueueFlow(tenant, refs).Actions[0].Type // "MessageParticipantIteratively"
 */
export function buildCustomerQueueFlow(
  tenant: Tenant,
  refs: Omit<FlowRefs, "customerQueueFlowArn">,
): FlowContent {
  const flow = new FlowBuilder();
  const hold = { promptId: refs.prompts["queue-hold"] };
  const limit = tenant.callHandling.maxQueueWaitSeconds;
  // A failing hold message tries the overflow at once: the caller hears nothing while it fails.
  const holdForTheLimit = (id: string) =>
    flow.messageWhileQueued(
      id,
      { sources: [hold], interruptSeconds: limit },
      { onInterrupt: "overflow", onError: "overflow" },
    );
  holdForTheLimit("hold-message");
  transferToOverflow(flow, "overflow", tenant, { onFailure: "retry" });
  flow.loop("retry", QUEUE_OVERFLOW_ROUNDS, { onContinue: "hold-again", onDone: "still-staffed" });
  holdForTheLimit("hold-again");
  // Every round failed: keep waiting only for a call-taker who is there.
  flow.checkStaffing("still-staffed", STAFFING_METRIC, {
    onStaffed: "keep-waiting",
    onNobody: "last-resort",
    onError: "keep-waiting",
  });
  flow.messageWhileQueued("keep-waiting", { sources: [hold] }, { onError: "stay-in-queue" });
  // Ending a customer-queue flow keeps the contact in queue.
  flow.endFlow("stay-in-queue");
  flow.message(
    "last-resort",
    { promptId: refs.prompts["last-resort"] },
    {
      next: "last-resort-end",
      onError: "last-resort-end",
    },
  );
  flow.disconnect("last-resort-end");
  // Run once the overflow centre has handled the call and hung up.
  flow.disconnect("handed-over");
  return flow.build("hold-message");
}

/**
 * Placeholder ARNs for verification, simulation and graphs (no AWS account needed).
 *
 * @example
 * placeholderRefs(tenant).queueArn // "arn:aws:connect:ap-southeast-1:000000000000:instance/placeholder/queue/71-71"
 */
export function placeholderRefs(tenant: Tenant): FlowRefs {
  const instance = `arn:aws:connect:${tenant.hub.connectRegion}:${tenant.hub.account}:instance/placeholder`;
  const id = tenantId(tenant);
  const prompts = Object.fromEntries(PROMPT_NAMES.map((p) => [p, `${instance}/prompt/${id}-${p}`])) as Record<
    PromptName,
    string
  >;
  return {
    queueArn: `${instance}/queue/${id}`,
    intakeFunctionArn: `arn:aws:lambda:${tenant.hub.connectRegion}:${tenant.hub.account}:function:siaga112-${id}-intake`,
    customerQueueFlowArn: `${instance}/contact-flow/${id}-queue`,
    prompts,
  };
}

/**
 * Builds the tenant's flows with placeholder ARNs and runs every verification rule on them.
 * The call stack fails the synth when `report.problems` is not empty.
 *
 * @example
 * const report = verifyTenantFlows(tenant, loadPromptSet(tenant.callHandling.promptSet));
 * report.problems // []
 * report.flows[0].worstCaseSeconds // e.g. 5.8
 */
export function verifyTenantFlows(tenant: Tenant, promptSet: PromptSet): FlowReport {
  const refs = placeholderRefs(tenant);
  const promptSeconds = new Map<string, number>(
    PROMPT_NAMES.map((p) => [refs.prompts[p], promptSet.prompts[p].durationSeconds]),
  );
  return verifyFlows(
    tenant.code,
    [
      { name: "inbound", kind: "inbound", content: buildInboundFlow(tenant, refs) },
      { name: "customer-queue", kind: "customer-queue", content: buildCustomerQueueFlow(tenant, refs) },
    ],
    {
      promptSeconds: (id) => promptSeconds.get(id),
      maxQueueWaitSeconds: tenant.callHandling.maxQueueWaitSeconds,
    },
  );
}
