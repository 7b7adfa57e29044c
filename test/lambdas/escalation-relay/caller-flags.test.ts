/**
 * Caller flags have one owner: intake stores the flags it answered the flow with on the incident
 * (so a Connect retry gets the first answer); the console reads them there, and the relay's
 * IncidentReceived event carries the same ones.
 */
import { readIncident } from "../../../lambdas/calltaker-api/operations";
import { centrePerTest } from "../support/centre";

const t = centrePerTest();

it("shows a repeat caller's flags as intake answered them, before and after the relay, and in the event", async () => {
  const first = await t.centre.call("+6281244440000");
  t.centre.advance(60_000);
  const second = await t.centre.call("+6281244440000");
  expect(await readIncident(t.centre.api, second)).toMatchObject({
    repeatCaller: true,
    suspectedPrank: false,
  });
  expect(await readIncident(t.centre.api, first)).toMatchObject({
    repeatCaller: false,
    suspectedPrank: false,
  });
  await t.centre.drain();
  expect(await readIncident(t.centre.api, second)).toMatchObject({
    repeatCaller: true,
    suspectedPrank: false,
  });
  const received = t.centre.events.filter((e) => e.type === "IncidentReceived" && e.incidentId === second);
  expect(received).toEqual([expect.objectContaining({ repeatCaller: true, suspectedPrank: false })]);
});
