/**
 * The rules a tenant file can break on its own beyond its shape: ids, escalation steps, routing,
 * staffed hours, prompt set and numbers. They read the lenient view (./tenant-view.ts), so they run
 * on a file whose shape is wrong elsewhere too, and each stays silent where the view has a gap the
 * schema already reports.
 */
import { DEFAULT_ROUTING, INCIDENT_CATEGORIES, type IncidentCategory } from "../domain/categories";
import { didYouMean } from "./did-you-mean";
import type { Problem } from "./problem";
import { INDONESIAN_NUMBER_STEPS } from "./tenant-file-schema";
import type { AgencyView, TenantView } from "./tenant-view";

/** Reports one problem at a path of the file. */
export type Report = (path: string, value: unknown, message: string) => void;

/**
 * Every rule below, reported in file order of the fields.
 *
 * @example
 * const problems: Problem[] = [];
 * checkTenantRules(view, ["default"], (path, value, message) => problems.push({ file, path, value, message }));
 */
export function checkTenantRules(view: TenantView, promptSets: readonly string[], problem: Report): void {
  checkNumber(view, problem);
  if (view.phone.did !== undefined && view.phone.did === view.phone.overflow) {
    problem(
      "phone.overflow",
      view.phone.overflow,
      "equals the tenant's own number; give the number of a backup centre",
    );
  }
  if (view.promptSet !== undefined && !promptSets.includes(view.promptSet)) {
    problem(
      "callHandling.promptSet",
      view.promptSet,
      `no such prompt set under prompts/${didYouMean(view.promptSet, promptSets)}; available: ${promptSets.join(", ") || "none"}`,
    );
  }
  checkStaffedHours(view, problem);
  checkAgencies(view, problem);
  resolveRouting(view, problem);
}

/**
 * A live tenant names the number its hub routes 112 calls to; an offboarding one names none, since
 * its stacks are about to go (`siaga112 tenant remove`).
 */
function checkNumber(view: TenantView, problem: Report): void {
  if (view.namesNumber === false && !view.offboarding) {
    problem(
      "phone.numberArn",
      undefined,
      `missing: name the tenant's number. ${INDONESIAN_NUMBER_STEPS}. Outside Indonesia, claim: { country, type } lets Connect claim any number`,
    );
  }
  if (view.namesNumber === true && view.offboarding) {
    problem(
      "offboarding",
      true,
      `the hub still routes a number to this tenant: remove phone.numberArn / phone.claim once the operators route 112 elsewhere (siaga112 tenant remove ${view.code ?? "<code>"} lists the steps)`,
    );
  }
}

function checkStaffedHours(view: TenantView, problem: Report): void {
  if (view.staffedHours === "24/7") return;
  view.staffedHours.forEach((window, i) => {
    if (window.from !== undefined && window.to !== undefined && window.from >= window.to) {
      problem(
        `callHandling.staffedHours[${i}].to`,
        window.to,
        `must be later than from "${window.from}"; split a window that crosses midnight in two`,
      );
    }
  });
}

function checkAgencies(view: TenantView, problem: Report): void {
  const agencyIds = new Set<string>();
  view.agencies.forEach((agency, a) => {
    const at = `agencies[${a}]`;
    if (agency.id !== undefined) {
      if (agencyIds.has(agency.id))
        problem(`${at}.id`, agency.id, "duplicate agency id; each agency needs its own id");
      agencyIds.add(agency.id);
    }
    const contactIds = new Set<string>();
    agency.contacts.forEach((contact, c) => {
      if (contact.id !== undefined) {
        if (contactIds.has(contact.id))
          problem(`${at}.contacts[${c}].id`, contact.id, "duplicate contact id within the agency");
        contactIds.add(contact.id);
      }
      if (!contact.reachable) {
        problem(
          `${at}.contacts[${c}]`,
          contact.id,
          "contact has no sms number and no email; give at least one",
        );
      }
    });
    if (agency.contacts.length === 0) {
      problem(
        `${at}.contacts`,
        [],
        "agency has no contact; alerts would reach nobody: add at least one contact",
      );
    }
    checkSteps(agency, at, contactIds, problem);
  });
}

function checkSteps(agency: AgencyView, at: string, contactIds: ReadonlySet<string>, problem: Report): void {
  const everyContactReadable = agency.contacts.every((c) => c.id !== undefined);
  agency.steps.forEach((step, s) => {
    const stepAt = `${at}.escalation.steps[${s}]`;
    if (s === 0 && step.afterMinutes !== undefined && step.afterMinutes !== 0) {
      problem(`${stepAt}.afterMinutes`, step.afterMinutes, "the first step goes out at once: must be 0");
    }
    if (s > 0 && step.afterMinutes !== undefined && step.afterMinutes < 1) {
      problem(
        `${stepAt}.afterMinutes`,
        step.afterMinutes,
        "later steps wait at least 1 minute for an acknowledgement",
      );
    }
    step.contacts.forEach((id, k) => {
      // A contact whose own id is broken may be the one meant: the schema reports that one.
      if (id === undefined || contactIds.has(id) || !everyContactReadable) return;
      problem(
        `${stepAt}.contacts[${k}]`,
        id,
        `unknown contact of agency "${agency.id ?? `#${at}`}"${didYouMean(id, contactIds)}; its contacts: ${[...contactIds].join(", ") || "none"}`,
      );
    });
  });
}

/**
 * Every category resolved to agency ids: the override, or the tenant's agencies of the default
 * kinds. Reports unknown ids (with a near miss) and categories routed to nobody.
 *
 * @example
 * resolveRouting(view, report).fire // ["damkar", "polresta"]
 */
export function resolveRouting(view: TenantView, problem: Report): Record<IncidentCategory, string[]> {
  const ids = new Set(view.agencies.flatMap((a) => (a.id === undefined ? [] : [a.id])));
  // Unknown ids and empty default routes are only certain when every agency could be read.
  const everyIdReadable = view.agenciesListed && view.agencies.every((a) => a.id !== undefined);
  const everyKindReadable = view.agenciesListed && view.agencies.every((a) => a.kind !== undefined);
  const routing = {} as Record<IncidentCategory, string[]>;
  for (const category of INCIDENT_CATEGORIES) {
    const override = view.routing[category];
    if (override) {
      override.forEach((id, i) => {
        if (id !== undefined && !ids.has(id) && everyIdReadable)
          problem(
            `routing.${category}[${i}]`,
            id,
            `unknown agency${didYouMean(id, ids)}; agencies of this tenant: ${[...ids].join(", ")}`,
          );
      });
      if (override.length === 0) {
        problem(`routing.${category}`, [], "category routed to nobody; list at least one agency id");
      }
      routing[category] = [...new Set(override.filter((id) => id !== undefined))];
      continue;
    }
    const kinds = DEFAULT_ROUTING[category];
    routing[category] = kinds.flatMap((kind) =>
      view.agencies.filter((a) => a.kind === kind && a.id !== undefined).map((a) => a.id as string),
    );
    if (routing[category].length === 0 && everyKindReadable) {
      problem(
        `routing.${category}`,
        undefined,
        `category routed to nobody: the default route needs an agency of kind ${kinds.join(" or ")}; add one or set routing.${category}`,
      );
    }
  }
  return routing;
}

/** Problems of one file, collected by a `Report`. */
export function collector(file: string): { problems: Problem[]; report: Report } {
  const problems: Problem[] = [];
  return { problems, report: (path, value, message) => problems.push({ file, path, value, message }) };
}
