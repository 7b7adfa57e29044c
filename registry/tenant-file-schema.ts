/**
 * The shape of the human-edited files in `tenants/`: one file per tenant plus `platform.yaml`.
 * Strict objects everywhere: a misspelt key is an error, never silently ignored.
 * `schema/*.schema.json` is generated from these schemas (`npm run schema`) for editors.
 */
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { z } from "zod";
import { AGENCY_KINDS, INCIDENT_CATEGORIES } from "../domain/categories";
import { WEEKDAYS } from "../domain/tenant";

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

const E164_EXAMPLE = "+6281234567890";

/** An E.164 phone number that libphonenumber-js recognises as a real numbering-plan number. */
export const e164 = z
  .string({ error: `expected an E.164 phone number as a string (e.g. ${E164_EXAMPLE})` })
  .regex(/^\+[1-9]\d{6,14}$/, { error: `not an E.164 number (e.g. ${E164_EXAMPLE})`, abort: true })
  .refine((value) => isValidPhoneNumber(value), { error: `not an E.164 number (e.g. ${E164_EXAMPLE})` });

const slugId = (what: string) =>
  z.string({ error: `expected ${what} as a string` }).regex(/^[a-z][a-z0-9-]{0,29}$/, {
    error: `not a valid ${what}: lowercase letters, digits and '-', starting with a letter, at most 30 characters`,
  });

const accountId = z.string().regex(/^\d{12}$/, { error: "not an AWS account id (12 digits, quoted)" });

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "not a time of day HH:MM (00:00-23:59)" });

const contactSchema = z.strictObject({
  id: slugId("contact id"),
  name: z.string().min(1),
  sms: z.array(e164).default([]),
  email: z.array(z.email({ error: "not an e-mail address (e.g. piket@damkar.example.go.id)" })).default([]),
});

const stepSchema = z.strictObject({
  afterMinutes: z.int().min(0).max(1440),
  contacts: z.array(slugId("contact id")).min(1, { error: "a step must alert at least one contact" }),
});

const agencySchema = z.strictObject({
  id: slugId("agency id"),
  kind: z.enum(AGENCY_KINDS),
  name: z.string().min(1),
  contacts: z.array(contactSchema),
  escalation: z.strictObject({
    steps: z.array(stepSchema).min(1, { error: "an escalation needs at least one step" }),
    repeat: z
      .int()
      .min(0)
      .max(10)
      .default(2)
      .meta({ description: "Times the whole policy runs again unacknowledged" }),
  }),
});

const windowSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1),
  from: hhmm,
  to: hhmm,
});

const routingSchema = z.strictObject(
  Object.fromEntries(INCIDENT_CATEGORIES.map((c) => [c, z.array(slugId("agency id")).optional()])) as Record<
    (typeof INCIDENT_CATEGORIES)[number],
    z.ZodOptional<z.ZodArray<ReturnType<typeof slugId>>>
  >,
);

export const tenantFileSchema = z.strictObject({
  $schema: z.string().optional(),
  code: z.string({ error: 'expected the Kemendagri code as a quoted string (e.g. "71.71" or "31")' }),
  hub: slugId("hub id").meta({
    description: "Connect hub (instance) this tenant shares, from platform.yaml",
  }),
  dataRegion: z.enum(DATA_REGIONS).default("ap-southeast-3"),
  phone: z
    .strictObject({
      did: e164.optional(),
      numberArn: z
        .string()
        .regex(/^arn:aws:connect:[a-z0-9-]+:\d{12}:phone-number\/[0-9a-f-]+$/, {
          error: "not an Amazon Connect phone number ARN",
        })
        .optional(),
      overflow: e164.meta({
        description: "Backup centre taking calls when this one is full, closed or failing",
      }),
    })
    .superRefine((phone, ctx) => {
      if (phone.did !== undefined && phone.numberArn !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["numberArn"],
          message: "give either did (a number to claim) or numberArn (a number already claimed), not both",
        });
      } else if (phone.did === undefined && phone.numberArn === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["did"],
          message: "missing: give did (the DID to claim, E.164) or numberArn (a number already claimed)",
        });
      }
    }),
  agencies: z.array(agencySchema).min(1, { error: "a tenant needs at least one agency" }),
  routing: routingSchema
    .default({})
    .meta({ description: "Overrides of the default routing: category -> agency ids alerted" }),
  callHandling: z
    .strictObject({
      staffedHours: z.union([z.literal("24/7"), z.array(windowSchema).min(1)]).default("24/7"),
      categoryMenu: z.boolean().default(false),
      promptSet: slugId("prompt set").default("default"),
    })
    .default({ staffedHours: "24/7", categoryMenu: false, promptSet: "default" }),
  retention: z
    .strictObject({ callerNumberDays: z.int().min(1).max(3650).default(90) })
    .default({ callerNumberDays: 90 }),
});
export type TenantFile = z.infer<typeof tenantFileSchema>;

const quotasSchema = z.strictObject({
  lambdaFunctions: z.int().min(1).optional(),
  queues: z.int().min(1).optional(),
  contactFlows: z.int().min(1).optional(),
  phoneNumbers: z.int().min(1).optional(),
});

export const platformFileSchema = z.strictObject({
  $schema: z.string().optional(),
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
    .min(1, { error: "declare at least one hub" }),
  /** The console site (stack `siaga112-console`), once deployed: the address its deploy printed. */
  console: z
    .strictObject({
      url: z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/?$/, {
        error:
          "not the console site's address (https://host, no path), e.g. https://d111111abcdef8.cloudfront.net",
      }),
    })
    .optional(),
});
export type PlatformFile = z.infer<typeof platformFileSchema>;
