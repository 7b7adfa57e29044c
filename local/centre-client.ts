/**
 * A client of a running local centre, for the phone (`siaga112 call`), the traffic generator,
 * the benchmark and the end-to-end test. It only uses what a browser or phone could use: HTTP.
 */
import type { InboxMessage } from "./agency-inbox";
import { CLIENT_HEADER } from "./http-kit";
import type { CallReport, CallRequest } from "./local-calls";

export interface CentreTenant {
  readonly code: string;
  readonly name: string;
  readonly province: { readonly code: string; readonly name: string };
  readonly categoryMenu: boolean;
  /** IANA zone, e.g. `Asia/Makassar`. */
  readonly timeZone: string;
  readonly agencies: readonly { readonly id: string; readonly kind: string; readonly name: string }[];
}

export interface CentreInfo {
  readonly now: string;
  readonly tenants: readonly CentreTenant[];
}

/**
 * @example
 * const client = new CentreClient("http://127.0.0.1:8112");
 * const report = await client.call({ tenant: "71.71", inputs: [] });
 */
export class CentreClient {
  private info?: Promise<CentreInfo>;
  private key?: Promise<string>;

  constructor(readonly baseUrl: string) {}

  /** The centre's tenants (fetched once). */
  centre(): Promise<CentreInfo> {
    this.info ??= this.json<CentreInfo>("GET", "/local/tenants");
    return this.info;
  }

  /** A tenant by code (`71.71`), slug-like name (`kota-manado`) or name (`Kota Manado`). */
  async resolveTenant(query: string): Promise<CentreTenant> {
    const { tenants } = await this.centre();
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, "-");
    const found = tenants.find((t) => t.code === query) ?? tenants.find((t) => norm(t.name) === norm(query));
    if (!found)
      throw new Error(
        `tenant "${query}": not running on ${this.baseUrl}; one of ${tenants.map((t) => `${t.code} (${t.name})`).join(", ")}`,
      );
    return found;
  }

  call(request: CallRequest & { readonly tenant: string }): Promise<CallReport> {
    return this.json("POST", "/local/calls", request);
  }

  async inbox(filter: { tenant?: string; after?: number; text?: string } = {}): Promise<InboxMessage[]> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined) q.set(k, String(v));
    return (await this.json<{ messages: InboxMessage[] }>("GET", `/local/inbox?${q}`)).messages;
  }

  /** The call-taker API key, which the centre gives its own pages and the CLI only (fetched once). */
  apiKey(): Promise<string> {
    this.key ??= this.json<{ apiKey: string }>("GET", "/local/console-key", undefined, {
      [CLIENT_HEADER]: "siaga112-cli",
    }).then((answer) => answer.apiKey);
    return this.key;
  }

  /** A request to the tenant's call-taker API, with the console key. */
  async callTaker<T>(tenant: string, method: string, path: string, body?: unknown): Promise<T> {
    return this.json(method, `/t/${tenant}/api${path}`, body, { "x-siaga112-key": await this.apiKey() });
  }

  /** Acts on an acknowledgement link the way the page's button does (a form POST). */
  async postForm(url: string, form: Record<string, string>): Promise<{ status: number; text: string }> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, text: await response.text() };
  }

  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new Error(
        `local centre ${this.baseUrl}: not reachable (${(error as Error).message}); start it with "npm start"`,
      );
    }
    const text = await response.text();
    const value = text ? (JSON.parse(text) as T & { error?: string }) : ({} as T & { error?: string });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${value.error ?? text}`);
    return value;
  }
}
