/**
 * A tenant file as far as it can be read: every single value that passes its own rule, and nothing
 * else. The rules that span a file (ids, routing, escalation, hours) and the rules across files run
 * on this view, so a file with a misspelt key still gets its routing checked in the same report
 * (issue 14: the routing errors used to come only after the schema errors were fixed).
 */
import type { z } from "zod";
import type { AgencyKind, IncidentCategory } from "../domain/categories";
import { INCIDENT_CATEGORIES } from "../domain/categories";
import { tenantFileLeaves as leaves } from "./tenant-file-schema";

export interface ContactView {
  readonly id?: string;
  /** False only when the file gives neither an sms nor an email entry. */
  readonly reachable: boolean;
}

export interface StepView {
  readonly afterMinutes?: number;
  /** Contact ids; `undefined` where the entry is not a valid id. */
  readonly contacts: readonly (string | undefined)[];
}

export interface AgencyView {
  readonly id?: string;
  readonly kind?: AgencyKind;
  readonly contacts: readonly ContactView[];
  readonly steps: readonly StepView[];
}

export interface TenantView {
  readonly code?: string;
  readonly hub?: string;
  /** E.164 numbers that read as numbers; an absent or unreadable one is left out. */
  readonly phone: { readonly did?: string; readonly numberArn?: string; readonly overflow?: string };
  /** `phone` is a mapping that names numberArn or claim (readable or not); `undefined` without a `phone` mapping. */
  readonly namesNumber?: boolean;
  readonly offboarding: boolean;
  /** False when `agencies` is not a list: checks that need every agency are skipped. */
  readonly agenciesListed: boolean;
  readonly agencies: readonly AgencyView[];
  /** Overrides as written (ids that are not valid ids are `undefined`). */
  readonly routing: Readonly<Partial<Record<IncidentCategory, readonly (string | undefined)[]>>>;
  /** `undefined` when the value given is not a valid prompt set name. */
  readonly promptSet?: string;
  /** `"24/7"`, or the windows with their times where they read as HH:MM. */
  readonly staffedHours: "24/7" | readonly { readonly from?: string; readonly to?: string }[];
}

/**
 * The view of a parsed YAML/JSON document (anything: it may be far from a tenant file). Given the
 * value the schema returned for a valid file (`valid: true`), it reads it without checking again.
 *
 * @example
 * viewOfTenantFile({ code: "71.71", hub: 7, agencies: [{ id: "damkar", kind: "fire" }] }).hub // undefined
 */
export function viewOfTenantFile(document: unknown, options: { readonly valid?: boolean } = {}): TenantView {
  const valid = options.valid ? trusted : checked;
  const file = record(document);
  const phone = record(file.phone);
  const callHandling = record(file.callHandling);
  const routing = record(file.routing);
  const hours = callHandling.staffedHours;
  return {
    code: valid(leaves.code, file.code),
    hub: valid(leaves.hub, file.hub),
    phone: {
      did: valid(leaves.number, phone.did),
      numberArn: valid(leaves.numberArn, phone.numberArn),
      overflow: valid(leaves.number, phone.overflow),
    },
    namesNumber: isRecord(file.phone)
      ? phone.numberArn !== undefined || phone.claim !== undefined
      : undefined,
    offboarding: file.offboarding === true,
    agenciesListed: Array.isArray(file.agencies),
    agencies: list(file.agencies).map((agency) => viewOfAgency(agency, valid)),
    routing: Object.fromEntries(
      INCIDENT_CATEGORIES.filter((c) => routing[c] !== undefined).map((c) => [
        c,
        list(routing[c]).map((id) => valid(leaves.agencyId, id)),
      ]),
    ),
    promptSet:
      callHandling.promptSet === undefined ? "default" : valid(leaves.promptSet, callHandling.promptSet),
    staffedHours:
      hours === undefined || hours === "24/7"
        ? "24/7"
        : list(hours).map((w) => ({
            from: valid(leaves.timeOfDay, record(w).from),
            to: valid(leaves.timeOfDay, record(w).to),
          })),
  };
}

function viewOfAgency(value: unknown, valid: Leaf): AgencyView {
  const agency = record(value);
  return {
    id: valid(leaves.agencyId, agency.id),
    kind: valid(leaves.agencyKind, agency.kind),
    contacts: list(agency.contacts).map((c) => {
      const contact = record(c);
      return {
        id: valid(leaves.contactId, contact.id),
        reachable: !(empty(contact.sms) && empty(contact.email)),
      };
    }),
    steps: list(record(agency.escalation).steps).map((s) => {
      const step = record(s);
      return {
        afterMinutes: valid(leaves.afterMinutes, step.afterMinutes),
        contacts: list(step.contacts).map((id) => valid(leaves.contactId, id)),
      };
    }),
  };
}

/** Reads one value with the rule of its place: its value under the rule, or `undefined`. */
type Leaf = <S extends z.ZodType>(schema: S, value: unknown) => z.output<S> | undefined;

const checked: Leaf = (schema, value) => {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
};

/** For a value the whole schema already accepted (and normalised). */
const trusted: Leaf = <S extends z.ZodType>(_schema: S, value: unknown) => value as z.output<S> | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function empty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}
