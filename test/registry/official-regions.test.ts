import { displayName, nearestRegions, officialRegions, slugOf } from "../../registry/official-regions";

describe("the official Kemendagri list", () => {
  it("holds 38 provinces and 514 kab/kota (416 kabupaten, 98 kota)", () => {
    const { provinces, regencies } = officialRegions();
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(regencies.filter((r) => r.level === "kabupaten")).toHaveLength(416);
    expect(regencies.filter((r) => r.level === "kota")).toHaveLength(98);
  });

  it("knows each kab/kota's province, and Jakarta's administrative cities", () => {
    const manado = officialRegions().byCode.get("71.71")!;
    expect(manado).toMatchObject({ officialName: "KOTA MANADO", level: "kota", administrative: false });
    expect(manado.province).toEqual({ code: "71", name: "SULAWESI UTARA" });
    const administrative = officialRegions().regencies.filter((r) => r.administrative);
    expect(administrative.map((r) => r.code)).toEqual(["31.01", "31.71", "31.72", "31.73", "31.74", "31.75"]);
  });

  it("suggests the nearest codes for a mistyped code and names for a name", () => {
    expect(nearestRegions("71.7l").map((r) => r.code)).toEqual(["71.71", "71.72", "71.73"]);
    expect(nearestRegions("kota surabaja")[0].code).toBe("35.78");
    expect(nearestRegions("manado")[0].code).toBe("71.71");
  });

  it("writes names the way people do and slugs for file names", () => {
    expect(displayName("KABUPATEN KEPULAUAN SANGIHE")).toBe("Kabupaten Kepulauan Sangihe");
    expect(displayName("DKI JAKARTA")).toBe("DKI Jakarta");
    expect(slugOf("KABUPATEN ACEH SELATAN")).toBe("kabupaten-aceh-selatan");
  });
});
