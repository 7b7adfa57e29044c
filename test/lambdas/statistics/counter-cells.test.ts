import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { createStatisticsTableInput } from "../../../domain/statistics-table";
import { counterItem, counterUpdate, counterWrites } from "../../../lambdas/statistics/counter-cells";
import { startDynalite } from "../../../local/dynalite-server";

describe("counter writes", () => {
  const delta = {
    cell: { tenant: "71.71", province: "71", day: "2026-11-27", hour: 9, quarter: 15 },
    counters: { calls: 1, "category:fire": 1, zero: 0 },
  };

  it("update the day row, then the hour and quarter of the kab/kota, province and country", () => {
    const writes = counterWrites(delta, Date.parse("2026-11-27T01:20:00Z"));
    expect(writes.map((w) => `${w.key.pk} ${w.key.sk}`)).toEqual([
      "ROW#T#71.71 2026-11-27",
      "HOUR#T#71.71 2026-11-27T09",
      "HOUR#P#71 2026-11-27T09",
      "HOUR#N 2026-11-27T09",
      "QUARTER#T#71.71 2026-11-27T09:15",
      "QUARTER#P#71 2026-11-27T09:15",
      "QUARTER#N 2026-11-27T09:15",
    ]);
    expect(writes[0]!.counters).toEqual({ calls: 1, "category:fire": 1 });
    expect(writes[1]!.counters).toEqual({ calls: 1 }); // categories stay in the day rows
    expect(writes[4]!.set.expiresAt).toBe(Date.parse("2026-11-30T01:20:00Z") / 1000);
    expect(counterWrites({ cell: delta.cell, counters: { "category:fire": 1 } }, 0)).toHaveLength(1);
  });

  it("leave in an empty table exactly the item counterItem describes", async () => {
    const dynamo = await startDynalite();
    try {
      await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput("cells")));
      const [row] = counterWrites(delta, 0);
      await dynamo.documents.send(counterUpdate("cells", row!));
      const stored = await dynamo.documents.send(new GetCommand({ TableName: "cells", Key: row!.key }));
      expect(stored.Item).toEqual(counterItem(row!));
    } finally {
      await dynamo.stop();
    }
  });
});
