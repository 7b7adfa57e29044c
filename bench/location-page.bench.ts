/**
 * Caller location page benchmark (figures for bench/RESULTS.md, section "Caller location page"):
 * the bytes a caller's phone downloads for the page behind the SMS link (body raw, gzip and
 * brotli; the response headers), served through the location function's plain HTTP handler
 * against dynalite exactly as the function answers; the time that takes on assumed slow links
 * (transfer time + one round trip, TLS and DNS not counted); the SMS's length in GSM-7 segments
 * with a real function URL; and the handler's warm GET latency.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { createIncidentTableInput } from "../domain/incident-table";
import { locationRequestSms } from "../domain/location-request";
import { gsm7Length, gsm7Segments } from "../domain/messages-gsm7";
import { toRuntimeConfig } from "../domain/tenant-runtime";
import { handleCallTakerRequest } from "../lambdas/calltaker-api/routes";
import { recordCall } from "../lambdas/intake/record-call";
import { handleLocationRequest } from "../lambdas/location/location-routes";
import type { CallerSmsMessage, HttpRequest } from "../lambdas/shared/ports";
import { startDynalite } from "../local/dynalite-server";
import { requireRegistry } from "../registry/load-registry";

/** Assumed links: GPRS-class and EDGE-class 2G (downlink kbit/s, round trip ms). */
const LINKS = [
  { name: "2G GPRS-class (50 kbit/s, RTT 700 ms)", kbps: 50, rttMs: 700 },
  { name: "2G EDGE-class (200 kbit/s, RTT 500 ms)", kbps: 200, rttMs: 500 },
];
const FUNCTION_URL = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.ap-southeast-3.on.aws";

async function main(): Promise<void> {
  const dynamo = await startDynalite();
  try {
    const tableName = "siaga112-bench-location";
    await dynamo.client.send(new CreateTableCommand(createIncidentTableInput(tableName) as never));
    const tenant = toRuntimeConfig(
      requireRegistry({ dir: "tenants" }).tenants.find((t) => t.code === "71.71")!,
    );
    const sms: CallerSmsMessage[] = [];
    const secret = { get: async () => ({ current: "bench-secret-0123456789abcdef0123456789" }) };
    const base = {
      tenant,
      db: dynamo.documents,
      tableName,
      clock: Date,
      log: { info: () => {}, warn: () => {}, error: () => {} },
      metrics: { count: () => {} },
    };
    const id = randomUUID();
    await recordCall({ tenant, dynamodb: dynamo.client, tableName, clock: Date, log: () => {} }, {
      Name: "ContactFlowEvent",
      Details: {
        ContactData: {
          ContactId: id,
          InitialContactId: id,
          Channel: "VOICE",
          InitiationMethod: "INBOUND",
          InstanceARN: "arn:aws:connect:ap-southeast-1:111111111111:instance/abc",
          CustomerEndpoint: { Address: "+6281234567890", Type: "TELEPHONE_NUMBER" },
          SystemEndpoint: { Address: "+62431860112", Type: "TELEPHONE_NUMBER" },
          Queue: null,
          Attributes: {},
        },
        Parameters: {},
      },
    } as never);
    const request = (method: string, path: string): HttpRequest => ({
      method,
      path,
      headers: {},
      query: {},
      authorized: true,
    });
    await handleCallTakerRequest(
      { ...base, location: { sms: { send: async (m) => void sms.push(m) }, secret, baseUrl: FUNCTION_URL } },
      request("POST", `/incidents/${id}/location-request`),
    );
    const text = sms[0]!.text;
    const path = text.slice(text.indexOf(FUNCTION_URL) + FUNCTION_URL.length);
    const page = await handleLocationRequest({ ...base, secret }, request("GET", path));
    if (page.statusCode !== 200) throw new Error(`GET ${path}: ${page.statusCode}`);

    const raw = Buffer.byteLength(page.body);
    const gzip = gzipSync(page.body, { level: 9 }).length;
    const brotli = brotliCompressSync(page.body).length;
    const headers = Object.entries(page.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0) + 17;
    console.log(
      `page body: ${raw} B raw, ${gzip} B gzip -9, ${brotli} B brotli; response headers about ${headers} B`,
    );
    for (const link of LINKS) {
      const seconds = (bytes: number) => (link.rttMs + ((bytes + headers) * 8) / link.kbps) / 1000;
      console.log(
        `${link.name}: ${seconds(raw).toFixed(2)} s as served (uncompressed), ${seconds(gzip).toFixed(2)} s if gzip'd`,
      );
    }
    console.log(`SMS with a function URL: ${gsm7Length(text)} septets, ${gsm7Segments(text)} segment(s)`);
    const longName = locationRequestSms({
      tenantName: "Kabupaten Kepulauan Siau Tagulandang Biaro",
      shortCode: "K7Q2XM",
      url: `${FUNCTION_URL}${path}`,
      linkMinutes: 1440,
    });
    console.log(
      `longest tenant name, 24 h link: ${gsm7Length(longName)} septets, ${gsm7Segments(longName)} segment(s)`,
    );

    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await handleLocationRequest({ ...base, secret }, request("GET", path));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `GET page, warm, against dynalite (200 runs): p50 ${times[100]!.toFixed(2)} ms, p99 ${times[198]!.toFixed(2)} ms`,
    );
  } finally {
    await dynamo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
