// Sign-in of national monitoring officers. In the cloud the national stack writes `config.json`
// ({ region, userPoolId, userPoolClientId }) beside these files and the monitoring API needs the
// officer's token; the local centre has no `config.json` and no sign-in. Needs cognito-srp.js.

/* global siaga112Cognito */

(() => {
  const TOKEN_KEY = "siaga112.monitoring.token";
  const { signIn } = siaga112Cognito;

  let configPromise;
  function loadConfig() {
    configPromise ??= fetch("config.json", { cache: "no-store" }).then((r) => (r.ok ? r.json() : null));
    return configPromise;
  }
  function storedToken() {
    const saved = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || "null");
    return saved && saved.expiresAt > Date.now() + 60_000 ? saved.token : undefined;
  }

  /** Shows the form and resolves once the officer is signed in. */
  function promptSignIn(config) {
    const box = document.getElementById("sign-in");
    const form = document.getElementById("sign-in-form");
    const extra = document.getElementById("sign-in-extra");
    const message = document.getElementById("sign-in-message");
    box.hidden = false;
    return new Promise((resolve) => {
      const ask = (step, detail) =>
        new Promise((answer) => {
          const labels = {
            "new-password":
              "Kata sandi baru (minimal 12 karakter, huruf besar, huruf kecil, angka dan simbol)",
            "mfa-code": "Kode 6 digit dari aplikasi autentikator",
            "mfa-setup": `Tambahkan kunci ini ke aplikasi autentikator, lalu masukkan kodenya: ${detail}`,
          };
          extra.hidden = false;
          message.textContent = "";
          document.getElementById("sign-in-extra-label").textContent = labels[step];
          const input = document.getElementById("sign-in-extra-input");
          input.type = step === "new-password" ? "password" : "text";
          input.value = "";
          input.focus();
          form.onsubmit = (event) => {
            event.preventDefault();
            answer(input.value.trim());
          };
        });
      form.onsubmit = async (event) => {
        event.preventDefault();
        message.textContent = "Masuk…";
        try {
          const email = document.getElementById("sign-in-email").value.trim();
          const password = document.getElementById("sign-in-password").value;
          const session = await signIn(config, email, password, ask);
          sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
          box.hidden = true;
          extra.hidden = true;
          message.textContent = "";
          resolve(session.token);
        } catch (error) {
          message.textContent = `Gagal masuk: ${error.message}`;
          extra.hidden = true;
        }
      };
    });
  }

  let signingIn;
  /** One sign-in at a time, however many refreshes wait for it. */
  function signInOnce(config) {
    signingIn ??= promptSignIn(config).finally(() => {
      signingIn = undefined;
    });
    return signingIn;
  }

  /** `fetch` with the officer's token when the dashboard runs in the cloud. */
  async function authorizedFetch(url, options = {}) {
    const config = await loadConfig();
    if (!config) return fetch(url, options);
    let token = storedToken() || (await signInOnce(config));
    let response = await fetch(url, {
      ...options,
      headers: { ...options.headers, authorization: `Bearer ${token}` },
    });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      token = await signInOnce(config);
      response = await fetch(url, {
        ...options,
        headers: { ...options.headers, authorization: `Bearer ${token}` },
      });
    }
    return response;
  }

  globalThis.siaga112Auth = { authorizedFetch, signOut: () => sessionStorage.removeItem(TOKEN_KEY) };
})();
