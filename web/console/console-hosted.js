// The hosted console (one site for every kab/kota): which tenant this browser works for, and the
// connection to that tenant's sign-in and API, all from the tenant's ONE settings file
// `/config/<code>.json` (written by the tenant's data stack: lib/tenant-console-settings.ts; what
// the page reads is domain/console-settings.ts plus sign-in, `apiUrl` and `phonePanel`).
//
// The tenant comes from `?tenant=<code>` and is remembered in localStorage, because Cognito's
// sign-out (and a bookmark of the site) lands on the bare site address; `?tenant=` (empty) forgets
// it. With no tenant at all, the page asks for the kab/kota's code.

const TENANT_KEY = "siaga112.console.tenant";
/** A Kemendagri code of a tenant: `71.71`, or `31` for a province-level centre. */
const TENANT_CODE = /^[0-9]{2}(\.[0-9]{2})?$/;

/** The tenant asked for in the address (remembered from now on), else the remembered one. */
function chosenTenantCode() {
  const query = new URLSearchParams(location.search);
  if (query.has("tenant")) {
    const code = (query.get("tenant") ?? "").trim();
    if (code) localStorage.setItem(TENANT_KEY, code);
    else localStorage.removeItem(TENANT_KEY);
    return code || undefined;
  }
  return localStorage.getItem(TENANT_KEY) || undefined;
}

/** Shows the question "which kab/kota?" instead of the console, with what went wrong, if anything. */
function askForTenant(problem) {
  localStorage.removeItem(TENANT_KEY);
  for (const id of ["toolbar", "layout"]) $(id).hidden = true;
  $("choose-tenant").hidden = false;
  $("choose-error").hidden = !problem;
  $("choose-error").textContent = problem ?? "";
  $("choose-code").focus();
}

/**
 * Signs in to the chosen tenant's pool and returns the console's connection, or undefined when
 * the page asks for the tenant instead. The browser may leave for the hosted sign-in page here.
 */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
async function connectHostedConsole() {
  const signIn = globalThis.siaga112SignIn;
  const query = new URLSearchParams(location.search);
  // Back from the hosted page (`?code=&state=`): the sign-in module knows which settings it used.
  const returning = query.has("code") && query.has("state");
  const code = chosenTenantCode();
  if (!returning && !code) return askForTenant();
  if (!returning && !TENANT_CODE.test(code))
    return askForTenant(`"${code}" bukan kode kab/kota. Tulis kode Kemendagri, mis. 71.71.`);
  let configured;
  try {
    configured = await signIn.configure({ settingsUrl: code ? `/config/${code}.json` : undefined });
  } catch (error) {
    // S3 behind CloudFront answers 403 for a file it does not have.
    if (error.status === 403 || error.status === 404) return askForTenant(notHere(code));
    if (!code) return askForTenant();
    throw error;
  }
  if (configured.mode !== "cloud") return askForTenant(notHere(code));
  await signIn.signIn();
  const settings = signIn.settings();
  localStorage.setItem(TENANT_KEY, settings.tenant.code);
  return {
    info: { tenants: [settings.tenant], labels: settings.labels, roleActs: settings.roleActs },
    local: false,
    who: () => signIn.identity() ?? { username: "", groups: [] },
    headers: () => ({}),
    // A token lives an hour: the sign-in module gives a valid one for every request.
    send: (_tenant, path, init) => signIn.authorizedFetch(`${settings.apiUrl}${path}`, init),
    phoneConfig: () => ({ ...settings.phonePanel }),
    signOut: () => signIn.signOut(),
  };
}

function notHere(code) {
  return `Layanan 112 dengan kode ${code} belum terdaftar di konsol ini. Periksa kodenya.`;
}
