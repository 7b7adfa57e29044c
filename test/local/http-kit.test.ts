import type { IncomingMessage } from "node:http";
import { allowedHosts, checkRequestSource, type HttpError } from "../../local/http-kit";

const request = (method: string, headers: Record<string, string>) =>
  ({ method, headers }) as unknown as IncomingMessage;

describe("the local centre's request guard", () => {
  it("lists the loopback names on the port, plus the address it listens on", () => {
    expect(allowedHosts("127.0.0.1", 8112)).toEqual(["127.0.0.1:8112", "localhost:8112", "[::1]:8112"]);
    expect(allowedHosts("192.168.1.5", 8112)).toContain("192.168.1.5:8112");
    expect(allowedHosts("127.0.0.1", 80)).toContain("localhost");
  });

  it("refuses another Host with 421 and another origin's change with 403", () => {
    const hosts = new Set(allowedHosts("127.0.0.1", 8112));
    const status = (method: string, headers: Record<string, string>) => {
      try {
        checkRequestSource(request(method, headers), hosts);
        return 200;
      } catch (error) {
        return (error as HttpError).status;
      }
    };
    expect(status("GET", { host: "attacker.example:8112" })).toBe(421);
    expect(status("GET", {})).toBe(421);
    expect(status("GET", { host: "localhost:8112", origin: "http://attacker.example" })).toBe(200);
    expect(status("POST", { host: "localhost:8112", origin: "http://attacker.example" })).toBe(403);
    expect(status("POST", { host: "localhost:8112", origin: "https://localhost:8112" })).toBe(403);
    expect(status("DELETE", { host: "localhost:8112", "sec-fetch-site": "same-site" })).toBe(403);
    expect(status("POST", { host: "localhost:8112", origin: "http://127.0.0.1:8112" })).toBe(200);
    expect(status("POST", { host: "localhost:8112" })).toBe(200);
    // A same-origin form on a no-referrer page (the acknowledgement page) sends Origin: null.
    expect(status("POST", { host: "localhost:8112", origin: "null", "sec-fetch-site": "same-origin" })).toBe(
      200,
    );
    expect(status("POST", { host: "localhost:8112", origin: "null" })).toBe(403);
    expect(status("POST", { host: "localhost:8112", origin: "null", "sec-fetch-site": "cross-site" })).toBe(
      403,
    );
  });
});
