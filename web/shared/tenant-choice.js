// Which kab/kota this browser works for on the console site (one site for every tenant): the
// console (web/console/console-hosted.js) and the city page on the same site
// (web/dashboard/city-source.js) read it the same way.
//
// The tenant comes from `?tenant=<code>` and is remembered in localStorage, because Cognito's
// sign-out (and a bookmark of the site) lands on the bare site address; `?tenant=` (empty) forgets
// it.
//
// Global `siaga112TenantChoice`:
//   chosen()     -> the code asked for in the address (remembered from now on), else the remembered
//                   one, else undefined
//   remember(code), forget()
//   isCode(code) -> whether it is a Kemendagri code: `71.71`, or `31` for a province-level centre
//   notACode(code), notHere(code) -> what the page says of a code that is not one, or that the
//                   site has no settings for (docs/glossary.md)

(() => {
  const TENANT_KEY = "siaga112.console.tenant";
  const TENANT_CODE = /^[0-9]{2}(\.[0-9]{2})?$/;

  const remember = (code) => localStorage.setItem(TENANT_KEY, code);
  const forget = () => localStorage.removeItem(TENANT_KEY);

  function chosen() {
    const query = new URLSearchParams(location.search);
    if (query.has("tenant")) {
      const code = (query.get("tenant") ?? "").trim();
      if (code) remember(code);
      else forget();
      return code || undefined;
    }
    return localStorage.getItem(TENANT_KEY) || undefined;
  }

  globalThis.siaga112TenantChoice = {
    chosen,
    remember,
    forget,
    isCode: (code) => TENANT_CODE.test(code),
    notACode: (code) => `"${code}" bukan kode kab/kota. Tulis kode Kemendagri, mis. 71.71.`,
    notHere: (code) => `Layanan 112 dengan kode ${code} belum terdaftar di konsol ini. Periksa kodenya.`,
  };
})();
