// Where the console gets its configuration, how it calls the call-taker API, and the API's errors
// in Indonesian (docs/glossary.md).
//
// Locally: GET /local/tenants gives tenants and labels (domain/console-settings.ts), GET
// /local/console-key (same origin, with x-siaga112-client: console) the local key; the phone panel
// is {kind: "local"}; the user and role chosen on the page travel as x-siaga112-user /
// x-siaga112-role with the key.
// In the cloud (hosted console, console-hosted.js): the chosen tenant's `/config/<code>.json` has
// the same tenant, labels and role acts, plus its sign-in, `apiUrl` and `phonePanel`
// ({kind: "streams", ccpUrl, region}); every API call goes through the sign-in module's
// `authorizedFetch` (web/shared/sign-in.js), which sends a valid access token.
//
// A connection: { info: {tenants, labels, roleActs}, local, who(), headers(),
//   send(tenant, path, init) -> Response, phoneConfig(tenant), signOut? }

/** Indonesian names of request fields, for error messages. */
const FIELD_LABELS_ID = {
  category: "kategori",
  severity: "tingkat",
  "location.text": "lokasi",
  "location.lat": "lintang",
  "location.lon": "bujur",
  notes: "catatan",
  outcome: "hasil panggilan",
  result: "hasil telepon balik",
  assignee: "meja tujuan",
  cursor: "halaman berikutnya",
  desk: "meja",
  day: "tanggal",
  state: "status",
  limit: "jumlah per halaman",
};

/** An API error as a call-taker reads it. */
function errorTextId(status, value) {
  const fields = (value?.problems ?? []).map((p) => FIELD_LABELS_ID[p.field] ?? p.field);
  switch (value?.error) {
    case "unauthenticated":
      return "Sesi tidak dikenali. Masuk kembali.";
    case "forbidden":
      return "Peran Anda tidak diizinkan melakukan tindakan ini.";
    case "other-desk":
      return `Insiden ini ada di meja ${value.assignee}. Minta supervisor memindahkannya.`;
    case "not-found":
      return "Insiden tidak ditemukan.";
    case "conflict":
      return "Insiden sudah berubah (oleh petugas lain atau instansi). Data dimuat ulang; periksa lalu ulangi.";
    case "invalid-request":
      return fields.length > 0 ? `Isian tidak valid: ${fields.join(", ")}.` : "Permintaan tidak valid.";
    case "internal":
      return "Penyimpanan insiden gagal. Coba lagi sebentar lagi.";
    // The API words these itself, in Indonesian (lambdas/calltaker-api/request-location.ts).
    case "location-request-refused":
    case "sms-failed":
    case "not-configured":
      return value.message;
    default:
      return status === 0
        ? "Server tidak dapat dihubungi. Periksa jaringan."
        : `Terjadi kesalahan (HTTP ${status}).`;
  }
}

/** An error thrown by the API client: `message` is Indonesian, `detail` the API's own words. */
class ConsoleApiError extends Error {
  constructor(status, value) {
    super(errorTextId(status, value));
    this.status = status;
    this.detail = value?.message ?? "";
    this.code = value?.error;
  }
}

/**
 * The console's connection: configuration, who is signed in, and `send` to the call-taker API of a
 * tenant; undefined when the hosted console asks which kab/kota first.
 */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
async function connectConsole() {
  const local = await fetch("/local/tenants").catch(() => undefined);
  if (!local?.ok) return connectHostedConsole();
  const info = await local.json();
  // The key comes only to the centre's own pages: a same-origin fetch with this header.
  const { apiKey } = await (
    await fetch("/local/console-key", { headers: { "x-siaga112-client": "console" } })
  ).json();
  return {
    info,
    local: true,
    who: () => ({
      username: localStorage.getItem("siaga112.user") || "petugas-lokal",
      groups: [localStorage.getItem("siaga112.role") || "call-taker"],
    }),
    headers() {
      const who = this.who();
      return { "x-siaga112-user": who.username, "x-siaga112-role": who.groups[0] };
    },
    send(tenant, path, init) {
      const headers = { ...init.headers, "x-siaga112-key": apiKey, ...this.headers() };
      return fetch(`/t/${tenant}/api${path}`, { ...init, headers });
    },
    phoneConfig: (tenant) => ({ kind: "local", tenant, apiKey }),
  };
}

/** Calls the call-taker API of `tenant`; throws ConsoleApiError with an Indonesian message. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
async function callApi(connection, tenant, method, path, body) {
  let response;
  try {
    response = await connection.send(tenant, path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ConsoleApiError(0, undefined);
  }
  const value = await response.json().catch(() => undefined);
  if (!response.ok) throw new ConsoleApiError(response.status, value);
  return value;
}
