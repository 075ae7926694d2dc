// The artwork form: previews of the chosen photos before sending, and reordering of the stored
// ones (the hidden imageOrder inputs follow the list, first = cover). Upload progress is the
// ajax-form helper's job (data-upload-progress).
const form = document.getElementById("artwork-form");
if (form) {
  const input = form.querySelector("input[type=file][name=images]");
  const previews = form.querySelector("[data-previews]");
  let urls = [];
  input?.addEventListener("change", () => {
    for (const url of urls) URL.revokeObjectURL(url);
    urls = [];
    previews.replaceChildren();
    for (const file of input.files ?? []) {
      if (!file.type.startsWith("image/")) continue;
      const url = URL.createObjectURL(file);
      urls.push(url);
      const item = document.createElement("li");
      const img = document.createElement("img");
      img.src = url;
      img.alt = file.name;
      img.width = 96;
      img.height = 72;
      item.append(img);
      previews.append(item);
    }
  });

  const list = form.querySelector("[data-stored-images]");
  list?.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    const item = button.closest("li");
    if (button.dataset.move === "up" && item.previousElementSibling) {
      item.previousElementSibling.before(item);
    } else if (button.dataset.move === "down" && item.nextElementSibling) {
      item.nextElementSibling.after(item);
    }
    button.focus();
  });
}
