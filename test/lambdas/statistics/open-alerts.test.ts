/**
 * Open alerts against dynalite: an alert is open from its first EscalationSent until its
 * acknowledgement or its incident's close, whatever order the events arrive in.
 */
import type { IncidentEvent } from "../../../domain/incident-events";
import { OpenAlertItems } from "../../../lambdas/statistics/open-alerts";
import { type LocalDynamo, startDynalite } from "../../../local/dynalite-server";
import { acknowledged, closed, sent } from "../../domain/statistics-events";
import { freshStatisticsTable } from "../support/statistics-table";

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());

const now = Date.parse("2026-11-27T02:00:00Z");
async function alertsAfter(events: readonly IncidentEvent[]): Promise<OpenAlertItems> {
  const name = await freshStatisticsTable(dynamo, "alerts");
  const alerts = new OpenAlertItems(dynamo.documents, name, () => now);
  for (const e of events) await alerts.apply(e);
  return alerts;
}
const open = async (
  alerts: OpenAlertItems,
  scope: Parameters<OpenAlertItems["read"]>[0] = { kind: "nation" },
) =>
  (await alerts.read(scope, now)).items.map(
    (a) => `${a.tenant} ${a.incidentId} ${a.agency} r${a.round}s${a.step}`,
  );

const fire = { incidentId: "f", agency: "damkar" };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 1, minute)).toISOString();

describe("open alerts", () => {
  it("keeps an alert open with the furthest step and the first send time, in any order", async () => {
    const alerts = await alertsAfter([
      sent("fire", { ...fire, step: 1, at: at(5) }),
      sent("fire", { ...fire, step: 0, at: at(0) }),
      sent("fire", { ...fire, step: 0, round: 1, at: at(12) }),
    ]);
    const [alert] = (await alerts.read({ kind: "nation" }, now)).items;
    expect(alert).toEqual({
      tenant: "71.71",
      province: "71",
      incidentId: "f",
      agency: "damkar",
      agencyKind: "fire",
      firstSentAt: at(0),
      lastSentAt: at(12),
      round: 1,
      step: 0,
    });
  });

  it("closes an alert on its acknowledgement, even one that arrives before the alert", async () => {
    expect(
      await open(
        await alertsAfter([
          sent("fire", { ...fire, at: at(0) }),
          acknowledged("fire", 60, { ...fire, at: at(1) }),
        ]),
      ),
    ).toEqual([]);
    expect(
      await open(
        await alertsAfter([
          acknowledged("fire", 60, { ...fire, at: at(1) }),
          sent("fire", { ...fire, at: at(0) }),
        ]),
      ),
    ).toEqual([]);
  });

  it("closes every alert of an incident when it closes, and keeps later ones closed", async () => {
    const alerts = await alertsAfter([
      sent("fire", { ...fire, at: at(0) }),
      sent("police", { incidentId: "f", agency: "polres", at: at(0) }),
      sent("police", { incidentId: "other", agency: "polres", at: at(0) }),
      closed("genuine", { incidentId: "f", at: at(30) }),
      sent("fire", { ...fire, step: 1, at: at(5) }), // delivered late, after the close
      sent("sar", { incidentId: "f", agency: "basarnas", at: at(6) }),
    ]);
    expect(await open(alerts)).toEqual(["71.71 other polres r0s0"]);
  });

  it("reads one province or kab/kota by prefix", async () => {
    const alerts = await alertsAfter([
      sent("fire", { ...fire, at: at(0) }),
      sent("police", { tenant: "35.78", province: "35", incidentId: "s", agency: "polres", at: at(0) }),
      sent("police", { tenant: "35.15", province: "35", incidentId: "t", agency: "polres", at: at(0) }),
    ]);
    expect(await open(alerts, { kind: "province", province: "35" })).toEqual([
      "35.15 t polres r0s0",
      "35.78 s polres r0s0",
    ]);
    expect(await open(alerts, { kind: "tenant", province: "71", tenant: "71.71" })).toEqual([
      "71.71 f damkar r0s0",
    ]);
  });

  it("leaves out alerts past their expiry that TTL has not deleted yet", async () => {
    const alerts = await alertsAfter([sent("fire", { ...fire, at: at(0) })]);
    expect((await alerts.read({ kind: "nation" }, now + 8 * 86_400_000)).items).toEqual([]);
  });
});
