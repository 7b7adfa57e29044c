/**
 * The shape of the human-edited files in `tenants/`: one file per tenant plus `platform.yaml`.
 * Strict objects everywhere: a misspelt key is an error, never silently ignored.
 * `schema/*.schema.json` is generated from these schemas (`npm run schema`) for editors.
 */
import { z } from "zod";
import { AGENCY_KINDS, INCIDENT_CATEGORIES } from "../domain/categories";
import { WEEKDAYS } from "../domain/tenant";
import { indonesianNumber } from "./phone-number";

/** Regions where Amazon Connect is offered (Jakarta, ap-southeast-3, is not one of them). */
export const CONNECT_REGIONS = [
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-south-1",
  "af-south-1",
  "ca-central-1",
  "eu-central-1",
  "eu-west-2",
  "us-east-1",
  "us-west-2",
] as const;

/** Government data must stay in Indonesia (PP 71/2019): Jakarta is the only AWS Region there. */
export const DATA_REGIONS = ["ap-southeast-3"] as const;

/**
 * Bounds of a tenant file: a file past them is a mistake or an attack (issue 11: a 10-million-character
 * agency name validated). Sized far above any kab/kota: Jakarta's example has 8 agencies.
 */
export const TENANT_FILE_LIMITS = {
  /** Characters of a name (agency, contact). */
  name: 120,
  /** Characters of an e-mail address (RFC 5321 path limit). */
  email: 254,
  agencies: 50,
  contactsPerAgency: 50,
  /** SMS numbers, and e-mail addresses, of one contact. */
  addressesPerContact: 10,
  escalationSteps: 10,
  /** Contacts of one step, agencies of one routing override. */
  idsPerList: 50,
  staffedWindows: 28,
} as const;

/** Every phone number of a tenant file: typed as people do, stored as E.164 (`./phone-number.ts`). */
export const e164 = indonesianNumber;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} as text` })
    .max(max, { error: `too long: at most ${max} characters`, abort: true })
    .min(1, { error: `${what}: at least one character` });

const slugId = (what: string) =>
  z
    .string({ error: `${what} as text` })
    .max(30, { error: `not a valid ${what}: at most 30 characters`, abort: true })
    .regex(/^[a-z][a-z0-9-]{0,29}$/, {
      error: `not a valid ${what}: lowercase letters, digits and '-', starting with a letter, at most 30 characters`,
    });

const idList = (what: string) => z.array(slugId(what)).max(TENANT_FILE_LIMITS.idsPerList);

const accountId = z.string().regex(/^\d{12}$/, { error: "not an AWS account id (12 digits, quoted)" });

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "not a time of day HH:MM (00:00-23:59)" });

const contactSchema = z.strictObject({
  id: slugId("contact id"),
  name: text("a contact's name", TENANT_FILE_LIMITS.name),
  sms: z.array(e164).max(TENANT_FILE_LIMITS.addressesPerContact).default([]),
  email: z
    .array(
      z
        .email({ error: "not an e-mail address (e.g. piket@damkar.example.go.id)" })
        .max(TENANT_FILE_LIMITS.email, { error: `too long: at most ${TENANT_FILE_LIMITS.email} characters` }),
    )
    .max(TENANT_FILE_LIMITS.addressesPerContact)
    .default([]),
});

const stepSchema = z.strictObject({
  afterMinutes: z.int().min(0).max(1440),
  contacts: idList("contact id").min(1, { error: "a step must alert at least one contact" }),
});

const agencySchema = z.strictObject({
  id: slugId("agency id"),
  kind: z.enum(AGENCY_KINDS),
  name: text("the agency's name", TENANT_FILE_LIMITS.name),
  contacts: z.array(contactSchema).max(TENANT_FILE_LIMITS.contactsPerAgency),
  escalation: z.strictObject({
    steps: z
      .array(stepSchema)
      .min(1, { error: "an escalation needs at least one step" })
      .max(TENANT_FILE_LIMITS.escalationSteps),
    repeat: z
      .int()
      .min(0)
      .max(10)
      .default(2)
      .meta({ description: "Times the whole policy runs again unacknowledged" }),
  }),
});

const phoneNumberArn = z
  .string({ error: "an Amazon Connect phone number ARN as text" })
  .max(200, { error: "not an Amazon Connect phone number ARN: at most 200 characters", abort: true })
  .regex(/^arn:aws:connect:[a-z0-9-]+:\d{12}:phone-number\/[0-9a-f-]+$/, {
    error: "not an Amazon Connect phone number ARN",
  });

const windowSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1).max(WEEKDAYS.length),
  from: hhmm,
  to: hhmm,
});

const routingSchema = z.strictObject(
  Object.fromEntries(INCIDENT_CATEGORIES.map((c) => [c, idList("agency id").optional()])) as Record<
    (typeof INCIDENT_CATEGORIES)[number],
    z.ZodOptional<ReturnType<typeof idList>>
  >,
);

export const tenantFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  code: z
    .string({ error: 'the Kemendagri code as a quoted string (e.g. "71.71" or "31")' })
    .max(5, { error: 'not a Kemendagri code: "NN.NN" or "NN" (e.g. "71.71" or "31")' }),
  hub: slugId("hub id").meta({
    description: "Connect hub (instance) this tenant shares, from platform.yaml",
  }),
  dataRegion: z.enum(DATA_REGIONS).default("ap-southeast-3"),
  phone: z
    .strictObject({
      did: e164.optional(),
      numberArn: phoneNumberArn.optional(),
      overflow: e164.meta({
        description: "Backup centre taking calls when this one is full, closed or failing",
      }),
    })
    .superRefine((phone, ctx) => {
      // Whether a number is required at all depends on `offboarding`: registry/tenant-rules.ts.
      if (phone.did !== undefined && phone.numberArn !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["numberArn"],
          message: "give either did (a number to claim) or numberArn (a number already claimed), not both",
        });
      }
    }),
  agencies: z
    .array(agencySchema)
    .min(1, { error: "a tenant needs at least one agency" })
    .max(TENANT_FILE_LIMITS.agencies),
  routing: routingSchema
    .default({})
    .meta({ description: "Overrides of the default routing: category -> agency ids alerted" }),
  callHandling: z
    .strictObject({
      staffedHours: z
        .union([z.literal("24/7"), z.array(windowSchema).min(1).max(TENANT_FILE_LIMITS.staffedWindows)])
        .default("24/7"),
      categoryMenu: z.boolean().default(false),
      promptSet: slugId("prompt set").default("default"),
    })
    .default({ staffedHours: "24/7", categoryMenu: false, promptSet: "default" }),
  offboarding: z.boolean().default(false).meta({
    description:
      "Set while the tenant is being removed: the hub routes no number to it any more (no phone.did or phone.numberArn), so its stacks can be destroyed; `siaga112 tenant remove <code>` lists the steps",
  }),
  retention: z
    .strictObject({ callerNumberDays: z.int().min(1).max(3650).default(90) })
    .default({ callerNumberDays: 90 }),
});
export type TenantFile = z.infer<typeof tenantFileSchema>;

/**
 * The single values of a tenant file, each with the rules of its place in `tenantFileSchema`: the
 * second, lenient pass over a file that failed as a whole keeps every value that passes its own rule
 * (registry/tenant-view.ts), so routing and cross-file checks still run in the same report.
 */
export const tenantFileLeaves = {
  code: tenantFileSchema.shape.code,
  hub: tenantFileSchema.shape.hub,
  number: e164,
  numberArn: phoneNumberArn,
  agencyId: agencySchema.shape.id,
  agencyKind: agencySchema.shape.kind,
  contactId: contactSchema.shape.id,
  afterMinutes: stepSchema.shape.afterMinutes,
  timeOfDay: hhmm,
  promptSet: slugId("prompt set"),
} as const;

const quotasSchema = z.strictObject({
  lambdaFunctions: z.int().min(1).optional(),
  queues: z.int().min(1).optional(),
  contactFlows: z.int().min(1).optional(),
  phoneNumbers: z.int().min(1).optional(),
});

export const platformFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  /** Default AWS account of every stack. */
  account: accountId,
  national: z
    .strictObject({ account: accountId.optional(), region: z.enum(DATA_REGIONS).default("ap-southeast-3") })
    .default({ region: "ap-southeast-3" }),
  hubs: z
    .array(
      z.strictObject({
        id: slugId("hub id"),
        account: accountId.optional(),
        connectRegion: z.enum(CONNECT_REGIONS).default("ap-southeast-1"),
        instanceAlias: z
          .string()
          .regex(/^[a-z][a-z0-9-]{0,44}[a-z0-9]$/, {
            error: "not a Connect instance alias (lowercase, digits, '-')",
          })
          .optional(),
        quotas: quotasSchema.default({}),
      }),
    )
    .min(1, { error: "declare at least one hub" })
    .max(100),
});
export type PlatformFile = z.infer<typeof platformFileSchema>;
