import fc from "fast-check";
import { INCIDENT_CATEGORIES } from "../../domain/categories";
import { SEVERITIES } from "../../domain/incident";
import {
  type AlertContent,
  alertEmail,
  alertSms,
  digestEmail,
  digestSms,
  SmsTooLongError,
} from "../../domain/messages";
import { gsm7Length, gsm7Segments, isGsm7, toGsm7, truncateGsm7 } from "../../domain/messages-gsm7";

const FUNCTION_URL = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.ap-southeast-3.on.aws";
const longestToken = `K7Q2XM.${"a".repeat(40)}.${(2 ** 40).toString(36)}.${"X".repeat(12)}`;
/** A board token of the longest agency and contact ids the tenant schema allows (30 each). */
const longestBoard = `${"a".repeat(30)}.${"b".repeat(30)}.${(2 ** 40).toString(36)}.${"X".repeat(12)}`;
const typical: AlertContent = {
  tenantName: "Kota Manado",
  agencyName: "Dinas Pemadam Kebakaran Kota Manado",
  shortCode: "K7Q2XM",
  category: "fire",
  severity: "critical",
  locationText: "Jl. Sam Ratulangi No. 12, dekat Gereja Sentrum",
  callerNumber: "+6281234567890",
  ackUrl: "https://112.manadokota.go.id/a/K7Q2XM.damkar.t3k9zz.AbCdEfGhIjKl",
  boardUrl: "https://112.manadokota.go.id/p/damkar.piket.t3k9zz.AbCdEfGhIjKl",
  round: 0,
  step: 0,
  receivedAtLocal: "27/11/2026 21:04 WITA",
};

describe("the alert SMS", () => {
  it("fits one GSM-7 segment for a typical alert with a short link, holding code, category, location, caller and board link", () => {
    const sms = alertSms(typical);
    expect(isGsm7(sms)).toBe(true);
    expect(gsm7Segments(sms)).toBe(1);
    for (const part of ["#K7Q2XM", "KEBAKARAN", "Sam Ratulangi", "081234567890", typical.boardUrl]) {
      expect(sms).toContain(part);
    }
  });

  it("never takes more than two segments on worst-case inputs, and keeps the link whole", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INCIDENT_CATEGORIES),
        fc.constantFrom(...SEVERITIES),
        fc.string({ unit: "binary", maxLength: 600 }),
        fc.constantFrom("Kota Manado", "Kabupaten Kepulauan Siau Tagulandang Biaro", "Provinsi DKI Jakarta"),
        fc.option(fc.stringMatching(/^\+[0-9]{15}$/), { nil: undefined }),
        fc.constantFrom(typical.boardUrl, `${FUNCTION_URL}/p/${longestBoard}`),
        fc.nat({ max: 5 }),
        (category, severity, locationText, tenantName, callerNumber, url, round) => {
          const sms = alertSms({
            ...typical,
            category,
            severity,
            locationText,
            tenantName,
            callerNumber,
            boardUrl: url,
            round,
          });
          expect(isGsm7(sms)).toBe(true);
          expect(gsm7Segments(sms)).toBeLessThanOrEqual(2);
          expect(sms.endsWith(url)).toBe(true);
          expect(sms).toContain("#K7Q2XM");
        },
      ),
    );
  });

  it("says a reminder is a reminder and when the caller has no number", () => {
    const sms = alertSms({ ...typical, step: 1, callerNumber: undefined });
    expect(sms).toContain("ULANG");
    expect(sms).toContain("Pelapor tanpa nomor");
  });

  it("refuses a link so long no SMS of two segments can carry it, naming the URL", () => {
    expect(() => alertSms({ ...typical, boardUrl: `https://x.example/${"a".repeat(300)}` })).toThrow(
      SmsTooLongError,
    );
    expect(() => alertSms({ ...typical, boardUrl: `https://x.example/${"a".repeat(300)}` })).toThrow(
      "boardUrl",
    );
  });
});

describe("GSM-7 text", () => {
  it("straightens quotes, drops accents and emoji, and counts extension characters twice", () => {
    expect(toGsm7("Jl. “Sudirman” — dekat café 🚒")).toBe('Jl. "Sudirman" - dekat cafe');
    expect(gsm7Length("a[b]")).toBe(6);
    expect(truncateGsm7("Jalan Sam Ratulangi", 10)).toBe("Jalan Sa..");
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => expect(isGsm7(toGsm7(text))).toBe(true)));
  });
});

describe("the alert e-mail", () => {
  it("carries the notes, coordinates, caller and link in Indonesian", () => {
    const email = alertEmail({
      ...typical,
      notes: "Dua rumah terbakar",
      coordinates: { lat: 1.4931, lon: 124.8413 },
    });
    expect(email.subject).toBe("[112 Kota Manado] KEBAKARAN (kritis) #K7Q2XM");
    expect(email.body).toContain("Catatan      : Dua rumah terbakar");
    expect(email.body).toContain("mlat=1.4931&mlon=124.8413");
    expect(email.body).toContain("081234567890");
    expect(email.body).toContain(typical.ackUrl);
    expect(email.body).toContain(typical.boardUrl);
    expect(alertEmail({ ...typical, round: 1 }).subject).toContain("PENGINGAT");
  });
});

describe("the reminder digest", () => {
  const items = Array.from({ length: 40 }, (_, i) => ({
    shortCode: `A${String(i).padStart(5, "0")}`,
    category: INCIDENT_CATEGORIES[i % INCIDENT_CATEGORIES.length]!,
    ackUrl: `${FUNCTION_URL}/a/${longestToken}`,
  }));
  const board = `${FUNCTION_URL}/p/${longestBoard}`;

  it("bundles many held reminders into at most two segments, ending with the contact's board", () => {
    const sms = digestSms("Kabupaten Kepulauan Siau Tagulandang Biaro", items, board);
    expect(isGsm7(sms)).toBe(true);
    expect(gsm7Segments(sms)).toBeLessThanOrEqual(2);
    expect(sms).toContain("40 insiden menunggu konfirmasi");
    expect(sms).toMatch(/\+\d+ lain/);
    expect(sms.endsWith(board)).toBe(true);
    expect(sms).toContain(`#${items[0]!.shortCode}`);
  });

  it("names only the incidents it is given, whatever their number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        const sms = digestSms("Kota Manado", items.slice(0, n), board);
        expect(gsm7Segments(sms)).toBeLessThanOrEqual(2);
        for (const { shortCode } of items.slice(n)) expect(sms).not.toContain(`#${shortCode}`);
      }),
    );
    expect(() => digestSms("Kota Manado", [], board)).toThrow(RangeError);
  });

  it("e-mails every reminder with its own link, and the board", () => {
    const email = digestEmail("Kota Manado", "Damkar", items.slice(0, 3), board);
    expect(email.subject).toBe("[112 Kota Manado] PENGINGAT: 3 insiden menunggu konfirmasi");
    expect(email.body.split("\n").filter((line) => line.includes("/a/"))).toHaveLength(3);
    expect(email.body).toContain(board);
  });
});
