// Favourites on this device only: the ids in localStorage (no cookie, no account). Every heart
// (button.favourite, hidden in the HTML: a cached page cannot know the state) is shown with its
// state in aria-pressed; a tap changes it here and tells the server once (POST to the page's one template,
// body[data-favourite-url] in the page's language: /oeuvres/{id}/favori or /en/artworks/{id}/favourite, with
// the heart's data-artwork-id; state=on|off: a count, nothing about the visitor), with a token fetched as cached forms do.
const KEY = "posax.favourites";
const MAX = 100;

export function readFavourites() {
  try {
    const ids = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(ids) ? ids.filter((id) => Number.isSafeInteger(id) && id > 0) : [];
  } catch {
    return [];
  }
}

function write(ids) {
  try { localStorage.setItem(KEY, JSON.stringify(ids.slice(0, MAX))); } catch { /* private mode, full: kept for this page only */ }
}

let tokenRequest = null;
function token() {
  tokenRequest ??= fetch("/antiforgery/token", { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error("token"))))
    .then((body) => body.token)
    .catch((error) => { tokenRequest = null; throw error; });
  return tokenRequest;
}

async function count(url, on) {
  if (!url) return;
  try {
    const body = new FormData();
    body.set("state", on ? "on" : "off");
    await fetch(url, {
      // keepalive: a tap followed at once by a link still counts.
      method: "POST", body, credentials: "same-origin", keepalive: true,
      headers: { "RequestVerificationToken": await token(), "Accept": "application/json" },
    });
  } catch {
    // Offline: the favourite is kept on the device all the same; only the count misses it.
  }
}

function toggle(id, on, url) {
  const ids = readFavourites().filter((other) => other !== id);
  if (on) ids.unshift(id);
  write(ids);
  for (const heart of document.querySelectorAll(`button.favourite[data-artwork-id="${id}"]`)) heart.setAttribute("aria-pressed", String(on));
  count(url, on);
}

// The count's URL of a work: the page's template (one attribute, not one URL per card).
function countUrl(id) {
  const template = document.body.dataset.favouriteUrl;
  return template ? template.replace("{id}", String(id)) : null;
}

export function bindFavourites(root = document) {
  const ids = new Set(readFavourites());
  for (const heart of root.querySelectorAll("button.favourite[data-artwork-id]")) {
    const id = Number(heart.dataset.artworkId);
    heart.setAttribute("aria-pressed", String(ids.has(id)));
    heart.hidden = false;
    heart.addEventListener("click", () => toggle(id, heart.getAttribute("aria-pressed") !== "true", countUrl(id)));
  }
}
