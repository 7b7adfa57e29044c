// The DOM helpers every siaga112 page shares (dashboard, console, inbox): plain browser script, no
// library. Served with the dashboard's files (the console and inbox load /dashboard/dom.js).

/** An element with attributes and, when given, its text (never HTML: text is not parsed). */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The element with this id. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
const $ = (id) => document.getElementById(id);

/** Shows who is signed in (`#who`) and the `#sign-out` button, which calls `signOut`. */
// biome-ignore lint/correctness/noUnusedVariables: a global for the page scripts loaded after this one
function showSignedIn(username, signOut) {
  $("who").textContent = username;
  $("who").hidden = false;
  $("sign-out").hidden = false;
  $("sign-out").addEventListener("click", signOut);
}
