// Where the city page (city.js) gets a kab/kota's month, by the site it is on:
// - the national monitoring site: its `config.json` holds the national officers' sign-in; the
//   figures come from the monitoring API beside the page (`api/city?tenant=&month=`);
// - the call-takers' console site (a city's own supervisors and manager): its `config.json` only
//   points to the tenants' settings files (`{ "tenantSettings": "/config/{tenant}.json" }`,
//   lib/stacks/console-stack.ts); the kab/kota comes from `?tenant=` or the one the console
//   remembers (web/shared/tenant-choice.js), the sign-in is the tenant's own pool, and the figures
//   come from its call-taker API (`<apiUrl>/city?month=`; the API's own tenant is the scope);
// - the local centre: no `config.json` (404); the sign-in module's local mode.
//
// Global `siaga112CitySource.connect({ local })` -> { mode, url(tenant, month) }; it throws an
// Error whose message the page shows (Indonesian) when the kab/kota is not named or not known.

(() => {
  const SITE_SETTINGS = "config.json";

  /** A pointer to the tenants' settings files, when the site has one. */
  async function tenantSettingsPattern() {
    try {
      const response = await fetch(SITE_SETTINGS, { cache: "no-store" });
      if (!response.ok) return undefined;
      const body = await response.json();
      return typeof body?.tenantSettings === "string" ? body.tenantSettings : undefined;
    } catch {
      return undefined; // the sign-in module reads the file again and reports what is wrong
    }
  }

  async function onConsoleSite(pattern) {
    const choice = globalThis.siaga112TenantChoice;
    const code = choice.chosen();
    if (!code)
      throw new Error(
        "kab/kota belum disebut. Buka halaman ini dari Konsol Petugas 112, atau tambahkan kode Kemendagri kab/kota Anda ke alamat, mis. ?tenant=71.71.",
      );
    if (!choice.isCode(code)) throw new Error(choice.notACode(code));
    let configured;
    try {
      configured = await siaga112SignIn.configure({
        settingsUrl: pattern.replace("{tenant}", encodeURIComponent(code)),
      });
    } catch (error) {
      // S3 behind CloudFront answers 403 for a file it does not have.
      if (error.status === 403 || error.status === 404) throw new Error(choice.notHere(code));
      throw error;
    }
    if (configured.mode !== "cloud") throw new Error(choice.notHere(code));
    const { apiUrl } = siaga112SignIn.settings();
    return {
      mode: "cloud",
      url: (_tenant, month) => `${apiUrl}/city?${new URLSearchParams(month ? { month } : {})}`,
    };
  }

  async function connect({ local }) {
    const pattern = await tenantSettingsPattern();
    if (pattern) return onConsoleSite(pattern);
    const { mode } = await siaga112SignIn.configure({ settingsUrl: SITE_SETTINGS, local });
    return {
      mode,
      url: (tenant, month) =>
        `api/city?${new URLSearchParams({ ...(tenant ? { tenant } : {}), ...(month ? { month } : {}) })}`,
    };
  }

  globalThis.siaga112CitySource = { connect };
})();
