/**
 * How one agency's SNS topic reaches only the contacts of a step: the publisher names the contacts in
 * a message attribute, each contact's subscription carries a filter policy on it. The stack
 * (lib/agency-topic.ts) and the publisher (lambdas/shared/aws-alert-publisher.ts) both read this.
 */

/** SNS message attribute (String.Array) naming the contacts a message is for. */
export const CONTACT_FILTER_ATTRIBUTE = "contact";

/**
 * The SNS subscription filter policy of one contact.
 *
 * @example
 * contactFilterPolicy("piket") // { contact: ["piket"] }
 */
export function contactFilterPolicy(contactId: string): Record<string, string[]> {
  return { [CONTACT_FILTER_ATTRIBUTE]: [contactId] };
}
