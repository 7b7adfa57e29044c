/**
 * The official Kemendagri list of provinces and kabupaten/kota, from the `idn-area-data` package
 * (code MIT, data ODbL: see README "Data attribution").
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { distance } from "fastest-levenshtein";
import type { TenantLevel } from "../domain/tenant";

export interface OfficialRegion {
  readonly code: string;
  /** As listed: `KOTA MANADO`, `DKI JAKARTA`. */
  readonly officialName: string;
  readonly level: TenantLevel;
  readonly province: { readonly code: string; readonly name: string };
  /** True for Jakarta's administrative cities, which are not autonomous (no own 112 centre). */
  readonly administrative: boolean;
}

export interface OfficialRegions {
  readonly byCode: ReadonlyMap<string, OfficialRegion>;
  /** Kab/kota only (514 of them), in code order. */
  readonly regencies: readonly OfficialRegion[];
  readonly provinces: readonly OfficialRegion[];
}

let cached: OfficialRegions | undefined;

/**
 * Loads the official list once per process.
 *
 * @example
 * officialRegions().byCode.get("71.71")?.officialName // "KOTA MANADO"
 */
export function officialRegions(): OfficialRegions {
  if (cached) return cached;
  const dataDir = join(dirname(require.resolve("idn-area-data/package.json")), "data");
  const provinceNames = new Map(readCsv(join(dataDir, "provinces.csv")).map(([code, name]) => [code, name]));
  const regencies: OfficialRegion[] = readCsv(join(dataDir, "regencies.csv")).map(
    ([code, provinceCode, name]) => ({
      code,
      officialName: name,
      level: name.startsWith("KOTA") ? "kota" : "kabupaten",
      province: { code: provinceCode, name: provinceNames.get(provinceCode) ?? provinceCode },
      administrative: name.includes("ADMINISTRASI"),
    }),
  );
  const provinces: OfficialRegion[] = [...provinceNames].map(([code, name]) => ({
    code,
    officialName: name,
    level: "province",
    province: { code, name },
    administrative: false,
  }));
  const byCode = new Map<string, OfficialRegion>();
  for (const region of [...provinces, ...regencies]) byCode.set(region.code, region);
  cached = { byCode, regencies, provinces };
  return cached;
}

/** Header-less rows of a simple CSV (the package's files hold no quoted commas). */
function readCsv(path: string): string[][] {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((line) => line.split(","));
}

/**
 * `KOTA MANADO` as people write it: `Kota Manado`; `DKI JAKARTA` stays `DKI Jakarta`.
 *
 * @example
 * displayName("KABUPATEN KEPULAUAN SANGIHE") // "Kabupaten Kepulauan Sangihe"
 */
export function displayName(officialName: string): string {
  return officialName
    .toLowerCase()
    .split(" ")
    .map((word) => (word === "dki" ? "DKI" : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}

/**
 * File-name slug of an official name: `KOTA MANADO` becomes `kota-manado`.
 *
 * @example
 * slugOf("KABUPATEN ACEH SELATAN") // "kabupaten-aceh-selatan"
 */
export function slugOf(officialName: string): string {
  return officialName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The official regions closest to what the user typed (a code or a name), best first. A kab/kota
 * code (`71.99`) is answered with kab/kota, those of the same province first.
 *
 * @example
 * nearestRegions("71.7l").map((r) => r.code) // ["71.71", "71.72", "71.73"]
 * nearestRegions("71.99").map((r) => r.code) // ["71.09", "71.01", "71.02"]
 */
export function nearestRegions(query: string, count = 3): OfficialRegion[] {
  const { provinces, regencies } = officialRegions();
  const q = query.trim().toUpperCase();
  const byCode = /\d/.test(q);
  const regencyCode = byCode && q.includes(".");
  const province = regencyCode ? q.split(".")[0] : undefined;
  const pool = regencyCode ? regencies : [...provinces, ...regencies];
  const key = (r: OfficialRegion) => (byCode ? r.code : r.officialName);
  const scored = pool
    .map((r) => {
      const target = key(r);
      const contains = !byCode && target.includes(q) ? -10 : 0;
      const elsewhere = province !== undefined && r.province.code !== province ? 100 : 0;
      return { r, score: distance(q, target) + contains + elsewhere };
    })
    .sort((a, b) => a.score - b.score || a.r.code.localeCompare(b.r.code));
  return scored.slice(0, count).map((s) => s.r);
}
