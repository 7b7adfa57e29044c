/**
 * Writes the starting file of a new tenant from the official region data: official name, province and
 * zone as comments, the default routing spelled out, and placeholder contacts that cannot be mistaken
 * for real people.
 */
import { dump } from "js-yaml";
import type { AgencyKind } from "../domain/categories";
import { CATEGORY_LABELS_ID, DEFAULT_ROUTING, INCIDENT_CATEGORIES } from "../domain/categories";
import { zoneOfProvince } from "../domain/time-zones";
import { displayName, type OfficialRegion } from "./official-regions";

/** Contacts whose name starts with this are placeholders (CONTOH = example). */
export const PLACEHOLDER_MARK = "CONTOH";

/** One agency per kind the default routing needs, so the new file validates at once. */
const SCAFFOLD_AGENCIES: readonly { id: string; kind: AgencyKind; name: string }[] = [
  { id: "polres", kind: "police", name: "Polres" },
  { id: "damkar", kind: "fire", name: "Dinas Pemadam Kebakaran" },
  { id: "psc119", kind: "ambulance", name: "PSC 119 Dinas Kesehatan" },
  { id: "bpbd", kind: "disaster", name: "BPBD" },
  { id: "basarnas", kind: "sar", name: "Pos SAR" },
  { id: "pln", kind: "electricity", name: "PLN" },
  { id: "satpolpp", kind: "public-order", name: "Satpol PP" },
];

/**
 * Placeholder numbers: valid E.164 so the file validates, unique per code, obviously fake
 * (`+62811 00 <code digits> 0…`).
 *
 * @example
 * placeholderNumber("71.71", 0) // "+628110071710"
 */
export function placeholderNumber(code: string, n: number): string {
  const digits = code.replace(".", "").padEnd(4, "0");
  return `+6281100${digits}${n}`;
}

/**
 * Placeholder ARN of the tenant's number (account 000000000000: obviously not the platform's).
 *
 * @example
 * placeholderNumberArn("71.71") // "arn:aws:connect:ap-southeast-1:000000000000:phone-number/00000000-0000-0000-0000-000000007171"
 */
export function placeholderNumberArn(code: string): string {
  return `arn:aws:connect:ap-southeast-1:000000000000:phone-number/00000000-0000-0000-0000-${code.replace(".", "").padStart(12, "0")}`;
}

/**
 * The YAML text of a new tenant file.
 *
 * @example
 * scaffoldTenant(officialRegions().byCode.get("71.71")!, "timur-1")
 */
export function scaffoldTenant(region: OfficialRegion, hub: string): string {
  const zone = zoneOfProvince(region.province.code);
  const place = displayName(region.officialName);
  const body = dump(
    {
      code: region.code,
      hub,
      phone: {
        numberArn: placeholderNumberArn(region.code),
        did: placeholderNumber(region.code, 0),
        overflow: placeholderNumber(region.code, 1),
      },
      agencies: SCAFFOLD_AGENCIES.map((agency, i) => ({
        id: agency.id,
        kind: agency.kind,
        name: `${agency.name} ${place}`,
        contacts: [
          {
            id: "piket",
            name: `${PLACEHOLDER_MARK} Piket ${agency.name}`,
            sms: [`+62812000${region.code.replace(".", "").padEnd(4, "0")}${i}`],
            email: [`piket@${agency.id}.${region.code.replace(".", "-")}.example`],
          },
        ],
        escalation: { steps: [{ afterMinutes: 0, contacts: ["piket"] }], repeat: 2 },
      })),
      callHandling: { staffedHours: "24/7", categoryMenu: false, promptSet: "default" },
      retention: { callerNumberDays: 90 },
    },
    { lineWidth: -1 },
  );
  const header = [
    `yaml-language-server: $schema=../schema/tenant.schema.json`,
    `${place} (${region.officialName}), Provinsi ${displayName(region.province.name)}`,
    `Time zone: ${zone.name} (${zone.iana}, UTC+${zone.utcOffsetHours}), from the province.`,
    `Scaffolded by \`siaga112 tenant add ${region.code}\`. Every number, name and address below is a`,
    `${PLACEHOLDER_MARK} (example) placeholder: replace them with the real DID, backup centre and agencies'`,
    `duty contacts before going live. Default routing (override under \`routing:\`):`,
    ...INCIDENT_CATEGORIES.map(
      (c) => `  ${c} (${CATEGORY_LABELS_ID[c]}) -> agencies of kind ${DEFAULT_ROUTING[c].join(", ")}`,
    ),
  ];
  return `${header.map((line) => `# ${line}`).join("\n")}\n${body}`;
}
