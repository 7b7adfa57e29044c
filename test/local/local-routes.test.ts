import { request as httpRequest } from "node:http";
import { consolePageSettings } from "../../domain/console-settings";
import { type LocalCentre, startLocalCentre } from "../../local/centre";

let centre: LocalCentre;
beforeAll(async () => {
  centre = await startLocalCentre({ port: 0 });
});
afterAll(() => centre.stop());

/** A raw request, so the test can send any Host, Origin and Sec-Fetch-Site a browser page might. */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const { port } = new URL(centre.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const own = () => new URL(centre.url).host;
const clock = async () => ((await (await fetch(`${centre.url}/local/clock`)).json()) as { now: string }).now;

describe("the local centre refuses what another site's page could make a browser send (issue 11)", () => {
  it("answers only to its own Host names (no DNS rebinding)", async () => {
    const { port } = new URL(centre.url);
    const rebound = await send("GET", "/local/tenants", { host: `evil.example:${port}` });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.text).error).toContain(
      `Host "evil.example:${port}": the local centre answers only to`,
    );
    expect((await send("GET", "/local/tenants", { host: `localhost:${port}` })).status).toBe(200);
    expect((await send("GET", "/local/tenants", { host: own() })).status).toBe(200);
  });

  it("refuses a cross-origin text/plain POST that would place a call or move the clock", async () => {
    const before = await clock();
    const call = await send(
      "POST",
      "/local/calls",
      { host: own(), origin: "http://evil.example", "content-type": "text/plain" },
      JSON.stringify({ tenant: "31", inputs: ["2"] }),
    );
    expect(call.status).toBe(403);
    expect(JSON.parse(call.text).error).toBe(
      'POST from origin "http://evil.example": the local centre accepts changes only from its own pages',
    );
    const advance = await send(
      "POST",
      "/local/clock/advance",
      { host: own(), "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      JSON.stringify({ minutes: 60 }),
    );
    expect(advance.status).toBe(403);
    const nullOrigin = await send("POST", "/local/clock/advance", { host: own(), origin: "null" }, "{}");
    expect(nullOrigin.status).toBe(403);
    // The clock runs on by itself; the refused jump would have added an hour.
    expect(Date.parse(await clock()) - Date.parse(before)).toBeLessThan(60_000);
  });

  it("accepts changes from its own pages and from the CLI", async () => {
    const page = await send(
      "POST",
      "/local/clock/advance",
      { host: own(), origin: centre.url, "sec-fetch-site": "same-origin" },
      JSON.stringify({ minutes: 0 }),
    );
    expect(page.status).toBe(200);
    const cli = await send("POST", "/local/clock/advance", { host: own() }, JSON.stringify({ minutes: 0 }));
    expect(cli.status).toBe(200);
  });

  it("keeps the API key out of GET /local/tenants and gives it only to its own pages and the CLI", async () => {
    const tenants = await send("GET", "/local/tenants", { host: own() });
    expect(tenants.text).not.toContain(centre.apiKey);
    expect(JSON.parse(tenants.text)).not.toHaveProperty("apiKey");

    const plain = await send("GET", "/local/console-key", { host: own() });
    expect(plain.status).toBe(403);
    expect(plain.text).not.toContain(centre.apiKey);
    const crossSite = await send("GET", "/local/console-key", {
      host: own(),
      "x-siaga112-client": "console",
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    const page = await send("GET", "/local/console-key", {
      host: own(),
      "x-siaga112-client": "console",
      "sec-fetch-site": "same-origin",
    });
    expect(JSON.parse(page.text)).toEqual({ apiKey: centre.apiKey });
  });

  it("grants no CORS preflight, so another site's page cannot send the client header", async () => {
    const preflight = await send("OPTIONS", "/local/console-key", {
      host: own(),
      origin: "http://evil.example",
      "access-control-request-method": "GET",
      "access-control-request-headers": "x-siaga112-client",
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("GET /local/tenants", () => {
  it("gives the console each tenant exactly as the tenant's settings file in the cloud has it, and the local phone panel", async () => {
    const answer = JSON.parse((await send("GET", "/local/tenants", { host: own() })).text);
    const settings = [...centre.tenants.values()].map(({ tenant }) => consolePageSettings(tenant));
    expect(answer.tenants).toEqual(settings.map((s) => s.tenant));
    expect(answer.labels).toEqual(settings[0]!.labels);
    expect(answer.roleActs).toEqual(settings[0]!.roleActs);
    expect(answer.phonePanel).toEqual({ kind: "local" });
  });
});
