/**
 * Every Lambda function of siaga112, one entry per folder under `lambdas/`.
 * The build bundles each entry exactly once (esbuild) and every tenant stack reuses the asset.
 * Pure data: imported by the CDK app and by tests, never by handlers.
 */

/** Where a function runs: the tenant's data Region, its hub's Connect Region, or the national stack. */
export type FunctionHome = "data" | "connect" | "national";

export interface FunctionSpec {
  /** Folder under `lambdas/` holding `handler.ts`. */
  readonly name: string;
  readonly home: FunctionHome;
  readonly description: string;
}

export const FUNCTIONS = [
  {
    name: "intake",
    home: "connect",
    description: "Records a 112 call as an incident (invoked by the contact flow)",
  },
  {
    name: "calltaker-api",
    home: "data",
    description: "Call-taker HTTP API: list, read, classify, set outcome, close",
  },
  {
    name: "escalation-relay",
    home: "data",
    description: "Outbox relay: sends due escalations through SNS and schedules the next step",
  },
  {
    name: "reescalate",
    home: "data",
    description: "Fired by EventBridge Scheduler when a step is due; escalates if unacknowledged",
  },
  {
    name: "ack",
    home: "data",
    description: "Acknowledgement link: GET shows a page, POST acknowledges or reports status",
  },
  {
    name: "national-aggregator",
    home: "national",
    description: "Folds incident events into per-kab/kota statistics",
  },
  {
    name: "monitoring-api",
    home: "national",
    description: "Read-only national monitoring API for the dashboard",
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionName = (typeof FUNCTIONS)[number]["name"];
