/**
 * The dashboard's Cognito sign-in (web/dashboard/cognito-srp.js) against an independent server-side
 * SRP implementation: the right password and authenticator code give a token, anything else not.
 */
import { type FakeCognito, startFakeCognito } from "./fake-cognito";

interface SignInModule {
  padHex(value: bigint): string;
  cognitoTimestamp(date: Date): string;
  signIn(
    config: FakeCognito["config"],
    email: string,
    password: string,
    ask: (step: string, detail?: string) => Promise<string>,
  ): Promise<{ token: string; expiresAt: number }>;
}
// A plain browser script that also exports itself under CommonJS.
const signInPage = require("../../../web/dashboard/cognito-srp.js") as SignInModule;

const officer = { email: "petugas@monitoring.example", password: "Rahasia-112-Nasional!", mfaCode: "123456" };
let cognito: FakeCognito;
beforeAll(async () => {
  cognito = await startFakeCognito(officer);
});
afterAll(() => cognito.stop());

describe("dashboard sign-in with Cognito SRP", () => {
  it("signs an officer in with password and authenticator code, and returns the access token", async () => {
    const asked: string[] = [];
    const session = await signInPage.signIn(cognito.config, officer.email, officer.password, async (step) => {
      asked.push(step);
      return officer.mfaCode;
    });
    expect(session.token).toBe("access-token-for-officer");
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    expect(asked).toEqual(["mfa-code"]);
  });

  it("refuses a wrong password (the signature does not verify)", async () => {
    await expect(
      signInPage.signIn(cognito.config, officer.email, "salah", async () => officer.mfaCode),
    ).rejects.toThrow("Incorrect username or password.");
  });

  it("refuses a wrong authenticator code", async () => {
    await expect(
      signInPage.signIn(cognito.config, officer.email, officer.password, async () => "000000"),
    ).rejects.toThrow("Invalid code");
  });

  it("writes numbers and times the way Cognito reads them", () => {
    expect(signInPage.padHex(0x7fn)).toBe("7f");
    expect(signInPage.padHex(0x80n)).toBe("0080");
    expect(signInPage.padHex(0x100n)).toBe("0100");
    expect(signInPage.cognitoTimestamp(new Date("2026-11-03T01:02:03Z"))).toBe("Tue Nov 3 01:02:03 UTC 2026");
  });
});
