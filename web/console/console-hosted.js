// The hosted console (one site for every kab/kota): which tenant this browser works for, and the
// connection to that tenant's sign-in and API, all from the tenant's ONE settings file
// `/config/<code>.json` (written by the tenant's data stack: lib/tenant-console-settings.ts; what
// the page reads is domain/console-settings.ts plus sign-in, `apiUrl` and `phonePanel`).
//
// The tenant: `?tenant=<code>`, remembered (web/shared/tenant-choice.js). With no tenant at all,
// the page asks for the kab/kota's code.

/** Shows the question "which kab/kota?" instead of the console, with what went wrong, if anything. */
function askForTenant(problem) {
  siaga112TenantChoice.forget();
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
  const code = siaga112TenantChoice.chosen();
  if (!returning && !code) return askForTenant();
  if (!returning && !siaga112TenantChoice.isCode(code))
    return askForTenant(siaga112TenantChoice.notACode(code));
  let configured;
  try {
    configured = await signIn.configure({ settingsUrl: code ? `/config/${code}.json` : undefined });
  } catch (error) {
    // S3 behind CloudFront answers 403 for a file it does not have.
    if (error.status === 403 || error.status === 404) return askForTenant(siaga112TenantChoice.notHere(code));
    if (!code) return askForTenant();
    throw error;
  }
  if (configured.mode !== "cloud") return askForTenant(siaga112TenantChoice.notHere(code));
  await signIn.signIn();
  const settings = signIn.settings();
  siaga112TenantChoice.remember(settings.tenant.code);
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
