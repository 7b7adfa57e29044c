/**
 * The relay stores the caller flags intake answered the flow with on the incident (for the
 * console), so that intake keeps its single round trip.
 */
import { readIncident } from "../../../lambdas/calltaker-api/operations";
import { startCentre, type TestCentre } from "../support/centre";
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

it("stores a repeat caller's flags on the incident, the same as intake's answer, and nothing for a first call", async () => {
  const first = await centre.call("+6281244440000");
  centre.advance(60_000);
  const second = await centre.call("+6281244440000");
  await centre.drain();
  expect(await readIncident(centre.api, second)).toMatchObject({ repeatCaller: true, suspectedPrank: false });
  expect((await readIncident(centre.api, first)).repeatCaller).toBeUndefined();
  const received = centre.events.filter((e) => e.type === "IncidentReceived" && e.incidentId === second);
  expect(received).toEqual([expect.objectContaining({ repeatCaller: true, suspectedPrank: false })]);
});
