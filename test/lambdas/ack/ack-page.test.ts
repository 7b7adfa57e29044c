import type { Incident } from "../../../domain/incident";
import { findAgency } from "../../../domain/tenant-runtime";
import { ackPage } from "../../../lambdas/ack/ack-page";
import { manadoRuntime } from "../support/tenant";

const tenant = manadoRuntime();
const incident: Incident = {
  incidentId: "c0ffee",
  shortCode: "K7Q2XM",
  state: "escalated",
  receivedAt: "2026-11-27T13:00:00.000Z",
  callerNumber: "+6281234567890",
  category: "fire",
  severity: "high",
  location: { text: "Pasar Bersehati" },
  version: 2,
};
const link = (callerLocations?: Incident["callerLocations"]) => ({
  incident: { ...incident, ...(callerLocations ? { callerLocations } : {}) },
  agency: findAgency(tenant, "damkar")!,
  alert: {
    incidentId: "c0ffee",
    agencyId: "damkar",
    agencyKind: "fire",
    status: "alerted" as const,
    round: 0,
    step: 0,
    version: 1,
  },
});

describe("the agency's page", () => {
  it("shows the caller's shared position with accuracy, local fix time and a map link, and their words", () => {
    const page = ackPage(
      tenant,
      link([
        {
          outcome: "shared",
          receivedAt: "2026-11-27T13:04:30.000Z",
          position: { lat: 1.4748, lon: 124.8421, accuracyMeters: 12, fixAt: "2026-11-27T13:04:25.000Z" },
        },
        { outcome: "denied", receivedAt: "2026-11-27T13:06:00.000Z" },
        { outcome: "described", receivedAt: "2026-11-27T13:07:00.000Z", description: "Depan <toko> emas" },
      ]),
    );
    expect(page).toContain("<dt>Lokasi penelepon</dt><dd>1.4748, 124.8421 (±12 m, 27/11/2026 21:04 WITA)");
    expect(page).toContain(
      'href="https://www.openstreetmap.org/?mlat=1.4748&#38;mlon=124.8421#map=17/1.4748/124.8421"',
    );
    expect(page).toContain("<dt>Keterangan penelepon</dt><dd>Depan &#60;toko&#62; emas</dd>");
  });

  it("says the caller refused when no position came, and shows nothing when the caller was never asked", () => {
    expect(ackPage(tenant, link([{ outcome: "denied", receivedAt: "2026-11-27T13:06:00.000Z" }]))).toContain(
      "<dt>Lokasi penelepon</dt><dd>izin lokasi ditolak penelepon</dd>",
    );
    expect(ackPage(tenant, link())).not.toContain("Lokasi penelepon");
  });
});
