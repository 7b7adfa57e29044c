/**
 * What an alert says is read when it is sent: a position the caller shared through the location
 * link after classification goes out with the next step.
 */
import { classifyIncident } from "../../../lambdas/calltaker-api/operations";
import { handleCallTakerRequest } from "../../../lambdas/calltaker-api/routes";
import { handleLocationRequest } from "../../../lambdas/location/location-routes";
import { LOCATION_BASE, startCentre, type TestCentre } from "../support/centre";
import { startDynalite, type TestTable } from "../support/dynalite";

let db: TestTable;
let centre: TestCentre;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.close());
beforeEach(async () => {
  centre = await startCentre(db);
});

const request = (method: string, path: string, body?: unknown) => ({
  method,
  path,
  headers: { "content-type": "application/json" },
  query: {},
  body: body === undefined ? undefined : JSON.stringify(body),
  authorized: true,
  identity: { subject: "test:petugas", username: "petugas", groups: ["call-taker"] },
});

/** The caller shares a position through the link the call-taker's request sent them. */
async function callerShares(lat: number, lon: number): Promise<void> {
  const text = centre.callerSms.at(-1)!.text;
  const link = text.slice(text.indexOf(LOCATION_BASE) + LOCATION_BASE.length);
  const shared = await handleLocationRequest(
    centre.location,
    request("POST", link, { outcome: "shared", lat, lon, accuracy: 8, fixAt: centre.now() }),
  );
  expect(shared.statusCode).toBe(200);
}

describe("an alert's coordinates", () => {
  it("are the caller's shared position on a step sent after it arrived, not on the one before", async () => {
    const id = await centre.call();
    await handleCallTakerRequest(centre.api, request("POST", `/incidents/${id}/location-request`));
    await classifyIncident(centre.api, id, {
      category: "crime",
      severity: "high",
      location: { text: "Pasar 45" },
    });
    await centre.drain();
    expect(centre.sent.map((a) => a.email.body.includes("Koordinat"))).toEqual([false]);

    await callerShares(1.4921, 124.8409);
    centre.advance(5 * 60_000);
    await centre.fireDue();
    expect(centre.sent).toHaveLength(2);
    expect(centre.sent[1]!.email.body).toContain(
      "Koordinat    : 1.4921, 124.8409 (https://www.openstreetmap.org/?mlat=1.4921&mlon=124.8409)",
    );
  });

  it("stay the call-taker's own when they classified with coordinates", async () => {
    const id = await centre.call();
    await handleCallTakerRequest(centre.api, request("POST", `/incidents/${id}/location-request`));
    await callerShares(1.4921, 124.8409);
    await classifyIncident(centre.api, id, {
      category: "crime",
      severity: "high",
      location: { text: "Seberang sungai", lat: 1.5, lon: 124.85 },
    });
    await centre.drain();
    expect(centre.sent[0]!.email.body).toContain("Koordinat    : 1.5, 124.85");
  });
});
