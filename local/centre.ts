/**
 * The local 112 centre: every tenant of the registry running in one process, with no AWS.
 * dynalite holds the tables, the same plain functions as the Lambdas do the work, the flow
 * simulator places the calls, a local clock fires the re-escalations, the agency inbox stands in
 * for SNS and an in-process bus feeds the national statistics.
 */

import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CreateTableCommand, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { createIncidentTableInput } from "../domain/incident-table";
import { tenantNames } from "../domain/naming";
import type { Tenant } from "../domain/tenant";
import { toRuntimeConfig } from "../domain/tenant-runtime";
import { handlerInvoker } from "../flows/lambda-invokers";
import { loadPromptSet } from "../flows/prompt-set";
import { recordCallAnswer } from "../lambdas/call-answer/record-answer";
import { recordCall } from "../lambdas/intake/record-call";
import { requireRegistry } from "../registry/load-registry";
import { AgencyInbox } from "./agency-inbox";
import { type LocalDynamo, startDynalite } from "./dynalite-server";
import { LocalEventBus } from "./event-bus";
import { allowedHosts } from "./http-kit";
import { TenantPhone } from "./local-calls";
import { LocalClock } from "./local-clock";
import { routeRequest } from "./local-routes";
import { type NationalMonitoring, startNationalMonitoring } from "./national-monitoring";
import { PhoneDesk } from "./phone-desk";
import { startTenantFunctions, type TenantFunctions } from "./tenant-functions";

export interface LocalCentreOptions {
  /** Tenants folder. @default "tenants" */
  readonly tenantsDir?: string;
  /** Prompt sets folder. @default "prompts" */
  readonly promptsDir?: string;
  /** Port of the pages and APIs; 0 picks a free one. @default 8112 */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** Local seconds per wall-clock second (re-escalations come sooner). @default 1 */
  readonly speed?: number;
  /** Folder of the static pages. @default the repository's `web/` */
  readonly webDir?: string;
  /** Key the call-taker console sends (`x-siaga112-key`). @default a random one per start */
  readonly apiKey?: string;
}

/** One tenant as the local centre runs it. */
export interface LocalTenant {
  readonly tenant: Tenant;
  readonly tableName: string;
  readonly phone: TenantPhone;
  readonly functions: TenantFunctions;
}

export interface LocalCentre {
  /** Base URL, e.g. `http://127.0.0.1:8112`. */
  readonly url: string;
  readonly tenants: ReadonlyMap<string, LocalTenant>;
  readonly dynamo: LocalDynamo;
  readonly clock: LocalClock;
  readonly inbox: AgencyInbox;
  readonly bus: LocalEventBus;
  readonly national: NationalMonitoring;
  /** Where queued calls ring at the consoles (the local phone panel). */
  readonly desk: PhoneDesk;
  readonly apiKey: string;
  /** `Host` values the centre answers to; any other is refused (DNS rebinding). */
  readonly hosts: ReadonlySet<string>;
  readonly webDir: string;
  /** Resolves when every change has been relayed and every event counted (tests, bench). */
  settled(): Promise<void>;
  /** The pages to open: the landing page lists the others. */
  readonly pages: {
    readonly landing: string;
    readonly dashboard: string;
    readonly console: string;
    readonly inbox: string;
  };
  stop(): Promise<void>;
}

export const DEFAULT_PORT = 8112;

/**
 * Starts the local centre and its HTTP server.
 *
 * @example
 * const centre = await startLocalCentre({ port: 0 });
 * console.log(centre.pages.dashboard);
 * await centre.stop();
 */
export async function startLocalCentre(options: LocalCentreOptions = {}): Promise<LocalCentre> {
  const { tenants } = requireRegistry({
    dir: options.tenantsDir ?? "tenants",
    promptsDir: options.promptsDir,
  });
  if (tenants.length === 0)
    throw new Error(
      `${options.tenantsDir ?? "tenants"}: no tenant files (add one with "siaga112 tenant add")`,
    );
  const webDir = options.webDir ?? join(__dirname, "..", "web");
  const apiKey = options.apiKey ?? `local-${randomBytes(16).toString("hex")}`;
  const dynamo = await startDynalite();
  const clock = new LocalClock({ speed: options.speed ?? 1 });
  const inbox = new AgencyInbox(clock);
  const bus = new LocalEventBus();
  const desk = new PhoneDesk(clock);
  const server = createServer();
  try {
    const national = await startNationalMonitoring(dynamo, bus, tenants, () => clock.now());
    await listen(server, options.port ?? DEFAULT_PORT, options.host ?? "127.0.0.1");
    const host = options.host ?? "127.0.0.1";
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    const promptSets = new Map<string, ReturnType<typeof loadPromptSet>>();
    const local = new Map<string, LocalTenant>();
    for (const tenant of tenants) {
      const tableName = tenantNames(tenant).incidentTable;
      // The table design is readonly data; the SDK's input type is mutable.
      const input = createIncidentTableInput(tableName) as unknown as CreateTableCommandInput;
      await dynamo.client.send(new CreateTableCommand(input));
      const setName = tenant.callHandling.promptSet;
      if (!promptSets.has(setName))
        promptSets.set(setName, loadPromptSet(setName, options.promptsDir ?? "prompts"));
      const functions = startTenantFunctions({
        tenant,
        runtime: toRuntimeConfig(tenant),
        dynamo,
        tableName,
        clock,
        inbox,
        bus,
        ackBaseUrl: `${url}/t/${tenant.code}/ack`,
        locationBaseUrl: `${url}/t/${tenant.code}/loc`,
        apiKey,
        statistics: national.store,
      });
      const intakeDeps = {
        tenant: toRuntimeConfig(tenant),
        dynamodb: functions.capturingClient,
        tableName,
        clock,
        log: () => {},
      };
      const phone = new TenantPhone(
        tenant,
        promptSets.get(setName)!,
        handlerInvoker((event) => recordCall(intakeDeps, event)),
        {
          clock,
          // The cloud feeds the same function from Amazon Connect contact events.
          recordAnswer: (record) =>
            recordCallAnswer({ dynamodb: functions.capturingClient, tableName, log: () => {} }, record),
          desk,
        },
      );
      local.set(tenant.code, { tenant, tableName, phone, functions });
    }
    const centre: LocalCentre = {
      url,
      tenants: local,
      dynamo,
      clock,
      inbox,
      bus,
      national,
      desk,
      apiKey,
      hosts: new Set(allowedHosts(host, port)),
      webDir,
      settled: async () => {
        // Relaying publishes events and counting them changes nothing upstream: two passes suffice,
        // a third catches changes made by schedules that fired meanwhile.
        for (let pass = 0; pass < 3; pass++) {
          await Promise.all([...local.values()].map((t) => t.functions.idle()));
          await bus.settled();
        }
      },
      pages: {
        landing: `${url}/`,
        dashboard: `${url}/dashboard/`,
        console: `${url}/console/`,
        inbox: `${url}/inbox/`,
      },
      stop: async () => {
        clock.stop();
        desk.stop();
        const sweeps = Promise.all([...local.values()].map((t) => t.functions.stop()));
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        // Let relayed changes and counted events finish before the tables go away.
        await Promise.race([
          Promise.all([centre.settled(), sweeps]),
          new Promise((resolve) => setTimeout(resolve, 5000).unref()),
        ]);
        await dynamo.stop();
      },
    };
    server.on("request", (request, response) => void routeRequest(centre, request, response));
    return centre;
  } catch (error) {
    server.close();
    await dynamo.stop();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `port ${port}: already in use (is the local centre running? choose another with --port)`,
            )
          : error,
      );
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
