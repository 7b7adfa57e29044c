import {
  createStatisticsTableInput,
  openAlertPrefix,
  rowIndexAttributes,
  rowKey,
  rowsQuery,
  STATISTICS_TABLE,
  seriesQuery,
} from "../../domain/statistics-table";

describe("statistics table keys: every view is one Query", () => {
  const row = { tenant: "71.71", province: "71", day: "2026-11-27" };

  it("reads a kab/kota's days from its own partition, a province's and the country's from an index", () => {
    expect(
      rowsQuery({ kind: "tenant", province: "71", tenant: "71.71" }, "2026-11-01", "2026-11-30"),
    ).toEqual({
      partitionKey: "pk",
      partition: rowKey(row).pk,
      sortKey: "sk",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    const province = rowsQuery({ kind: "province", province: "71" }, "2026-11-27", "2026-11-27");
    const attributes = rowIndexAttributes(row);
    expect(attributes[province.partitionKey]).toBe(province.partition);
    // The row's sort key lies inside the range of its day, and outside the next day's.
    const sk = attributes[province.sortKey]!;
    expect(sk >= province.from && sk <= province.to).toBe(true);
    const next = rowsQuery({ kind: "nation" }, "2026-11-28", "2026-11-28");
    expect(attributes[next.partitionKey]).toBe(next.partition);
    expect(attributes[next.sortKey]! >= next.from).toBe(false);
  });

  it("reads a scope's hours of a range by slot", () => {
    const q = seriesQuery("hour", { kind: "nation" }, "2026-11-27", "2026-11-27");
    expect(q.partition).toBe("HOUR#N");
    expect("2026-11-27T00" >= q.from && "2026-11-27T23" <= q.to && "2026-11-28T00" > q.to).toBe(true);
  });

  it("finds a scope's open alerts by prefix", () => {
    expect(openAlertPrefix({ kind: "nation" })).toBe("");
    expect(openAlertPrefix({ kind: "province", province: "71" })).toBe("71#");
    expect(openAlertPrefix({ kind: "tenant", province: "71", tenant: "71.71" })).toBe("71#71.71#");
  });

  it("declares each index with its keys, projecting all attributes", () => {
    const input = createStatisticsTableInput("t");
    expect(input.GlobalSecondaryIndexes.map((i) => i.IndexName)).toEqual(
      Object.values(STATISTICS_TABLE.indexes).map((i) => i.name),
    );
    expect(input.AttributeDefinitions.map((a) => a.AttributeName)).toContain("openSk");
  });
});
