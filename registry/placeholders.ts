/**
 * Placeholders left from `tenant add` (contacts named `CONTOH …`, the scaffold's made-up numbers):
 * `tenant validate` warns about them, and a deployment refuses them, since each would become a real
 * SNS subscription or a number callers are sent to (issue 11). Tests and the local centre allow them.
 */
import type { Tenant } from "../domain/tenant";
import type { Problem } from "./problem";
import { PLACEHOLDER_MARK, placeholderNumber, placeholderNumberArn } from "./scaffold-tenant";

/**
 * One entry per placeholder still in the tenants: contacts named `CONTOH …` and phone numbers the
 * scaffold made up.
 *
 * @example
 * placeholders(tenants)[0] // { file: "tenants/71.71-kota-manado.yaml", path: "agencies[0].contacts[0].name", value: "CONTOH Piket SPKT", message: "placeholder contact: …" }
 */
export function placeholders(tenants: readonly Tenant[]): Problem[] {
  const found: Problem[] = [];
  for (const tenant of tenants) {
    const madeUp = new Set([
      ...[0, 1].map((n) => placeholderNumber(tenant.code, n)),
      placeholderNumberArn(tenant.code),
    ]);
    for (const [field, value] of Object.entries(tenant.phone)) {
      if (typeof value === "string" && madeUp.has(value))
        found.push({
          file: tenant.file,
          path: `phone.${field}`,
          value,
          message: "placeholder number from `siaga112 tenant add`: give the real one",
        });
    }
    tenant.agencies.forEach((agency, a) => {
      agency.contacts.forEach((contact, c) => {
        if (contact.name.startsWith(PLACEHOLDER_MARK))
          found.push({
            file: tenant.file,
            path: `agencies[${a}].contacts[${c}].name`,
            value: contact.name,
            message: `placeholder contact: give the agency's real duty contact (its sms and email would become real subscriptions)`,
          });
      });
    });
  }
  return found;
}
