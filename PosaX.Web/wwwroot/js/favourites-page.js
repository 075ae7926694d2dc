// /favoris: sends this device's favourite ids and shows the cards the server renders for them
// (works no longer on the site come back as such, with their heart to remove them).
import { readFavourites, bindFavourites } from "./favourites.js";

const list = document.getElementById("favourites");
const status = document.getElementById("favourites-status");
const ids = readFavourites();
if (list && status) {
  if (ids.length === 0) {
    status.textContent = list.dataset.textEmpty;
    document.getElementById("favourites-browse").hidden = false;
  } else {
    try {
      const response = await fetch(`${list.dataset.cardsUrl}?ids=${ids.join(",")}`, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      list.innerHTML = await response.text();
      status.textContent = "";
      bindFavourites(list);
    } catch {
      status.textContent = list.dataset.textFailed;
    }
  }
}
