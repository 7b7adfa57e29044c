/**
 * The national monitoring side of the local centre: the statistics table in dynalite, fed by the
 * in-process bus through the real aggregator function, read by the real monitoring API.
 */
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import type { AreaNames } from "../domain/statistics-figures";
import { createStatisticsTableInput, statisticsTableName } from "../domain/statistics-table";
import type { Tenant } from "../domain/tenant";
import { type ApiRequest, type ApiResponse, monitoringApi } from "../lambdas/monitoring-api/monitoring-api";
import { aggregateIncidentEvents } from "../lambdas/national-aggregator/aggregate";
import { DynamoStatisticsStore } from "../lambdas/statistics/statistics-store";
import { displayName, officialRegions } from "../registry/official-regions";
import type { LocalDynamo } from "./dynalite-server";
import type { LocalEventBus } from "./event-bus";

export interface NationalMonitoring {
  readonly store: DynamoStatisticsStore;
  readonly names: AreaNames;
  /** Events the aggregator rejected as malformed (shown in the console log of `npm start`). */
  readonly invalid: string[];
  answer(request: ApiRequest): Promise<ApiResponse>;
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
 * await national.answer({ method: "GET", path: "/api/statistics", query: {} });
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
  const invalid: string[] = [];
  bus.subscribe(async (event) => {
    const report = await aggregateIncidentEvents([event], store);
    invalid.push(...report.invalid);
  });
  return {
    store,
    names,
    invalid,
    answer: (request) => monitoringApi(request, { store, names, now }),
  };
}
