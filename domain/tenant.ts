/**
 * The resolved tenant: a tenant file after validation, enriched with the official region data.
 * Everything downstream (stacks, flows, Lambdas, local centre) reads this shape, never the raw file.
 */
import type { AgencyKind, IncidentCategory } from "./categories";
import type { TenantZone } from "./time-zones";

export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A staffed window on some days, `from`/`to` as `HH:MM` in the tenant's zone. */
export interface StaffedWindow {
  readonly days: readonly Weekday[];
  readonly from: string;
  readonly to: string;
}

/** `"24/7"` or the weekly windows when call-takers are on duty. */
export type StaffedHours = "24/7" | readonly StaffedWindow[];

export interface AgencyContact {
  /** Unique within the agency, referenced by escalation steps. */
  readonly id: string;
  readonly name: string;
  readonly sms: readonly string[];
  readonly email: readonly string[];
}

export interface EscalationStep {
  /** Minutes after the previous step went out (0 for the first step: at once). */
  readonly afterMinutes: number;
  /** Contact ids of the agency alerted at this step. */
  readonly contacts: readonly string[];
}

export interface Agency {
  readonly id: string;
  readonly kind: AgencyKind;
  readonly name: string;
  readonly contacts: readonly AgencyContact[];
  readonly escalation: {
    readonly steps: readonly EscalationStep[];
    /** How many times the whole policy runs again when nobody acknowledges. */
    readonly repeat: number;
  };
}

export interface Hub {
  readonly id: string;
  /** AWS account that holds the hub's Connect instance and its tenants' stacks. */
  readonly account: string;
  /** Region of the Amazon Connect instance. */
  readonly connectRegion: string;
  readonly instanceAlias: string;
  /** Per-instance Connect quotas this hub plans for (raised ones included). */
  readonly quotas: HubQuotas;
}

export interface HubQuotas {
  readonly lambdaFunctions: number;
  readonly queues: number;
  readonly contactFlows: number;
  readonly phoneNumbers: number;
}

export interface Platform {
  /** Where the national monitoring stack lives (and the call-takers' console site, in the data Region). */
  readonly national: { readonly account: string; readonly region: string };
  readonly hubs: readonly Hub[];
  /**
   * The call-takers' console site, once it is deployed: its origin (`https://host`, no path), to which
   * every tenant's sign-in returns and which every hub's Connect instance lets embed the phone panel.
   */
  readonly console?: { readonly origin: string };
}

export type TenantLevel = "province" | "kabupaten" | "kota";

export interface Tenant {
  /** Kemendagri code: `71.71`, or `31` for a province-level tenant. */
  readonly code: string;
  /** File name slug, e.g. `kota-manado`. */
  readonly slug: string;
  /** Path of the tenant file it came from, relative to the working directory. */
  readonly file: string;
  /** Official name from the Kemendagri list, e.g. `KOTA MANADO`. */
  readonly officialName: string;
  /** Name for people: `Kota Manado`. */
  readonly name: string;
  readonly level: TenantLevel;
  readonly province: { readonly code: string; readonly name: string };
  readonly zone: TenantZone;
  readonly hub: Hub;
  /** Region of incidents, topics and secrets (government data stays in Indonesia). */
  readonly dataRegion: string;
  readonly phone: {
    /**
     * The number the telcos route the kab/kota's 112 calls to (E.164): recorded, never obtained
     * by the stack. Always there with `numberArn`; with `claim`, once Connect has claimed it.
     */
    readonly did?: string;
    /** ARN of a number already in the hub's instance (the normal path for Indonesia). */
    readonly numberArn?: string;
    /** Or: Connect claims any number of this country and type from its inventory. */
    readonly claim?: { readonly country: string; readonly type: "DID" | "TOLL_FREE" };
    /** Backup centre taking calls when this one is full, closed or failing (E.164). */
    readonly overflow: string;
  };
  readonly agencies: readonly Agency[];
  /** Every category resolved to the agency ids alerted for it (never empty). */
  readonly routing: Readonly<Record<IncidentCategory, readonly string[]>>;
  readonly callHandling: {
    readonly staffedHours: StaffedHours;
    readonly categoryMenu: boolean;
    readonly promptSet: string;
    /** Seconds a caller waits in queue before the hold flow tries the overflow number. */
    readonly maxQueueWaitSeconds: number;
    /** Callers the queue holds at once; the next one goes to the overflow number (QueueAtCapacity). */
    readonly queueCapacity: number;
  };
  readonly retention: {
    /** Days a caller's number is kept (personal data under UU 27/2022). */
    readonly callerNumberDays: number;
  };
  readonly location: {
    /** Minutes the link in a caller's location SMS stays valid. */
    readonly linkMinutes: number;
  };
  readonly sms: {
    /** Registered sender ID of SMS to callers; absent: the account's default. */
    readonly senderId?: string;
  };
}

/**
 * The id fragment used in stack and resource names: `71.71` becomes `71-71`.
 *
 * @example
 * tenantId({ code: "71.71" }) // "71-71"
 */
export function tenantId(tenant: Pick<Tenant, "code">): string {
  return tenant.code.replace(".", "-");
}
