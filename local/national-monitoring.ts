/**
 * The national monitoring side of the local centre: the statistics table in dynalite, fed by the
 * in-process bus through the real aggregator function, read by the real monitoring API.
 */
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import type { AreaNames } from "../domain/statistics-figures";
import { createStatisticsTableInput, statisticsTableName } from "../domain/statistics-table";
import type { Tenant } from "../domain/tenant";
import { monitoringApi } from "../lambdas/monitoring-api/monitoring-api";
import { aggregateIncidentEvents } from "../lambdas/national-aggregator/aggregate";
import type { HttpRequest, HttpResponse } from "../lambdas/shared/ports";
import { withCachedRows } from "../lambdas/statistics/cached-rows";
import { DynamoStatisticsStore } from "../lambdas/statistics/statistics-store";
import { displayName, officialRegions } from "../registry/official-regions";
import type { LocalDynamo } from "./dynalite-server";
import type { LocalEventBus } from "./event-bus";

export interface NationalMonitoring {
  readonly store: DynamoStatisticsStore;
  readonly names: AreaNames;
  /** Events the aggregator rejected as malformed (shown in the console log of `npm start`). */
  readonly invalid: string[];
  answer(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * Names of the tenants and of every province (the filter lists all 38 provinces).
 *
 * @example
 * areaNames(tenants)["71.71"] // "Kota Manado"
 */
export function areaNames(tenants: readonly Tenant[]): AreaNames {
  const names: Record<string, string> = {};
  for (const province of officialRegions().provinces)
    names[province.code] = displayName(province.officialName);
  for (const tenant of tenants) names[tenant.code] = tenant.name;
  return names;
}

/**
 * Creates the statistics table and subscribes the aggregator to the bus.
 *
 * @example
 * const national = await startNationalMonitoring(dynamo, bus, tenants);
 * await national.answer({ method: "GET", path: "/api/dashboard", query: {}, headers: {}, authorized: false });
 */
export async function startNationalMonitoring(
  dynamo: LocalDynamo,
  bus: LocalEventBus,
  tenants: readonly Tenant[],
  now: () => number = Date.now,
): Promise<NationalMonitoring> {
  const tableName = statisticsTableName();
  await dynamo.client.send(new CreateTableCommand(createStatisticsTableInput(tableName)));
  const store = new DynamoStatisticsStore(dynamo.documents, tableName, now);
  const names = areaNames(tenants);
  const reads = withCachedRows(store, { now }); // as the cloud's monitoring API reads
  const invalid: string[] = [];
  bus.subscribe(async (event) => {
    const report = await aggregateIncidentEvents([event], store);
    invalid.push(...report.invalid);
  });
  return {
    store,
    names,
    invalid,
    // The local flow reports calls it sends to the backup centre (CallOverflowed); see docs/events.md.
    answer: (request) => monitoringApi(request, { store: reads, names, now, overflowMeasured: true }),
  };
}
