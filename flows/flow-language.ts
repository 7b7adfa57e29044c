/**
 * The Amazon Connect flow language (Version 2019-10-30) as TypeScript types: the shape of the
 * `Content` of `AWS::Connect::ContactFlow`. Pure data, no AWS SDK and no CDK.
 * Reference: https://docs.aws.amazon.com/connect/latest/APIReference/flow-language.html
 */

export const FLOW_LANGUAGE_VERSION = "2019-10-30";
/** Connect rejects flows with more actions than this. */
export const MAX_ACTIONS = 250;
/** Connect rejects flow content longer than this (characters of the JSON text). */
export const MAX_CONTENT_CHARACTERS = 256_000;
/** Longest identifier Connect accepts. */
export const MAX_IDENTIFIER_LENGTH = 50;
/** Characters Connect forbids in an action identifier. */
export const FORBIDDEN_IDENTIFIER_CHARACTERS = "%:()\\/=$,;[]{}";

/** `{ Operator, Operands }`: operands are strings even for numbers ("5"). */
export interface FlowCondition {
  readonly Operator: string;
  readonly Operands: readonly string[];
}

export interface ConditionTransition {
  readonly NextAction: string;
  readonly Condition: FlowCondition;
}

export interface ErrorTransition {
  readonly ErrorType: string;
  readonly NextAction: string;
}

export interface FlowTransitions {
  readonly NextAction?: string;
  readonly Errors?: readonly ErrorTransition[];
  readonly Conditions?: readonly ConditionTransition[];
}

/** Parameter values are strings, string lists or nested objects of those (never numbers or booleans). */
export type FlowParameterValue =
  | string
  | readonly FlowParameterValue[]
  | { readonly [key: string]: FlowParameterValue };

export interface FlowAction {
  readonly Identifier: string;
  readonly Type: string;
  readonly Parameters: { readonly [key: string]: FlowParameterValue };
  readonly Transitions: FlowTransitions;
}

/** The whole flow: what `AWS::Connect::ContactFlow.Content` holds once stringified. */
export interface FlowContent {
  readonly Version: string;
  readonly StartAction: string;
  readonly Actions: readonly FlowAction[];
  readonly Metadata?: { readonly [key: string]: unknown };
}

/**
 * Why an identifier is not acceptable to Connect, or `undefined` when it is.
 *
 * @example
 * identifierProblem("greeting") // undefined
 * identifierProblem("a:b") // 'contains ":"'
 */
export function identifierProblem(identifier: string): string | undefined {
  if (identifier.length === 0) return "is empty";
  if (identifier.length > MAX_IDENTIFIER_LENGTH)
    return `is ${identifier.length} characters long (at most ${MAX_IDENTIFIER_LENGTH})`;
  for (const ch of identifier) {
    if (FORBIDDEN_IDENTIFIER_CHARACTERS.includes(ch)) return `contains "${ch}"`;
  }
  return undefined;
}
