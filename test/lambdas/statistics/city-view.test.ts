/**
 * A kab/kota's month from the statistics store in dynalite: two Queries, both of its own
 * partitions, and the same totals the national dashboard shows for the kab/kota and month.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { cityPartitions } from "../../../domain/city-figures";
import { monitoringApi } from "../../../lambdas/monitoring-api/monitoring-api";
import { cityView } from "../../../lambdas/statistics/city-view";
import { DynamoStatisticsStore } from "../../../lambdas/statistics/statistics-store";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { answered, ended, eventsOf, received } from "../../domain/statistics-events";
import { freshStatisticsTable } from "../support/statistics-table";
import { manadoRuntime } from "../support/tenant";

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());

/** The document client, recording the partition key of every Query. */
function recordingDocuments() {
  const partitions: string[] = [];
  const documents = {
    send: (command: { input: { ExpressionAttributeValues?: Record<string, unknown> } }) => {
      const pk = command.input.ExpressionAttributeValues?.[":pk"];
      if (typeof pk === "string") partitions.push(pk);
      return (dynamo.documents.send as (c: unknown) => Promise<unknown>)(command);
    },
  } as unknown as Pick<DynamoDBDocumentClient, "send">;
  return { documents, partitions };
}

const now = Date.parse("2026-12-03T04:00:00Z");

describe("cityView", () => {
  it("reads only the kab/kota's own partitions, in two Queries, and totals as the dashboard does", async () => {
    const table = await freshStatisticsTable(dynamo, "city");
    const writer = new DynamoStatisticsStore(dynamo.documents, table);
    // Manado (71.71) and Surabaya (35.78) in November, Manado in October too.
    const events = [
      ...eventsOf(120, 5),
      received({ incidentId: "oct", at: "2026-10-10T02:00:00Z" }),
      received({ incidentId: "t1", at: "2026-11-03T01:10:00Z", answerSeconds: undefined }),
      answered(5, { incidentId: "t1", at: "2026-11-03T01:10:05Z" }),
      ended(150, { incidentId: "t1", at: "2026-11-03T01:12:35Z" }),
    ];
    for (const e of events) await writer.applyEvent(e);

    const { documents, partitions } = recordingDocuments();
    const { body, reads } = await cityView(
      new DynamoStatisticsStore(documents, table),
      manadoRuntime(),
      "2026-11",
      now,
    );
    expect(reads.queries).toBe(2);
    expect(new Set(partitions)).toEqual(new Set(cityPartitions("71.71")));
    expect(cityPartitions("71.71")).toEqual(["ROW#T#71.71", "HOUR#T#71.71"]);

    expect(body.tenant).toMatchObject({ code: "71.71", name: "Kota Manado", zone: "WITA" });
    expect(body.month).toEqual({ month: "2026-11", from: "2026-11-01", to: "2026-11-30" });
    expect(body.previousFigures.calls).toBe(1);
    expect(body.days).toHaveLength(30);
    expect(body.hoursOfDay[9]!.averageHandleSeconds).toBe(150);
    expect(body.staffing.handling.source).toBe("measured");
    expect(body.weekHours).toHaveLength(168);

    const dashboard = await monitoringApi(
      {
        method: "GET",
        path: "/api/statistics",
        query: { tenant: "71.71", from: "2026-11-01", to: "2026-11-30" },
        headers: {},
        authorized: true,
      },
      { store: writer, names: {}, now: () => now },
    );
    const national = JSON.parse(dashboard.body).tenants[0].figures;
    expect(body.figures).toEqual(national);
    expect(body.days.reduce((n, d) => n + d.calls, 0)).toBe(national.calls);
  });

  it("refuses a month not started yet, naming it", async () => {
    const table = await freshStatisticsTable(dynamo, "city");
    await expect(
      cityView(new DynamoStatisticsStore(dynamo.documents, table), manadoRuntime(), "2027-01", now),
    ).rejects.toThrow('month "2027-01": has not started yet');
  });
});
