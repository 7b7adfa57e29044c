/**
 * The intake answer contract with the contact flow (flows depend on it: keep exactly).
 * Connect invokes intake with the standard ContactFlowEvent; the answer is a flat STRING_MAP
 * read in the flow as `$.External.<key>`. Intake never throws: any failure answers
 * `{ status: "error", error: "<short code>" }` so the flow goes on to a call-taker.
 */

export interface IntakeOkAnswer {
  readonly status: "ok";
  /** The incident id (the ContactId of the call). */
  readonly incidentId: string;
  /** Six characters from `23456789ABCDEFGHJKLMNPQRSTUVWXYZ`, read out and sent in SMS. */
  readonly shortCode: string;
  /** `"true"` when the same number called within the last 24 hours. */
  readonly repeatCaller: "true" | "false";
  /** `"true"` when calls from the number were closed as prank or ghost twice in 30 days. */
  readonly suspectedPrank: "true" | "false";
}

/** Short codes: `bad-event` (not a ContactFlowEvent), `config` (deployment), `table` (write failed). */
export type IntakeErrorCode = "bad-event" | "config" | "table";

export interface IntakeErrorAnswer {
  readonly status: "error";
  readonly error: IntakeErrorCode;
}

export type IntakeAnswer = IntakeOkAnswer | IntakeErrorAnswer;

/** Keys of the answer, for the flow's `$.External.*` references. */
export const INTAKE_ANSWER_KEYS = [
  "status",
  "incidentId",
  "shortCode",
  "repeatCaller",
  "suspectedPrank",
  "error",
] as const;
