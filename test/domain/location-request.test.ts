import fc from "fast-check";
import {
  LOCATION_REQUEST_POLICY,
  locationRequestRefusal,
  locationRequestSms,
  refusalMessageId,
  requestSentMessageId,
} from "../../domain/location-request";
import { SmsTooLongError } from "../../domain/messages";
import { gsm7Length, gsm7Segments, isGsm7 } from "../../domain/messages-gsm7";

const now = Date.parse("2026-11-27T13:04:00Z");
const at = (secondsAgo: number) => ({
  at: new Date(now - secondsAgo * 1000).toISOString(),
  linkExpiresAt: new Date(now + 3_600_000).toISOString(),
});
const open = { state: "received" as const, callerNumber: "+6281234567890" };

describe("when a call-taker may ask the caller for their location", () => {
  it("asks a caller with a number on an open incident", () => {
    expect(locationRequestRefusal(open, now)).toBeUndefined();
    expect(
      locationRequestRefusal({ ...open, state: "escalated", locationRequests: [at(61)] }, now),
    ).toBeUndefined();
  });

  it("refuses without a number, on a closed incident, too soon after the last SMS and beyond the limit", () => {
    expect(locationRequestRefusal({ state: "received" }, now)).toEqual({ refusal: "no-caller-number" });
    expect(locationRequestRefusal({ ...open, state: "closed" }, now)).toEqual({ refusal: "closed" });
    expect(locationRequestRefusal({ ...open, locationRequests: [at(20)] }, now)).toEqual({
      refusal: "too-soon",
      retryAfterSeconds: 40,
    });
    expect(locationRequestRefusal({ ...open, locationRequests: [at(300), at(200), at(100)] }, now)).toEqual({
      refusal: "limit-reached",
    });
    expect(LOCATION_REQUEST_POLICY).toEqual({ maxPerIncident: 3, minSecondsBetween: 60 });
  });

  it("explains each refusal in Bahasa Indonesia", () => {
    expect(refusalMessageId({ refusal: "no-caller-number" })).toContain("tanpa nomor");
    expect(refusalMessageId({ refusal: "closed" })).toContain("insiden sudah ditutup");
    expect(refusalMessageId({ refusal: "limit-reached" })).toContain("sudah 3 kali");
    expect(refusalMessageId({ refusal: "too-soon", retryAfterSeconds: 40 })).toContain("Tunggu 40 detik");
    expect(
      requestSentMessageId("+6281234567890", "2026-11-27T14:04:00.000Z", { name: "WITA", utcOffsetHours: 8 }),
    ).toBe("SMS permintaan lokasi dikirim ke +62*********90. Tautan berlaku sampai 27/11/2026 22:04 WITA.");
  });
});

describe("the SMS to the caller", () => {
  const functionUrl =
    "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.ap-southeast-3.on.aws/l/K7Q2XM.t3k9zz.AbCdEfGhIjKl";

  it("names the centre, the incident, the link and how long it works, in GSM-7", () => {
    const sms = locationRequestSms({
      tenantName: "Kota Manado",
      shortCode: "K7Q2XM",
      url: functionUrl,
      linkMinutes: 60,
    });
    expect(sms).toBe(
      `112 Kota Manado: petugas meminta lokasi Anda untuk insiden #K7Q2XM. Buka (berlaku 60 menit): ${functionUrl}`,
    );
    expect(isGsm7(sms)).toBe(true);
    expect(gsm7Segments(sms)).toBe(2);
    expect(
      locationRequestSms({
        tenantName: "Kota Manado",
        shortCode: "K7Q2XM",
        url: "https://112.id/l/x",
        linkMinutes: 180,
      }),
    ).toContain("(berlaku 3 jam)");
  });

  it("fits one segment with a short link and never takes more than two, whatever the centre's name", () => {
    expect(
      gsm7Segments(
        locationRequestSms({
          tenantName: "Kota Manado",
          shortCode: "K7Q2XM",
          url: "https://112.id/l/K7Q2XM.t3k9zz.AbCdEfGhIjKl",
          linkMinutes: 60,
        }),
      ),
    ).toBe(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 5, max: 1440 }), (name, minutes) => {
        const sms = locationRequestSms({
          tenantName: name,
          shortCode: "K7Q2XM",
          url: functionUrl,
          linkMinutes: minutes,
        });
        expect(gsm7Length(sms)).toBeLessThanOrEqual(306);
        expect(sms).toContain(functionUrl);
      }),
    );
  });

  it("refuses a link too long for two segments, naming the URL", () => {
    expect(() =>
      locationRequestSms({
        tenantName: "Kota Manado",
        shortCode: "K7Q2XM",
        url: `https://x.example/${"a".repeat(300)}`,
        linkMinutes: 60,
      }),
    ).toThrow(SmsTooLongError);
  });
});
