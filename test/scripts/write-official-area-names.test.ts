import { readFileSync } from "node:fs";
import { OFFICIAL_AREA_NAMES } from "../../lambdas/monitoring-api/official-area-names";
import { displayName, officialRegions } from "../../registry/official-regions";
import { OFFICIAL_AREA_NAMES_FILE, renderOfficialAreaNames } from "../../scripts/write-official-area-names";

describe("the official area names bundled with the monitoring API", () => {
  it("are up to date with the official list (run `npm run area-names` when this fails)", () => {
    expect(readFileSync(OFFICIAL_AREA_NAMES_FILE, "utf8")).toBe(renderOfficialAreaNames());
  });

  it("name all 38 provinces and 514 kab/kota as people write them", () => {
    const codes = Object.keys(OFFICIAL_AREA_NAMES);
    expect(codes.filter((code) => /^\d{2}$/.test(code))).toHaveLength(38);
    expect(codes.filter((code) => /^\d{2}\.\d{2}$/.test(code))).toHaveLength(514);
    expect(OFFICIAL_AREA_NAMES["71.71"]).toBe("Kota Manado");
    expect(OFFICIAL_AREA_NAMES["11.01"]).toBe("Kabupaten Aceh Selatan");
    expect(OFFICIAL_AREA_NAMES["31"]).toBe("DKI Jakarta");
    const { byCode } = officialRegions();
    for (const [code, name] of Object.entries(OFFICIAL_AREA_NAMES)) {
      expect([code, name]).toEqual([code, displayName(byCode.get(code)!.officialName)]);
    }
  });

  it("keep the ODbL attribution of the data they ship", () => {
    const source = renderOfficialAreaNames();
    expect(source).toContain("idn-area-data");
    expect(source).toContain("Open Database License (ODbL)");
  });
});
