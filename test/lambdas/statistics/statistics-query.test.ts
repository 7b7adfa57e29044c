import { addCosts, queryAll } from "../../../lambdas/statistics/statistics-query";

describe("queryAll", () => {
  it("follows the pages of one Query to the end and adds up what they cost", async () => {
    const sent: Record<string, unknown>[] = [];
    const pages = [
      {
        Items: [{ n: 1 }, { n: 2 }],
        LastEvaluatedKey: { pk: "a" },
        ConsumedCapacity: { CapacityUnits: 128 },
      },
      { Items: [{ n: 3 }], ConsumedCapacity: { CapacityUnits: 0.5 } },
    ];
    const documents = {
      send: async (command: { input: Record<string, unknown> }) => {
        sent.push(command.input);
        return pages[sent.length - 1];
      },
    };
    const { items, cost } = await queryAll(documents as never, "stats", {
      indexName: "rows-by-nation",
      partitionKey: "nationPk",
      partition: "ROW#N",
      sortKey: "nationSk",
      from: "2026-11-01#",
      to: "2026-11-30#~",
    });
    expect(items).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(cost).toEqual({ queries: 1, pages: 2, items: 3, capacityUnits: 128.5 });
    expect(sent[0]).toMatchObject({
      IndexName: "rows-by-nation",
      KeyConditionExpression: "#pk = :pk AND #sk BETWEEN :from AND :to",
      ReturnConsumedCapacity: "TOTAL",
    });
    expect(sent[1]!.ExclusiveStartKey).toEqual({ pk: "a" });
  });

  it("reads a whole partition when the prefix is empty, and a prefix otherwise", async () => {
    const inputs: Record<string, unknown>[] = [];
    const documents = {
      send: async (c: { input: Record<string, unknown> }) => {
        inputs.push(c.input);
        return { Items: [] };
      },
    };
    const base = { partitionKey: "openPk", partition: "OPEN", sortKey: "openSk" };
    await queryAll(documents as never, "stats", { ...base, prefix: "" });
    await queryAll(documents as never, "stats", { ...base, prefix: "71#" });
    expect(inputs.map((i) => i.KeyConditionExpression)).toEqual([
      "#pk = :pk",
      "#pk = :pk AND begins_with(#sk, :prefix)",
    ]);
  });

  it("adds the costs of several views", () => {
    const one = { queries: 1, pages: 2, items: 10, capacityUnits: 3 };
    expect(addCosts([one, one])).toEqual({ queries: 2, pages: 4, items: 20, capacityUnits: 6 });
  });
});
