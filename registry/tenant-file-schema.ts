/**
 * The shape of the human-edited files in `tenants/`: one file per tenant plus `platform.yaml`.
 * Strict objects everywhere: a misspelt key is an error, never silently ignored.
 * `schema/*.schema.json` is generated from these schemas (`npm run schema`) for editors.
 */
import { z } from "zod";
import { AGENCY_KINDS, INCIDENT_CATEGORIES } from "../domain/categories";
import { LOCATION_LINK_MINUTES } from "../domain/location-request";
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

/** `callHandling.maxQueueWaitSeconds`: default and bounds (NENA answers 95% within 20 s; a minute is already long). */
export const DEFAULT_QUEUE_WAIT_SECONDS = 60;
export const MIN_QUEUE_WAIT_SECONDS = 15;
export const MAX_QUEUE_WAIT_SECONDS = 600;
/** `callHandling.queueCapacity`: the instance takes 10 concurrent calls by default (Connect quotas). */
export const DEFAULT_QUEUE_CAPACITY = 10;
export const MAX_QUEUE_CAPACITY = 500;

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

const LINK_MINUTES_ACCEPTED = `expected whole minutes from ${LOCATION_LINK_MINUTES.min} to ${LOCATION_LINK_MINUTES.max} (default ${LOCATION_LINK_MINUTES.default})`;
const SENDER_ID_ACCEPTED =
  "not a sender ID: 3-11 letters and digits with at least one letter, no spaces (e.g. SIAGA112)";

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
    error: "not an Amazon Connect phone number ARN (arn:aws:connect:<region>:<account>:phone-number/<id>)",
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

/** Number types siaga112 lets Connect claim from its inventory (`AWS::Connect::PhoneNumber.Type`). */
export const CLAIMABLE_NUMBER_TYPES = ["DID", "TOLL_FREE"] as const;

/** How an Indonesian number reaches the tenant file, step by step (the validator says it). */
export const INDONESIAN_NUMBER_STEPS =
  "Indonesian numbers come through AWS Support, never from Connect's inventory: (1) deploy the hub, (2) open a Support case for an Indonesian DID naming the hub's instance ARN (docs/deploy.md, step 5), (3) when AWS has added it, copy its ARN from the Connect admin website (Phone numbers) or `aws connect list-phone-numbers-v2`, (4) record it as numberArn and the number itself as did";

/**
 * The tenant's 112 number. Connect never hands out one specific number: the tenant file names a
 * number already in the hub's instance (`numberArn`, the normal path for Indonesia) or asks Connect
 * to claim any number of a country and type (`claim`). `did` is the number the telcos route the
 * kab/kota's 112 calls to: a fact recorded here, never something the stack obtains.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-connect-phonenumber.html
 */
const phoneSchema = z
  .strictObject({
    did: e164.optional().meta({
      description:
        "The number the telcos route the kab/kota's 112 calls to (E.164), recorded once known: the number behind numberArn, or the one Connect claimed",
    }),
    numberArn: phoneNumberArn
      .optional()
      .meta({ description: "A number already in the hub's instance (Indonesia: added by AWS Support)" }),
    claim: z
      .strictObject({
        country: z
          .string()
          .regex(/^[A-Z]{2}$/, { error: "not an ISO 3166-1 alpha-2 country code (e.g. SG)" })
          .meta({ description: "ISO country code of the number Connect claims" }),
        type: z.enum(CLAIMABLE_NUMBER_TYPES),
      })
      .optional()
      .meta({
        description:
          "Ask Connect to claim any number of this country and type from its inventory (not Indonesia)",
      }),
    overflow: e164.meta({
      description: "Backup centre taking calls when this one is full, closed, unstaffed or failing",
    }),
  })
  .superRefine((phone, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: path.split("."), message });
    if (phone.numberArn !== undefined && phone.claim !== undefined) {
      issue(
        "claim",
        "give numberArn (a number already in the instance) or claim (any number Connect claims), not both",
      );
    }
    // Whether a number is required at all depends on `offboarding`: registry/tenant-rules.ts.
    if (phone.numberArn !== undefined && phone.did === undefined) {
      issue(
        "did",
        "missing: the number behind numberArn that the telcos route 112 to (E.164, e.g. +62431860112)",
      );
    }
    if (phone.claim?.country === "ID") {
      issue(
        "claim.country",
        `Connect cannot claim Indonesian numbers from its inventory. ${INDONESIAN_NUMBER_STEPS}`,
      );
    }
  });

export const tenantFileSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  code: z
    .string({ error: 'the Kemendagri code as a quoted string (e.g. "71.71" or "31")' })
    .max(5, { error: 'not a Kemendagri code: "NN.NN" or "NN" (e.g. "71.71" or "31")' }),
  hub: slugId("hub id").meta({
    description: "Connect hub (instance) this tenant shares, from platform.yaml",
  }),
  dataRegion: z.enum(DATA_REGIONS).default("ap-southeast-3"),
  phone: phoneSchema,
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
      maxQueueWaitSeconds: z
        .int({ error: "expected whole seconds" })
        .min(MIN_QUEUE_WAIT_SECONDS, {
          error: `at least ${MIN_QUEUE_WAIT_SECONDS} seconds (one hold message)`,
        })
        .max(MAX_QUEUE_WAIT_SECONDS, { error: `at most ${MAX_QUEUE_WAIT_SECONDS} seconds` })
        .default(DEFAULT_QUEUE_WAIT_SECONDS)
        .meta({
          description:
            "Seconds a caller waits in queue before the hold flow tries the overflow number (a caller never waits with nobody there)",
        }),
      queueCapacity: z
        .int({ error: "expected a whole number of callers" })
        .min(1)
        .max(MAX_QUEUE_CAPACITY, { error: `at most ${MAX_QUEUE_CAPACITY} callers` })
        .default(DEFAULT_QUEUE_CAPACITY)
        .meta({
          description:
            "Callers the queue holds at once (AWS::Connect::Queue MaxContacts); the next one goes to the overflow number",
        }),
    })
    .default({
      staffedHours: "24/7",
      categoryMenu: false,
      promptSet: "default",
      maxQueueWaitSeconds: DEFAULT_QUEUE_WAIT_SECONDS,
      queueCapacity: DEFAULT_QUEUE_CAPACITY,
    }),
  offboarding: z.boolean().default(false).meta({
    description:
      "Set while the tenant is being removed: the hub routes no number to it any more (no phone.numberArn or phone.claim), so its stacks can be destroyed; `siaga112 tenant remove <code>` lists the steps",
  }),
  retention: z
    .strictObject({ callerNumberDays: z.int().min(1).max(3650).default(90) })
    .default({ callerNumberDays: 90 }),
  location: z
    .strictObject({
      linkMinutes: z
        .int({ error: LINK_MINUTES_ACCEPTED })
        .min(LOCATION_LINK_MINUTES.min, { error: LINK_MINUTES_ACCEPTED })
        .max(LOCATION_LINK_MINUTES.max, { error: LINK_MINUTES_ACCEPTED })
        .default(LOCATION_LINK_MINUTES.default)
        .meta({ description: 'Minutes the link in a caller\'s location SMS ("Minta lokasi") stays valid' }),
    })
    .default({ linkMinutes: LOCATION_LINK_MINUTES.default }),
  sms: z
    .strictObject({
      senderId: z
        .string({ error: SENDER_ID_ACCEPTED })
        .regex(/^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/, { error: SENDER_ID_ACCEPTED })
        .optional()
        .meta({
          description:
            "Registered sender ID that SMS to callers go out with (AWS.SNS.SMS.SenderID); absent: the account's DefaultSenderID",
        }),
    })
    .default({}),
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
