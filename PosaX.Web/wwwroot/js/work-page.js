// The work page: the order form in a dialog, the photo strip (thumbnails scroll it, a tap zooms),
// and the copy-link button. Without JavaScript: "Commander" leads to the order page, the photos
// still swipe (CSS scroll snap), the thumbnails jump to their photo.
// And one view of the page, counted without cookie or identifier (Features/Statistics): the page may
// come from the cache, the beacon does not. Pre-rendering (the site's own, a browser's) runs it late or never.

const text = (name) => document.body.dataset[name] ?? "";

for (const opener of document.querySelectorAll("[data-open-dialog]")) {
  const dialog = document.getElementById(opener.dataset.openDialog);
  if (!dialog?.showModal) continue;
  opener.addEventListener("click", (event) => {
    event.preventDefault();
    dialog.showModal();
    dialog.querySelector("input, textarea")?.focus();
  });
}

for (const dialog of document.querySelectorAll("dialog")) {
  // A tap on the backdrop (the dialog box itself, outside its content) closes it.
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
  for (const closer of dialog.querySelectorAll("[data-close-dialog]")) closer.addEventListener("click", () => dialog.close());
}

const gallery = document.querySelector("[data-gallery]");
const strip = gallery?.querySelector(".work-gallery__slides");
if (strip) {
  for (const thumb of gallery.querySelectorAll("[data-slide]")) {
    thumb.addEventListener("click", (event) => {
      event.preventDefault();
      const slide = strip.children[Number(thumb.dataset.slide)];
      strip.scrollTo({ left: slide.offsetLeft - strip.offsetLeft, behavior: "smooth" });
    });
  }
  const zoom = document.getElementById("photo-zoom");
  // The full-size picture is made here: an <img> without src in the page would be invalid HTML.
  const zoomed = zoom ? document.createElement("img") : null;
  if (zoom?.showModal && zoomed) {
    zoom.append(zoomed);
    for (const photo of strip.querySelectorAll("img[data-full]")) {
      photo.addEventListener("click", () => {
        zoomed.src = photo.dataset.full;
        zoomed.alt = photo.alt;
        zoom.showModal();
      });
    }
    zoom.addEventListener("close", () => zoomed.removeAttribute("src"));
  }
}

for (const button of document.querySelectorAll("[data-copy-url]")) {
  button.addEventListener("click", async () => {
    const url = button.dataset.copyUrl;
    try {
      if (navigator.share) {
        await navigator.share({ title: button.dataset.shareTitle, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      const label = button.textContent;
      button.textContent = text("textLinkCopied");
      setTimeout(() => { button.textContent = label; }, 2000);
    } catch {
      // Dismissed share sheet or no clipboard access: nothing to say.
    }
  });
}

const beacon = document.querySelector("[data-view-beacon]")?.dataset.viewBeacon;
if (beacon) {
  const send = () => {
    if (!navigator.sendBeacon?.(beacon)) fetch(beacon, { method: "POST", keepalive: true }).catch(() => {});
  };
  if (document.prerendering) document.addEventListener("prerenderingchange", send, { once: true });
  else send();
}
